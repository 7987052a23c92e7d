// The build's search step alone, over an already built site: `node scripts/bench/index-site.ts <dist/client>`. Prints
// one line per language as scripts/build.ts does. bench:build runs it in a process of its own to time it and to
// sample its memory (with Pagefind's processes), once over a site in one language and once in two.
import { buildSearchIndexes } from '../../src/search/build-index.ts';

const [clientDir] = process.argv.slice(2);
if (!clientDir) {
  console.error('usage: node scripts/bench/index-site.ts <built client folder>');
  process.exit(2);
}
for (const { language, pages, ms } of await buildSearchIndexes(clientDir, () => [])) {
  console.log(`[search] indexed ${pages} pages in ${language} in ${ms} ms`);
}
