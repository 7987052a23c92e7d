import type { APIRoute } from 'astro';
import { llmsFull } from '../lib/machine-readable.ts';

// Prerendered: every published article as Markdown, in one file.
export const GET: APIRoute = async () => new Response(await llmsFull(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
