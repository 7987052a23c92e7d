import { readGoldenQueries, runGoldenQueries } from '../harness/search-quality.ts';
import { openNodeSearch } from '../src/search/node-search.ts';
const s = await openNodeSearch({ bundleDir: 'dist/client/pagefind', language: 'en', flowPathPrefix: '/troubleshoot/', productName: 'Loomwork' });
const runs = await runGoldenQueries(s, readGoldenQueries());
for (const r of runs) console.log([r.query.position % 2 ? 'B' : 'A', r.rank ?? '-', r.outcome.match, r.query.query, r.outcome.hits.slice(0, 3).map((h) => h.url.replace(/^\/articles\/|\/$/g, '')).join(',')].join('\t'));
