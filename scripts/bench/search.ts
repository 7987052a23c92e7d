// Search quality: `npm run bench:search [-- --language=es] [--half=A|B] [--sweep]`. Every query of each language's
// golden set (content/search/queries.yaml for the default language, content/<lang>/search/queries.yaml for another)
// through the search module against that language's built index (built first when stale), with hit@1, hit@3, MRR,
// the zero-result rate and the time per query beside the targets, then the quick answers' precision and coverage,
// then the misses. --language measures one language only.
// --sweep tries each Pagefind ranking setting in turn on half A (the tuning half) and shows half B beside it (for the
// default language, or --language).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIfStale } from '../../harness/server-process.ts';
import {
  ANSWER_TARGETS,
  QUALITY_TARGETS,
  answerFigures,
  answerRuns,
  catalogArticles,
  figures,
  goldenSets,
  half,
  misses,
  readGoldenQueries,
  runGoldenQueries,
  type GoldenQuery,
} from '../../harness/search-quality.ts';
import type { Catalog } from '../../src/lib/catalog.ts';
import { TROUBLESHOOTERS_PATH } from '../../src/lib/links.ts';
import { languageBundleDir, openNodeSearch } from '../../src/search/node-search.ts';
import { PAGEFIND_OPTIONS } from '../../src/search/pagefind-options.ts';
import { localizedPath } from '../../src/i18n/languages.ts';
import { site } from '../../src/site.config.ts';
import { renderTable, verdict } from './measure/report.ts';

const args = process.argv.slice(2);
const only = /^--half=([AB])$/.exec(args.find((a) => a.startsWith('--half')) ?? '')?.[1] as 'A' | 'B' | undefined;
const sweep = args.includes('--sweep');
const chosenLanguage = /^--language=(.+)$/.exec(args.find((a) => a.startsWith('--language')) ?? '')?.[1];
const root = resolve(import.meta.dirname, '../..');
buildIfStale(root);
const sets = goldenSets(root).filter((set) => !chosenLanguage || set.language === chosenLanguage);
if (!sets.length) {
  console.error(`No golden query set for the language "${chosenLanguage}" (content/${chosenLanguage}/search/queries.yaml).`);
  process.exit(1);
}
const pct = (n: number) => `${(n * 100).toFixed(1)} %`;

for (const [i, { language, file }] of (sweep ? sets.slice(0, 1) : sets).entries()) {
  if (i) console.log('\n');
  await measure(language, file);
}

