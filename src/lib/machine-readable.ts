import { getArticleMarkdown, getArticles, getCategories, translatedSlugs, type Article } from './articles.ts';
import { defaultLanguage, localizedPath } from '../i18n/languages.ts';
import { articleHref, articleMarkdownHref } from './links.ts';
import { absoluteLinks } from './markdown/absolute-links.ts';
import { site } from '../site.config.ts';

/**
 * The help center as text for machines (the llms.txt convention, https://llmstxt.org): an index of the published
 * articles by category, each article as a Markdown document, and all of them in one file. Links are absolute, so
 * the text means the same wherever it is read. Drafts never appear: getArticles leaves them out of a build.
 */

/** One article as a Markdown document: its title, summary and address, then its body. */
export async function articleDocument(article: Article, lang: string = defaultLanguage.code): Promise<string> {
  const body = absoluteLinks(await getArticleMarkdown(article), site.baseUrl);
  const source = `${site.baseUrl}${localizedPath(articleHref(article.id), lang)}`;
  return `# ${article.data.title}\n\n> ${article.data.description}\n\nSource: ${source}\n\n${body}\n`;
}

/**
 * `/llms.txt`: the help center's name and summary, then each category with its articles' Markdown links; in another
 * language (`/es/llms.txt`), the articles translated into it.
 */
export async function llmsIndex(lang: string = defaultLanguage.code): Promise<string> {
  const [all, categories, translated] = await Promise.all([getArticles(lang), getCategories(lang), translatedSlugs(lang)]);
  const articles = all.filter((a) => translated.has(a.id));
  const local = (path: string) => `${site.baseUrl}${localizedPath(path, lang)}`;
  const sections = categories.flatMap((category) => {
    const listed = articles.filter((a) => a.data.category === category.id);
    if (!listed.length) return [];
    const lines = listed.map((a) => `- [${a.data.title}](${local(articleMarkdownHref(a.id))}): ${a.data.description}`);
    return [`## ${category.data.title}\n\n${category.data.description}\n\n${lines.join('\n')}`];
  });
  const summary = `> Help articles for ${site.productName}: how to sign in, pay and get paid, hire, find work and stay safe.`;
  const more = `Every article is also a page at ${local('/articles/')}<slug>/; all of them in one file: ${site.baseUrl}/llms-full.txt`;
  return `# ${site.helpCenterName}\n\n${summary}\n\n${more}\n\n${sections.join('\n\n')}\n`;
}

/** `/llms-full.txt`: every published article's Markdown document, one after the other. */
export async function llmsFull(): Promise<string> {
  const articles = await getArticles();
  const documents = await Promise.all(articles.map((a) => articleDocument(a)));
  return documents.join('\n---\n\n');
}
