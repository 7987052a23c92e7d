/**
 * Quick answers on the server (the search page and GET /api/answer): the site's search, then the best article's
 * section from the build's catalog (src/search/quick-answer.ts chooses).
 */
import { answerArticles, quickAnswer, type AnswerArticle, type QuickAnswer } from '../../search/quick-answer.ts';
import type { Catalog } from '../../lib/catalog.ts';
import { queryLanguage } from '../../search/query-language.ts';
import { defaultLanguage } from '../../i18n/languages.ts';
import { catalog } from '../catalog.ts';
import { siteSearch } from './site-search.ts';

const byCatalog = new WeakMap<Catalog, Map<string, Map<string, AnswerArticle>>>();

/** The catalog's articles in `language` by page address, worked out once per catalog and language. */
async function articlesByUrl(language: string): Promise<Map<string, AnswerArticle>> {
  const current = await catalog();
  let languages = byCatalog.get(current);
  if (!languages) byCatalog.set(current, (languages = new Map()));
  let articles = languages.get(language);
  if (!articles) languages.set(language, (articles = answerArticles(current, language)));
  return articles;
}

/**
 * The quick answer for a query in `language` (the default unless said), or undefined; throws SearchUnavailableError
 * when search cannot run.
 */
export async function siteQuickAnswer(query: string, language = defaultLanguage.code): Promise<QuickAnswer | undefined> {
  const [outcome, articles] = await Promise.all([siteSearch({ query }, language), articlesByUrl(language)]);
  return quickAnswer(outcome, (url) => articles.get(url), queryLanguage(language));
}
