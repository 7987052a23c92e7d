import type { APIRoute, GetStaticPaths } from 'astro';
import { getArticles, type Article } from '../../lib/articles.ts';
import { articleDocument } from '../../lib/machine-readable.ts';

// Prerendered: each published article as plain Markdown (`/articles/<slug>.md`); old slugs redirect ([...alias]).
export const getStaticPaths = (async () =>
  (await getArticles()).map((article) => ({ params: { slug: article.id }, props: { article } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article }> = async ({ props }) =>
  new Response(await articleDocument(props.article), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
