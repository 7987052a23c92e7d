import type { APIRoute } from 'astro';
import { llmsIndex } from '../lib/machine-readable.ts';

// Prerendered: the index of the published articles for assistants (llms.txt convention).
export const GET: APIRoute = async () => new Response(await llmsIndex(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
