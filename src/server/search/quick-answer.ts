/**
 * Quick answers on the server (the search page and GET /api/answer): the site's search, then the best article's
 * section from the build's catalog (src/search/quick-answer.ts chooses).
 */
import { answerArticles, quickAnswer, type AnswerArticle, type QuickAnswer } from '../../search/quick-answer.ts';
import type { Catalog } from '../../lib/catalog.ts';
import { queryLanguage } from '../../search/query-language.ts';
import { defaultLanguage } from '../../search/site-languages.ts';
import { catalog } from '../catalog.ts';
import { siteSearch } from './site-search.ts';

const byCatalog = new WeakMap<Catalog, Map<string, AnswerArticle>>();

async function articlesByUrl(): Promise<Map<string, AnswerArticle>> {
  const current = await catalog();
  let articles = byCatalog.get(current);
  if (!articles) {
    byCatalog.set(current, (articles = answerArticles(current)));
  }
  return articles;
}

/**
 * The quick answer for a query in `language` (the default unless said), or undefined; throws SearchUnavailableError
 * when search cannot run.
 */
export async function siteQuickAnswer(query: string, language = defaultLanguage()): Promise<QuickAnswer | undefined> {
  const [outcome, articles] = await Promise.all([siteSearch({ query }, language), articlesByUrl()]);
  return quickAnswer(outcome, (url) => articles.get(url), queryLanguage(language));
}
