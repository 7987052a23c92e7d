/**
 * The help center's search on the server (the search page without JavaScript, quick answers, the confirmation
 * email's suggestions): the search module over the build's Pagefind bundle of each language, each started on first
 * use. A missing or broken index is a SearchUnavailableError, and the next search tries again, so a fixed index is
 * picked up without a restart.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TROUBLESHOOTERS_PATH } from '../../lib/links.ts';
import { languageBundleDir, openNodeSearch, SearchUnavailableError } from '../../search/node-search.ts';
import type { Search, SearchOutcome, SearchRequest } from '../../search/search.ts';
import { defaultLanguage, localizedPath } from '../../i18n/languages.ts';
import { site } from '../../site.config.ts';
import { builtClientDir } from '../built-client.ts';

export { SearchUnavailableError };

const opened = new Map<string, Promise<Search>>();

/** The search over `language`'s bundle, opened on first use; rejects with a SearchUnavailableError. */
export function languageSearch(language: string): Promise<Search> {
  let search = opened.get(language);
  if (!search) {
    search = openNodeSearch({
      bundleDir: languageBundleDir(builtClientDir(), language),
      language,
      flowPathPrefix: localizedPath(TROUBLESHOOTERS_PATH, language),
      productName: site.productName,
    });
    opened.set(language, search);
  }
  return search;
}

/** Searches the pages of `language` (the default language unless said). */
export async function siteSearch(request: SearchRequest, language = defaultLanguage.code): Promise<SearchOutcome> {
  try {
    return await (
      await languageSearch(language)
    )(request);
  } catch (error) {
    opened.delete(language);
    throw error;
  }
}

/** The languages the build made a search bundle for; a language a request names is searched only if listed. */
export function searchableLanguages(): string[] {
  const dir = join(builtClientDir(), 'pagefind');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}
