// The golden query set (content/search/queries.yaml) against the index built from content/ as shipped, held to the
// quality targets of issue #13. `npm run bench:search` prints the same figures, the misses and each half's.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerUrl, figures, misses, readGoldenQueries, runGoldenQueries, type QueryRun } from '../../harness/search-quality.ts';
import { projectRoot } from '../../harness/project-copy.ts';
import { TROUBLESHOOTERS_PATH } from '../../src/lib/links.ts';
import { openNodeSearch } from '../../src/search/node-search.ts';
import { site } from '../../src/site.config.ts';

const queries = readGoldenQueries(`${projectRoot}/content/search/queries.yaml`);
let runs: QueryRun[];

beforeAll(async () => {
  const search = await openNodeSearch({
    bundleDir: `${projectRoot}/dist/client/pagefind`,
    language: site.locale,
    flowPathPrefix: TROUBLESHOOTERS_PATH,
    productName: site.productName,
  });
  runs = await runGoldenQueries(search, queries);
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
    const missing = [...answers].filter((a) => !existsSync(`${projectRoot}/dist/client${answerUrl(a)}index.html`));
    expect(missing).toEqual([]);
  });

  it('puts an answer in the top three for at least 95 % of the answerable queries', () => {
    const answerable = runs.filter((r) => r.query.answers.length);
    expect(figures(runs).hitAt3, listed(misses(answerable))).toBeGreaterThanOrEqual(0.95);
  });

  it('puts an answer first for at least 85 % of the answerable queries', () => {
    expect(figures(runs).hitAt1).toBeGreaterThanOrEqual(0.85);
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
