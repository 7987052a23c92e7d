import type { APIRoute } from 'astro';
import { movedPermanently } from '../../../server/http/responses.ts';

export const prerender = false;

/** A ticket's address before "escalation" became "ticket": bookmarks and saved links keep working. */
export const ALL: APIRoute = ({ params, request, url }) =>
  movedPermanently(request, `/staff/tickets/${encodeURIComponent(params.reference ?? '')}${url.search}`);
