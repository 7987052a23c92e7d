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
 * search page's own search in the request's language, so the email suggests what searching the description would
 * show, in the language its requester wrote in.
 */
export async function suggestArticles(description: string, language: string = defaultLanguage.code): Promise<ArticleSuggestion[]> {
  try {
    const { hits } = await siteSearch({ query: description }, language);
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
