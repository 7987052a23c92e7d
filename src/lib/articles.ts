import { getCollection, type CollectionEntry } from 'astro:content';
import { articleMarkdown } from './markdown/article-markdown.ts';
import { compiledInFile } from './markdown/syntax-errors.ts';

export type Article = CollectionEntry<'articles'>;
export type Category = CollectionEntry<'categories'>;

/** Drafts exist only in `astro dev`, where editors preview them. */
export async function getArticles(): Promise<Article[]> {
  // MODE, not DEV: DEV follows NODE_ENV, which a test runner or a shell may set during a production build.
  const all = await getCollection('articles', ({ data }) => import.meta.env.MODE === 'development' || !data.draft);
  return all.sort(byTitle);
}

export async function getCategories(): Promise<Category[]> {
  const all = await getCollection('categories');
  return all.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

export function byTitle(a: Article, b: Article): number {
  return Number(b.data.popular) - Number(a.data.popular) || a.data.title.localeCompare(b.data.title);
}

/** The article's body as plain Markdown, its components turned into their plain equivalents. */
export async function getArticleMarkdown(article: Article): Promise<string> {
  const flows = await getCollection('flows');
  const body = article.body ?? '';
  // A body the parser rejects names its file and line, wherever the Markdown is asked for first.
  return compiledInFile(article.filePath ?? article.id, body, () =>
    articleMarkdown(body, { flowTitle: (id) => flows.find((f) => f.id === id)?.data.title }),
  );
}
