/** A help article the confirmation email suggests. */
export interface ArticleSuggestion {
  title: string;
  /** The article's path on the site, e.g. /articles/<slug>/. */
  path: string;
}

/** Up to three help articles that match a requester's description, best first, for their confirmation email. */
export async function suggestArticles(_description: string): Promise<ArticleSuggestion[]> {
  return [];
}
