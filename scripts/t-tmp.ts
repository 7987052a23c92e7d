import { figures, half, readGoldenQueries, runGoldenQueries } from '../harness/search-quality.ts';
import { openNodeSearch } from '../src/search/node-search.ts';
import { FIELD_WEIGHTS } from '../src/search/search.ts';
const all = readGoldenQueries();
const s = await openNodeSearch({ bundleDir: 'dist/client/pagefind', language: 'en', flowPathPrefix: '/troubleshoot/', productName: 'Loomwork' });
const grid = JSON.parse(process.argv[2]) as Partial<typeof FIELD_WEIGHTS>[];
for (const g of grid) {
  Object.assign(FIELD_WEIGHTS, { title: 1, heading: 0.9, keyword: 0.8, pagefind: 0.25, troubleshooter: 0.2 }, g);
  const a = figures(await runGoldenQueries(s, half(all, 'A')));
  const b = figures(await runGoldenQueries(s, half(all, 'B')));
  console.log(JSON.stringify(g), 'A', (a.hitAt1*100).toFixed(1), (a.hitAt3*100).toFixed(1), 'B', (b.hitAt1*100).toFixed(1), (b.hitAt3*100).toFixed(1));
}
