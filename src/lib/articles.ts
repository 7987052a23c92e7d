import { getCollection, type CollectionEntry } from 'astro:content';
import { defaultLanguage } from '../i18n/languages.ts';
import { articleBody } from './article-loader.ts';
import { articleMarkdown } from './markdown/article-markdown.ts';
import { compiledInFile } from './markdown/syntax-errors.ts';

export type Article = CollectionEntry<'articles'>;
export type Category = CollectionEntry<'categories'>;

// MODE, not DEV: DEV follows NODE_ENV, which a test runner or a shell may set during a production build.
const published = ({ data }: { data: { draft: boolean } }) => import.meta.env.MODE === 'development' || !data.draft;

/**
 * The articles in language `lang` (default: the default language), each by its source's slug: the translation
 * (content/<lang>/articles/, entry id `<lang>/<slug>`) where there is one, else the source itself (see
 * `translatedSlugs`). Drafts exist only in `astro dev`, where editors preview them.
 */
export async function getArticles(lang: string = defaultLanguage.code): Promise<Article[]> {
  const all = await getCollection('articles', published);
  if (lang === defaultLanguage.code) return all.sort(byTitle);
  const translations = await translationsIn(lang);
  return all.map((a) => translations.get(a.id) ?? a).sort(byTitle);
}

/** The slugs of the articles translated into `lang` (every article for the default language). */
export async function translatedSlugs(lang: string): Promise<Set<string>> {
  if (lang === defaultLanguage.code) return new Set((await getCollection('articles', published)).map((a) => a.id));
  return new Set((await translationsIn(lang)).keys());
}

async function translationsIn(lang: string): Promise<Map<string, Article>> {
  const prefix = `${lang}/`;
  const entries = await getCollection('articleTranslations', (e) => e.id.startsWith(prefix) && published(e));
  // As its source's entry: the same slug (links, feedback, events), its own words and file.
  return new Map(
    entries.map((e) => [e.id.slice(prefix.length), { ...e, id: e.id.slice(prefix.length), collection: 'articles' } as Article]),
  );
}

/** The categories in language `lang`: each translated where content/<lang>/categories.yaml has it. */
export async function getCategories(lang: string = defaultLanguage.code): Promise<Category[]> {
  const all = await getCollection('categories');
  const translated =
    lang === defaultLanguage.code ? new Map() : new Map((await getCollection('categoryTranslations')).map((c) => [c.id, c]));
  return all
    .map((c) =>
      translated.has(`${lang}/${c.id}`) ? ({ ...translated.get(`${lang}/${c.id}`)!, id: c.id, collection: 'categories' } as Category) : c,
    )
    .sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

export function byTitle(a: Article, b: Article): number {
  return Number(b.data.popular) - Number(a.data.popular) || a.data.title.localeCompare(b.data.title);
}

/**
 * The article's body as plain Markdown, its components turned into their plain equivalents, in `lang`: the language
 * its words are written in (a translation's, or the default language's), which its labels and links then follow.
 */
export async function getArticleMarkdown(article: Article, lang: string = defaultLanguage.code): Promise<string> {
  const [flows, translations] = await Promise.all([getCollection('flows'), getCollection('flowTranslations')]);
  const flowTitle = (id: string) => (translations.find((f) => f.id === `${lang}/${id}`) ?? flows.find((f) => f.id === id))?.data.title;
  const body = await articleBody(article);
  // A body the parser rejects names its file and line, wherever the Markdown is asked for first.
  return compiledInFile(article.filePath ?? article.id, body, () => articleMarkdown(body, { lang, flowTitle }));
}
