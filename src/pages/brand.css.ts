import type { APIRoute } from 'astro';
import { brandCss } from '../brand/brand-css.ts';
import { site } from '../site.config.ts';

// Prerendered: the brand colours as a file, for the staff console, which links its stylesheets (src/layouts/Staff.astro).
// Public pages get the same CSS bundled into their own stylesheet (virtual:brand.css).

export const GET: APIRoute = () => new Response(brandCss(site.brand.colors), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
