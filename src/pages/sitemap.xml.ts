import type { APIRoute } from 'astro';
import { getArticles, getCategories, translatedSlugs } from '../lib/articles.ts';
import { articleHref, categoryHref } from '../lib/links.ts';
import { site } from '../site.config.ts';
import { languages, localizedPath } from '../i18n/languages.ts';

export const GET: APIRoute = async () => {
  // Every language's version of each page, but not an untranslated article's (noindex, its canonical the source).
  const perLanguage = languages.map(async ({ code }) => {
    const [articles, categories, translated] = await Promise.all([getArticles(code), getCategories(code), translatedSlugs(code)]);
    const urls: { path: string; lastmod?: string }[] = [
      { path: '/' },
      { path: '/troubleshoot/' },
      ...categories.map((c) => ({ path: categoryHref(c.id) })),
      ...articles
        .filter((a) => translated.has(a.id))
        .map((a) => ({ path: articleHref(a.id), lastmod: a.data.updated.toISOString().slice(0, 10) })),
    ];
    return urls.map((u) => ({ ...u, path: localizedPath(u.path, code) }));
  });
  const urls = (await Promise.all(perLanguage)).flat();
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${site.baseUrl}${u.path}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
