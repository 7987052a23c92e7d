// The help center's MCP server over stdio: `npm run --silent mcp` (an assistant starts it; see README). No HTTP
// server: the search module reads the built index from disk, and the catalog and articles' Markdown come from the
// build's files. Standard output carries the protocol only; anything for people goes to standard error.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../src/lib/catalog.ts';
import { TROUBLESHOOTERS_PATH } from '../src/lib/links.ts';
import { languageBundleDir, openNodeSearch, SearchUnavailableError } from '../src/search/node-search.ts';
import { defaultLanguage } from '../src/search/site-languages.ts';
import { builtArticleMarkdown, createHelpServer } from '../src/server/assistants/help-server.ts';
import { site } from '../src/site.config.ts';

const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));
const catalogFile = `${clientDir}/catalog.json`;
if (!existsSync(catalogFile)) {
  console.error('No build found in dist/: run `npm run build` first, then start this again.');
  process.exit(1);
}
const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as Catalog;
// The default language's pages: an assistant reads those, and each links its translations.
const search = await openNodeSearch({
  bundleDir: languageBundleDir(clientDir, defaultLanguage()),
  language: defaultLanguage(),
  flowPathPrefix: TROUBLESHOOTERS_PATH,
  productName: site.productName,
}).catch((error: unknown) => {
  if (!(error instanceof SearchUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const server = createHelpServer({
  origin: site.baseUrl,
  search,
  catalog: async () => catalog,
  articleMarkdown: builtArticleMarkdown(clientDir),
});
await server.connect(new StdioServerTransport());
console.error(`${site.helpCenterName} MCP server ready on stdio (build in ${clientDir}).`);
