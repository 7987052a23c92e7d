/**
 * The help center's search on the server (the search page without JavaScript, and later features that suggest
 * articles): the search module over the build's Pagefind bundle, started on first use. A missing or broken index
 * is a SearchUnavailableError, and the next search tries again, so a fixed index is picked up without a restart.
 */
import { join } from 'node:path';
import { TROUBLESHOOTERS_PATH } from '../../lib/links.ts';
import { openNodeSearch, SearchUnavailableError } from '../../search/node-search.ts';
import type { Search, SearchOutcome, SearchRequest } from '../../search/search.ts';
import { site } from '../../site.config.ts';
import { builtClientDir } from '../built-client.ts';

export { SearchUnavailableError };

let opened: Promise<Search> | undefined;

export async function siteSearch(request: SearchRequest): Promise<SearchOutcome> {
  opened ??= openNodeSearch({
    bundleDir: join(builtClientDir(), 'pagefind'),
    language: site.locale,
    flowPathPrefix: TROUBLESHOOTERS_PATH,
    productName: site.productName,
  });
  try {
    return await (
      await opened
    )(request);
  } catch (error) {
    opened = undefined;
    throw error;
  }
}
