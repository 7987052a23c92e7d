import { defaultLanguage } from '../../i18n/languages.ts';
import { siteSearch } from '../search/site-search.ts';

/** A help article the confirmation email suggests. */
export interface ArticleSuggestion {
  title: string;
  /** The article's path on the site, e.g. /articles/<slug>/. */
  path: string;
}

const MAX_SUGGESTIONS = 3;

/**
 * Up to three help articles that match a requester's description, best first, for their confirmation email: the
 * search page's own search, so the email suggests what searching the description would show. The server searches
 * the default language's index only, so a request in another language gets none rather than articles in a language
 * its requester did not write in.
 */
export async function suggestArticles(description: string, language: string = defaultLanguage.code): Promise<ArticleSuggestion[]> {
  if (language !== defaultLanguage.code) return [];
  try {
    const { hits } = await siteSearch({ query: description });
    return hits
      .filter((hit) => hit.kind === 'article')
      .slice(0, MAX_SUGGESTIONS)
      .map((hit) => ({ title: hit.title, path: hit.url }));
  } catch (error) {
    // The ticket matters more than its suggestions: without a usable index the email simply has none.
    console.error(`article suggestions skipped: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}
