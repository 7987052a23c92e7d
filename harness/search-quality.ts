// The golden query sets (content/search/queries.yaml for the default language, content/<lang>/search/queries.yaml
// for each other) run through the search module: what `npm run bench:search` prints and what the search-quality test
// holds to the targets, in every language that has a set.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { articleHref, flowHref } from '../src/lib/links.ts';
import type { Catalog } from '../src/lib/catalog.ts';
import { queryLanguage } from '../src/search/query-language.ts';
import { answerArticles, quickAnswer, type AnswerArticle, type QuickAnswer } from '../src/search/quick-answer.ts';
import { defaultLanguage, localizedPath } from '../src/i18n/languages.ts';
import type { Search, SearchOutcome } from '../src/search/search.ts';

export const QUALITY_TARGETS = {
  /** Share of answerable queries with a listed answer in the first three results. */
  hitAt3: 0.95,
  /** … as the first result. */
  hitAt1: 0.85,
  /** Share of answerable queries that find nothing at all, at most. */
  zeroResults: 0.02,
  /** Share of unanswerable queries shown the no-results help (no exact match), at least. */
  unanswerableHelped: 1,
} as const;

const goldenSchema = z.strictObject({
  queries: z.array(
    z.strictObject({
      query: z.string().min(1),
      kind: z.enum(['question', 'fragment', 'typo', 'other-words', 'long', 'apostrophe']),
      answers: z.array(z.string().regex(/^(flow:)?[a-z0-9-]+$/)),
    }),
  ),
});

export type GoldenQuery = z.infer<typeof goldenSchema>['queries'][number] & { position: number };

export function readGoldenQueries(path = 'content/search/queries.yaml'): GoldenQuery[] {
  return goldenSchema.parse(parse(readFileSync(path, 'utf8'))).queries.map((q, position) => ({ ...q, position }));
}

/** A language's golden query set: where its file is. */
export interface GoldenSet {
  language: string;
  /** Relative to the project's root. */
  file: string;
}

/** The golden query sets of the content in `contentDir` (relative to `root`): the default language's first. */
export function goldenSets(root: string, contentDir = 'content'): GoldenSet[] {
  const sets: GoldenSet[] = [{ language: defaultLanguage.code, file: `${contentDir}/search/queries.yaml` }];
  for (const entry of readdirSync(join(root, contentDir), { withFileTypes: true })) {
    const file = `${contentDir}/${entry.name}/search/queries.yaml`;
    if (entry.isDirectory() && entry.name !== defaultLanguage.code && existsSync(join(root, file)))
      sets.push({ language: entry.name, file });
  }
  return sets;
}

/** The page URL an answer id names (a slug, or `flow:<id>`), in `language` (the default unless said). */
export function answerUrl(answer: string, language = defaultLanguage.code): string {
  return localizedPath(answer.startsWith('flow:') ? flowHref(answer.slice('flow:'.length)) : articleHref(answer), language);
}

/**
 * Half of the set, for tuning on one and checking on the other: "A" holds the queries at even positions in the file,
 * "B" the odd ones. The file groups queries by their answer, so each half asks about every article.
 */
export function half(queries: GoldenQuery[], which: 'A' | 'B'): GoldenQuery[] {
  return queries.filter((q) => q.position % 2 === (which === 'A' ? 0 : 1));
}

export interface QueryRun {
  query: GoldenQuery;
  outcome: SearchOutcome;
  ms: number;
  /** 1-based rank of the first listed answer among the results shown, or undefined. */
  rank?: number;
}

export interface QualityFigures {
  answerable: number;
  unanswerable: number;
  hitAt1: number;
  hitAt3: number;
  mrr: number;
  zeroResults: number;
  unanswerableHelped: number;
  msMean: number;
  msP95: number;
}

export async function runGoldenQueries(search: Search, queries: GoldenQuery[], language = defaultLanguage.code): Promise<QueryRun[]> {
  const runs: QueryRun[] = [];
  for (const query of queries) {
    const started = performance.now();
    const outcome = await search({ query: query.query });
    const ms = performance.now() - started;
    const urls = new Set(query.answers.map((answer) => answerUrl(answer, language)));
    const index = outcome.hits.findIndex((hit) => urls.has(hit.url));
    runs.push({ query, outcome, ms, ...(index >= 0 ? { rank: index + 1 } : {}) });
  }
  return runs;
}

export function figures(runs: QueryRun[]): QualityFigures {
  const answerable = runs.filter((r) => r.query.answers.length > 0);
  const unanswerable = runs.filter((r) => r.query.answers.length === 0);
  const share = (list: QueryRun[], test: (r: QueryRun) => boolean) => (list.length ? list.filter(test).length / list.length : 1);
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: share(answerable, (r) => r.rank === 1),
    hitAt3: share(answerable, (r) => r.rank !== undefined && r.rank <= 3),
    mrr: answerable.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / (answerable.length || 1),
    zeroResults: share(answerable, (r) => r.outcome.hits.length === 0),
    unanswerableHelped: share(unanswerable, (r) => r.outcome.match !== 'exact'),
    msMean: times.reduce((a, b) => a + b, 0) / (times.length || 1),
    msP95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0,
  };
}

/** Queries that miss a target: answerable ones without an answer in the top three, unanswerable ones given an exact match. */
export function misses(runs: QueryRun[]): QueryRun[] {
  return runs.filter((r) => (r.query.answers.length ? r.rank === undefined || r.rank > 3 : r.outcome.match === 'exact'));
}

/** The quick answers' targets (issue #20), over the answerable queries. */
export const ANSWER_TARGETS = {
  /** Of the queries shown a quick answer, the share whose section is from a listed answer, at least. */
  precision: 0.9,
  /** Of the answerable queries, the share shown a quick answer, at least. */
  coverage: 0.6,
} as const;

export interface AnswerRun {
  query: GoldenQuery;
  answer?: QuickAnswer;
  right: boolean;
}

/** Each query's quick answer from its search outcome, and whether it quotes an article the query lists. */
export function answerRuns(
  runs: QueryRun[],
  articleAt: (url: string) => AnswerArticle | undefined,
  language = defaultLanguage.code,
): AnswerRun[] {
  return runs.map((run) => {
    const answer = quickAnswer(run.outcome, articleAt, queryLanguage(language));
    return { query: run.query, answer, right: answer !== undefined && run.query.answers.includes(answer.article.slug) };
  });
}

/**
 * Precision: of the queries given a box (unanswerable ones included, where any box is wrong), the share whose box
 * quotes a right article. Coverage: of the answerable queries, the share given a box.
 */
export function answerFigures(runs: AnswerRun[]): { precision: number; coverage: number; boxes: number; answerable: number } {
  const boxed = runs.filter((r) => r.answer);
  const answerable = runs.filter((r) => r.query.answers.length);
  return {
    precision: boxed.length ? boxed.filter((r) => r.right).length / boxed.length : 1,
    coverage: answerable.length ? answerable.filter((r) => r.answer).length / answerable.length : 0,
    boxes: boxed.length,
    answerable: answerable.length,
  };
}

/** The articles of a build's catalog (dist/client/catalog.json) in `language` as quick answers read them, by page address. */
export function catalogArticles(catalog: Catalog, language = defaultLanguage.code): (url: string) => AnswerArticle | undefined {
  const byUrl = answerArticles(catalog, language);
  return (url) => byUrl.get(url);
}
