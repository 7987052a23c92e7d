import type { APIRoute, GetStaticPaths } from 'astro';
import { languagePaths, type Language } from '../../i18n/languages.ts';
import { llmsIndex } from '../../lib/machine-readable.ts';

// Prerendered: the index of the published articles for assistants (llms.txt convention), one per language
// (`/es/llms.txt` lists the articles translated into Spanish).
export const getStaticPaths = (() => languagePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ lang: Language }> = async ({ props }) =>
  new Response(await llmsIndex(props.lang.code), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
