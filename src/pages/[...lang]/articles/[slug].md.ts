import type { APIRoute, GetStaticPaths } from 'astro';
import { languagePaths } from '../../../i18n/languages.ts';
import { getArticles, translatedSlugs, type Article } from '../../../lib/articles.ts';
import { articleDocument } from '../../../lib/machine-readable.ts';

// Prerendered: each published article as plain Markdown (`/articles/<slug>.md`), and each translation under its
// language (`/es/articles/<slug>.md`); old slugs redirect ([...alias]).
export const getStaticPaths = (async () => {
  const perLanguage = languagePaths().map(async ({ params: { lang }, props }) => {
    const translated = await translatedSlugs(props.lang.code);
    return (await getArticles(props.lang.code))
      .filter((article) => translated.has(article.id))
      .map((article) => ({ params: { lang, slug: article.id }, props: { article, lang: props.lang.code } }));
  });
  return (await Promise.all(perLanguage)).flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ article: Article; lang: string }> = async ({ props }) =>
  new Response(await articleDocument(props.article, props.lang), { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
