// The golden query set of each language (content/search/queries.yaml, content/<lang>/search/queries.yaml) against
// that language's index built from content/ as shipped, held to the quality targets of issue #13, and the quick
// answers to those of issue #20. `npm run bench:search` prints the same figures, the misses and each half's.
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerFigures,
  answerRuns,
  answerUrl,
  catalogArticles,
  figures,
  goldenSets,
  misses,
  readGoldenQueries,
  runGoldenQueries,
  type AnswerRun,
  type QueryRun,
} from '../../harness/search-quality.ts';
import { projectRoot } from '../../harness/project-copy.ts';
import type { Catalog } from '../../src/lib/catalog.ts';
import { TROUBLESHOOTERS_PATH } from '../../src/lib/links.ts';
import { languageBundleDir, openNodeSearch } from '../../src/search/node-search.ts';
import { localizedPath } from '../../src/i18n/languages.ts';
import { site } from '../../src/site.config.ts';

// The targets of #13 and #20, the same for every language (`npm run bench:search -- --language=es` prints them
// beside a language's figures).
const TARGETS = { hitAt3: 0.95, hitAt1: 0.85, coverage: 0.6 };
const percent = (share: number) => `${Math.round(share * 100)} %`;

describe.each(goldenSets(projectRoot))('in $language ($file)', ({ language, file }) => {
  const queries = readGoldenQueries(`${projectRoot}/${file}`);
  let runs: QueryRun[];
  let answers: AnswerRun[];

  beforeAll(async () => {
    const search = await openNodeSearch({
      bundleDir: languageBundleDir(`${projectRoot}/dist/client`, language),
      language,
      flowPathPrefix: localizedPath(TROUBLESHOOTERS_PATH, language),
      productName: site.productName,
    });
    runs = await runGoldenQueries(search, queries, language);
    const catalog = JSON.parse(readFileSync(`${projectRoot}/dist/client/catalog.json`, 'utf8')) as Catalog;
    answers = answerRuns(runs, catalogArticles(catalog, language), language);
  });

  const listed = (list: QueryRun[]) =>
    list
      .map(
        (r) =>
          `"${r.query.query}" → ${
            r.outcome.hits
              .slice(0, 3)
              .map((h) => h.url)
              .join(', ') || 'nothing'
          }`,
      )
      .join('\n');

  describe('search quality on the golden query set', () => {
    it('names only answers that exist', () => {
      const answers = new Set(queries.flatMap((q) => q.answers));
      const missing = [...answers].filter((a) => !existsSync(`${projectRoot}/dist/client${answerUrl(a, language)}index.html`));
      expect(missing).toEqual([]);
    });

    it(`puts an answer in the top three for at least ${percent(TARGETS.hitAt3)} of the answerable queries`, () => {
      const answerable = runs.filter((r) => r.query.answers.length);
      expect(figures(runs).hitAt3, listed(misses(answerable))).toBeGreaterThanOrEqual(TARGETS.hitAt3);
    });

    it(`puts an answer first for at least ${percent(TARGETS.hitAt1)} of the answerable queries`, () => {
      expect(figures(runs).hitAt1).toBeGreaterThanOrEqual(TARGETS.hitAt1);
    });

    it('finds something for all but 2 % of the answerable queries', () => {
      const none = runs.filter((r) => r.query.answers.length && r.outcome.hits.length === 0);
      expect(figures(runs).zeroResults, listed(none)).toBeLessThanOrEqual(0.02);
    });

    it('gives every unanswerable query the no-results help (closest articles beside it allowed), never an exact match', () => {
      const exact = runs.filter((r) => !r.query.answers.length && r.outcome.match === 'exact');
      expect(
        exact.map((r) => r.query.query),
        listed(exact),
      ).toEqual([]);
    });
  });

  describe('quick answers on the golden query set', () => {
    const wrong = () =>
      answers
        .filter((r) => r.answer && !r.right)
        .map((r) => `"${r.query.query}" → ${r.answer!.href}`)
        .join('\n');

    it('quote a section of a right article for at least 90 % of the queries shown one', () => {
      expect(answerFigures(answers).precision, wrong()).toBeGreaterThanOrEqual(0.9);
    });

    it(`are shown for at least ${percent(TARGETS.coverage)} of the answerable queries`, () => {
      expect(answerFigures(answers).coverage).toBeGreaterThanOrEqual(TARGETS.coverage);
    });

    it('quote at most about 80 words, each from the article quoted', () => {
      for (const { answer, query } of answers) {
        if (!answer) continue;
        const shown = answer.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : b.items)).join(' ');
        expect(shown.split(/\s+/).filter(Boolean).length, query.query).toBeLessThanOrEqual(80);
        const markdown = readFileSync(`${projectRoot}/dist/client${answer.article.url.replace(/\/$/, '')}.md`, 'utf8');
        const articleWords = new Set(markdown.toLowerCase().match(/[\p{L}\p{N}]+/gu));
        const foreign = (shown.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !articleWords.has(w));
        expect(foreign, query.query).toEqual([]);
      }
    });
  });
});
