import { getCollection } from 'astro:content';
import type { FlowFile } from '../troubleshooter/flow-schema.ts';
import { flattenAudience, type AnnouncementFields } from './announcements.ts';
import { articleSections, type ArticleSection } from './article-sections.ts';
import { getArticleMarkdown, getArticles } from './articles.ts';
import { renderArticleBody } from './markdown/article-body.ts';

/**
 * What the on-demand routes need to know about the content: article titles, old slugs and text by section (quick
 * answers quote it), the troubleshooter flows, the file-based announcements. Written once at build time (src/pages/catalog.json.ts) and read by the
 * server (src/server/catalog.ts), so the server bundle never imports `astro:content`, which would pull every
 * article's compiled MDX into it.
 */
export interface Catalog {
  articles: { id: string; title: string; aliases: string[]; sections: ArticleSection[] }[];
  flows: Record<string, FlowFile>;
  announcements: ({ id: string } & AnnouncementFields)[];
}

export async function buildCatalog(): Promise<Catalog> {
  const [articles, flows, announcements] = await Promise.all([getArticles(), getCollection('flows'), getCollection('announcements')]);
  return {
    articles: await Promise.all(
      articles.map(async (a) => ({
        id: a.id,
        title: a.data.title,
        aliases: a.data.aliases,
        // Cut at the headings the page renders, so each section links to its heading's id.
        sections: articleSections(await getArticleMarkdown(a), (await renderArticleBody(a)).headings),
      })),
    ),
    flows: Object.fromEntries(flows.map((f) => [f.id, f.data])),
    announcements: announcements.map((e) => ({ id: e.id, ...flattenAudience(e.data) })),
  };
}
