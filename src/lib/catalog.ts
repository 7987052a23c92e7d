import { getCollection } from 'astro:content';
import type { FlowFile } from '../troubleshooter/flow-schema.ts';
import type { PreparedFlow } from '../troubleshooter/prepare.ts';
import { flattenAudience, type AnnouncementFields } from './announcements.ts';
import { articleSections, type ArticleSection } from './article-sections.ts';
import { getArticleMarkdown, getArticles, translatedSlugs, type Article } from './articles.ts';
import { getFlows } from './flows.ts';
import { outdatedTranslations, type OutdatedTranslation } from './translation-status.ts';
import { otherLanguages } from '../i18n/languages.ts';
import { renderArticleBody } from './markdown/article-body.ts';
import { inTurn } from './in-turn.ts';

/**
 * What the on-demand routes need to know about the content: article titles, old slugs and text by section (quick
 * answers quote it), the troubleshooter flows, the file-based announcements. Written once at build time (src/pages/catalog.json.ts) and read by the
 * server (src/server/catalog.ts), so the server bundle never imports `astro:content`, which would pull every
 * article's compiled MDX into it.
 */
export interface Catalog {
  /** `file`: its path in the project; `updated`: when it was last reviewed (ISO date). */
  articles: { id: string; title: string; aliases: string[]; file: string; updated: string; sections: ArticleSection[] }[];
  /**
   * The translated articles of each other language, by its code (quick answers quote them at their `/<code>/` page);
   * an article without a translation is shown, and quoted, in the default language's words.
   */
  articlesIn: Record<string, CatalogTranslation[]>;
  flows: Record<string, FlowFile>;
  /** The translated flow files of each other language, by its code (a flow without one is read in `flows`). */
  flowsIn: Record<string, Record<string, FlowFile>>;
  /** Each flow as readers walk it, Markdown rendered: what a step's own page (on demand) shows. */
  walks: Record<string, PreparedFlow>;
  /** The same in each other language (src/lib/flows.ts: translated, or the default language's words). */
  walksIn: Record<string, Record<string, PreparedFlow>>;
  announcements: ({ id: string } & AnnouncementFields)[];
  /** Translated articles whose source was updated after them (src/lib/translation-status.ts), with their titles. */
  outdatedTranslations: (OutdatedTranslation & { title: string })[];
}

/** A translated article as quick answers quote it. */
export interface CatalogTranslation {
  id: string;
  title: string;
  sections: ArticleSection[];
}

/**
 * An article's title and text by section, cut at the headings its page renders (so each links to its heading's id);
 * `lang` is the language it is written in.
 */
async function answerFields(article: Article, lang?: string): Promise<CatalogTranslation> {
  return {
    id: article.id,
    title: article.data.title,
    sections: articleSections(await getArticleMarkdown(article, lang), (await renderArticleBody(article)).headings),
  };
}

async function translatedArticles(lang: string): Promise<CatalogTranslation[]> {
  const translated = await translatedSlugs(lang);
  return inTurn(
    (await getArticles(lang)).filter((a) => translated.has(a.id)),
    (a) => answerFields(a, lang),
  );
}

export async function buildCatalog(): Promise<Catalog> {
  const [articles, flows, flowTranslations, walks, announcements] = await Promise.all([
    getArticles(),
    getCollection('flows'),
    getCollection('flowTranslations'),
    getFlows(),
    getCollection('announcements'),
  ]);
  return {
    articles: await inTurn(articles, async (a) => ({
      ...(await answerFields(a)),
      aliases: a.data.aliases,
      file: a.filePath ?? `content/articles/${a.id}.mdx`,
      updated: a.data.updated.toISOString(),
    })),
    articlesIn: Object.fromEntries(await inTurn(otherLanguages, async (l) => [l.code, await translatedArticles(l.code)] as const)),
    flows: Object.fromEntries(flows.map((f) => [f.id, f.data])),
    flowsIn: Object.fromEntries(
      otherLanguages.map((l) => [
        l.code,
        Object.fromEntries(
          flowTranslations.filter((f) => f.id.startsWith(`${l.code}/`)).map((f) => [f.id.slice(l.code.length + 1), f.data]),
        ),
      ]),
    ),
    walks: Object.fromEntries(walks.map((w) => [w.id, w])),
    walksIn: Object.fromEntries(
      await Promise.all(
        otherLanguages.map(async (l) => [l.code, Object.fromEntries((await getFlows(l.code)).map((w) => [w.id, w]))] as const),
      ),
    ),
    announcements: announcements.map((e) => ({ id: e.id, ...flattenAudience(e.data) })),
    outdatedTranslations: await outdatedArticleTranslations(articles),
  };
}

async function outdatedArticleTranslations(sources: Article[]): Promise<Catalog['outdatedTranslations']> {
  const translations = await getCollection('articleTranslations');
  const dates = (a: { id: string; filePath?: string; data: { updated: Date } }) => ({
    slug: a.id.replace(/^.*\//, ''),
    file: a.filePath ?? a.id,
    updated: a.data.updated.toISOString(),
  });
  const titles = new Map(translations.map((t) => [t.filePath, t.data.title]));
  return outdatedTranslations(
    sources.map(dates),
    translations.map((t) => ({ ...dates(t), lang: t.id.split('/')[0] })),
  ).map((o) => ({ ...o, title: titles.get(o.file) ?? o.slug }));
}
