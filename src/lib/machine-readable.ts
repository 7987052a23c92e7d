import { getArticleMarkdown, getArticles, getCategories, translatedSlugs, type Article } from './articles.ts';
import { defaultLanguage, localizedPath } from '../i18n/languages.ts';
import { articleHref, articleMarkdownHref } from './links.ts';
import { absoluteLinks } from './markdown/absolute-links.ts';
import { inTurn } from './in-turn.ts';
import { messagesFor } from '../i18n/messages.ts';
import { siteText } from '../i18n/site-text.ts';
import { site } from '../site.config.ts';

/** Every published article in one file; under `/<code>/` for another language. */
export const LLMS_FULL_PATH = '/llms-full.txt';

/**
 * The help center as text for machines (the llms.txt convention, https://llmstxt.org): an index of the published
 * articles by category, each article as a Markdown document, and all of them in one file. Links are absolute, so
 * the text means the same wherever it is read. Drafts never appear: getArticles leaves them out of a build.
 */

/** One article as a Markdown document: its title, summary and address, then its body. */
export async function articleDocument(article: Article, lang: string = defaultLanguage.code): Promise<string> {
  const body = absoluteLinks(await getArticleMarkdown(article, lang), site.baseUrl);
  const source = `${site.baseUrl}${localizedPath(articleHref(article.id), lang)}`;
  return `# ${article.data.title}\n\n> ${article.data.description}\n\nSource: ${source}\n\n${body}\n`;
}

/** The articles published in `lang`: all of them in the default language, the translated ones in another. */
async function articlesIn(lang: string): Promise<Article[]> {
  const [all, translated] = await Promise.all([getArticles(lang), translatedSlugs(lang)]);
  return all.filter((a) => translated.has(a.id));
}

/**
 * `/llms.txt`: the help center's name and summary, then each category with its articles' Markdown links; in another
 * language (`/es/llms.txt`), the articles translated into it, introduced in that language.
 */
export async function llmsIndex(lang: string = defaultLanguage.code): Promise<string> {
  const [articles, categories] = await Promise.all([articlesIn(lang), getCategories(lang)]);
  const { t } = messagesFor(lang);
  const local = (path: string) => `${site.baseUrl}${localizedPath(path, lang)}`;
  const sections = categories.flatMap((category) => {
    const listed = articles.filter((a) => a.data.category === category.id);
    if (!listed.length) return [];
    const lines = listed.map((a) => `- [${a.data.title}](${local(articleMarkdownHref(a.id))}): ${a.data.description}`);
    return [`## ${category.data.title}\n\n${category.data.description}\n\n${lines.join('\n')}`];
  });
  const summary = `> ${t('llms.summary', { product: site.productName })}`;
  const more = t('llms.more', { pages: `${local('/articles/')}<slug>/`, all: local(LLMS_FULL_PATH) });
  return `# ${siteText(lang).helpCenterName}\n\n${summary}\n\n${more}\n\n${sections.join('\n\n')}\n`;
}

/** `/llms-full.txt`: every article published in `lang` as its Markdown document, one after the other. */
export async function llmsFull(lang: string = defaultLanguage.code): Promise<string> {
  const documents = await inTurn(await articlesIn(lang), (a) => articleDocument(a, lang));
  return documents.join('\n---\n\n');
}
