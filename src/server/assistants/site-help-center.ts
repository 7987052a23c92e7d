import { site } from '../../site.config.ts';
import { builtClientDir } from '../built-client.ts';
import { catalog } from '../catalog.ts';
import { siteSearch } from '../search/site-search.ts';
import { builtArticleMarkdown, type HelpCenter } from './help-server.ts';

/** The help center the served site's MCP endpoint answers from: the site's search, catalog and built files. */
export function siteHelpCenter(): HelpCenter {
  return { origin: site.baseUrl, search: siteSearch, catalog, articleMarkdown: builtArticleMarkdown(builtClientDir()) };
}
