import type { APIRoute } from 'astro';
import { getArticles, getCategories } from '../lib/articles.ts';
import { articleHref, categoryHref } from '../lib/links.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = async () => {
  const articles = await getArticles();
  const categories = await getCategories();
  const urls = [
    { path: '/' },
    { path: '/troubleshoot/' },
    ...categories.map((c) => ({ path: categoryHref(c.id) })),
    ...articles.map((a) => ({ path: articleHref(a.id), lastmod: a.data.updated.toISOString().slice(0, 10) })),
  ];
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `  <url><loc>${site.baseUrl}${u.path}</loc>${'lastmod' in u ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`),
    '</urlset>',
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
