import type { APIRoute } from 'astro';
import { buildCatalog } from '../lib/catalog.ts';

// Prerendered: the content facts the server reads at start (see src/lib/catalog.ts). Public anyway: titles,
// old slugs, flows and notices all appear on the site's own pages.
export const GET: APIRoute = async () => Response.json(await buildCatalog());
