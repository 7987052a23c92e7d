import { openNodeSearch } from '../src/search/node-search.ts';
import { queryWords } from '../src/search/query.ts';
const s = await openNodeSearch({ bundleDir: 'dist/client/pagefind', language: 'en', flowPathPrefix: '/troubleshoot/', productName: 'Loomwork' });
for (const q of process.argv.slice(2)) {
  const r = await s({ query: q });
  console.log(JSON.stringify(q), queryWords(q, 'Loomwork'), r.match, r.total, r.correctedQuery ?? '', r.hits.slice(0, 4).map((h) => h.url).join(' '));
}
