// The help center's MCP server over stdio: `npm run --silent mcp` (an assistant starts it; see README). No HTTP
// server: the search module reads the built index from disk, and the catalog and articles' Markdown come from the
// build's files. Standard output carries the protocol only; anything for people goes to standard error.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Catalog } from '../src/lib/catalog.ts';
import { defaultLanguage } from '../src/i18n/languages.ts';
import { builtArticleMarkdown, createHelpServer } from '../src/server/assistants/help-server.ts';
import { provideBuiltClient } from '../src/server/built-client.ts';
import { languageSearch, SearchUnavailableError, siteSearch } from '../src/server/search/site-search.ts';
import { site } from '../src/site.config.ts';

const clientDir = fileURLToPath(new URL('../dist/client', import.meta.url));
const catalogFile = `${clientDir}/catalog.json`;
if (!existsSync(catalogFile)) {
  console.error('No build found in dist/: run `npm run build` first, then start this again.');
  process.exit(1);
}
const catalog = JSON.parse(readFileSync(catalogFile, 'utf8')) as Catalog;
// The site's own search over this build: each language's bundle opens on first use; the default one now, so a
// missing index is said before an assistant connects.
provideBuiltClient(clientDir);
await languageSearch(defaultLanguage.code).catch((error: unknown) => {
  if (!(error instanceof SearchUnavailableError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const server = createHelpServer({
  origin: site.baseUrl,
  search: siteSearch,
  catalog: async () => catalog,
  articleMarkdown: builtArticleMarkdown(clientDir),
});
await server.connect(new StdioServerTransport());
console.error(`${site.helpCenterName} MCP server ready on stdio (build in ${clientDir}).`);