async function measure(language: string, file: string) {
  const bundleDir = languageBundleDir(join(root, 'dist', 'client'), language);
  const open = (pagefindOptions = PAGEFIND_OPTIONS) =>
    openNodeSearch({
      bundleDir,
      language,
      flowPathPrefix: localizedPath(TROUBLESHOOTERS_PATH, language),
      productName: site.productName,
      pagefindOptions,
    });

  const all = readGoldenQueries(join(root, file));

  if (sweep) {
    // One setting at a time around the shipped ones: what each does on the tuning half, and on the held-out half.
    type Ranking = typeof PAGEFIND_OPTIONS.ranking;
    const shipped = PAGEFIND_OPTIONS.ranking;
    const tries: [string, (value: number) => Ranking, number[]][] = [
      ['termFrequency', (v) => ({ ...shipped, termFrequency: v }), [0, 0.25, 0.5, 0.75, 1]],
      ['termSimilarity', (v) => ({ ...shipped, termSimilarity: v }), [0, 0.5, 1, 2, 4]],
      ['pageLength', (v) => ({ ...shipped, pageLength: v }), [0, 0.25, 0.5, 0.75, 1]],
      ['termSaturation', (v) => ({ ...shipped, termSaturation: v }), [0.5, 1, 1.4, 2]],
      ...(Object.keys(shipped.metaWeights) as (keyof Ranking['metaWeights'])[]).map(
        (field): [string, (value: number) => Ranking, number[]] => [
          `metaWeights.${field}`,
          (v) => ({ ...shipped, metaWeights: { ...shipped.metaWeights, [field]: v } }),
          [0, 1, 2, 3, 5, 8, 12],
        ],
      ),
    ];
    const rows: string[][] = [];
    for (const [name, ranking, values] of tries) {
      for (const value of values) {
        const search = await open({ ...PAGEFIND_OPTIONS, ranking: ranking(value) });
        const a = figures(await runGoldenQueries(search, half(all, 'A'), language));
        const b = figures(await runGoldenQueries(search, half(all, 'B'), language));
        const current = JSON.stringify(ranking(value)) === JSON.stringify(shipped) ? ' (shipped)' : '';
        rows.push([
          `${name} = ${value}${current}`,
          pct(a.hitAt1),
          pct(a.hitAt3),
          a.mrr.toFixed(3),
          pct(b.hitAt1),
          pct(b.hitAt3),
          b.mrr.toFixed(3),
        ]);
      }
    }
    console.log(`Pagefind ranking settings on the golden queries in ${language} (${file})\n`);
    console.log(renderTable(['setting (others as shipped)', 'A hit@1', 'A hit@3', 'A MRR', 'B hit@1', 'B hit@3', 'B MRR'], rows));
    return;
  }

  const search = await open();
  const halves: [string, GoldenQuery[]][] = only
    ? [[`half ${only}`, half(all, only)]]
    : [
        ['all', all],
        ['half A (tuning)', half(all, 'A')],
        ['half B (held out)', half(all, 'B')],
      ];
  const results = [];
  for (const [label, queries] of halves) results.push({ label, runs: await runGoldenQueries(search, queries, language) });
  const articleAt = catalogArticles(JSON.parse(readFileSync(join(root, 'dist', 'client', 'catalog.json'), 'utf8')) as Catalog, language);
  const shown = results.map((r) => ({ ...r, f: { ...figures(r.runs), answers: answerFigures(answerRuns(r.runs, articleAt, language)) } }));
  type Shown = (typeof shown)[number]['f'];

  console.log(`Search quality in ${language} on ${all.length} golden queries (${file}), index ${bundleDir}\n`);
  const row = (name: string, value: (f: Shown) => string, target: string, ok?: (f: Shown) => boolean) => [
    name,
    ...shown.map((s) => value(s.f)),
    target,
    ok ? verdict(ok(shown[0].f)) : '',
  ];
  console.log(
    renderTable(
      ['figure', ...shown.map((s) => s.label), 'target', `result (${shown[0].label})`],
      [
        row('queries: answerable / not', (f) => `${f.answerable} / ${f.unanswerable}`, ''),
        row(
          'hit@1',
          (f) => pct(f.hitAt1),
          `≥ ${pct(QUALITY_TARGETS.hitAt1)}`,
          (f) => f.hitAt1 >= QUALITY_TARGETS.hitAt1,
        ),
        row(
          'hit@3',
          (f) => pct(f.hitAt3),
          `≥ ${pct(QUALITY_TARGETS.hitAt3)}`,
          (f) => f.hitAt3 >= QUALITY_TARGETS.hitAt3,
        ),
        row('MRR', (f) => f.mrr.toFixed(3), ''),
        row(
          'answerable with no results',
          (f) => pct(f.zeroResults),
          `≤ ${pct(QUALITY_TARGETS.zeroResults)}`,
          (f) => f.zeroResults <= QUALITY_TARGETS.zeroResults,
        ),
        row(
          'unanswerable given the no-results help',
          (f) => pct(f.unanswerableHelped),
          `${pct(QUALITY_TARGETS.unanswerableHelped)}`,
          (f) => f.unanswerableHelped >= QUALITY_TARGETS.unanswerableHelped,
        ),
        row(
          'quick answers: from a right article',
          (f) => `${pct(f.answers.precision)} of ${f.answers.boxes}`,
          `≥ ${pct(ANSWER_TARGETS.precision)}`,
          (f) => f.answers.precision >= ANSWER_TARGETS.precision,
        ),
        row(
          'quick answers: answerable queries given one',
          (f) => pct(f.answers.coverage),
          `≥ ${pct(ANSWER_TARGETS.coverage)}`,
          (f) => f.answers.coverage >= ANSWER_TARGETS.coverage,
        ),
        row('time per query, mean / p95 (Node)', (f) => `${f.msMean.toFixed(1)} / ${f.msP95.toFixed(1)} ms`, ''),
      ],
    ),
  );
  const missed = misses(shown[0].runs);
  console.log(`\nMisses (${missed.length}): answerable without an answer in the top 3, unanswerable given an exact match\n`);
  for (const run of missed) {
    const top = run.outcome.hits
      .slice(0, 3)
      .map((h) => h.url.replace(/^(\/[a-z]{2,3})?\/articles\/|\/$/g, '').replace(/^(\/[a-z]{2,3})?\/troubleshoot\//, 'flow:'));
    console.log(
      `  ${run.query.position % 2 ? 'B' : 'A'} [${run.query.kind}] "${run.query.query}" → ${run.outcome.match}${run.outcome.correctedQuery ? ` ("${run.outcome.correctedQuery}")` : ''}: ${top.join(', ') || 'nothing'}; wanted ${run.query.answers.join(', ') || 'the no-results help'}`,
    );
  }
}
