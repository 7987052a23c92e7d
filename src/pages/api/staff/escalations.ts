import type { APIRoute } from 'astro';
import { movedPermanently } from '../../../server/http/responses.ts';

export const prerender = false;

/** The inbox API's address before "escalation" became "ticket" (its answer now lists `tickets`). */
export const ALL: APIRoute = ({ request, url }) => movedPermanently(request, `/api/staff/tickets${url.search}`);
