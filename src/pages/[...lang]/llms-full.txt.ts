import type { APIRoute, GetStaticPaths } from 'astro';
import { languagePaths, type Language } from '../../i18n/languages.ts';
import { llmsFull } from '../../lib/machine-readable.ts';

// Prerendered: every published article as Markdown, in one file, one per language (`/es/llms-full.txt` holds the
// articles translated into Spanish).
export const getStaticPaths = (() => languagePaths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ lang: Language }> = async ({ props }) =>
  new Response(await llmsFull(props.lang.code), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
