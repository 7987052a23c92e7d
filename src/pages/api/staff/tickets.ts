import type { APIRoute } from 'astro';
import { database } from '../../../server/db/connection.ts';
import { inboxPage } from '../../../server/db/inbox.ts';
import { jsonResponse, methodNotAllowed } from '../../../server/http/responses.ts';
import { formatCursor, parseInboxQuery } from '../../../server/staff/inbox-query.ts';
import { requireStaff } from '../../../server/staff/access.ts';

export const prerender = false;

const PAGE_SIZE = 50;

/** The inbox as JSON, with the same query parameters as /staff/ (status, needs, sort, q, after, before). */
export const GET: APIRoute = async (context) => {
  const staff = await requireStaff(context, 'staff');
  if (staff instanceof Response) return staff;
  const query = parseInboxQuery(context.url.searchParams);
  if (query.searchError) return jsonResponse(422, { error: 'invalid', message: query.searchError });
  const page = await inboxPage(await database(), query.filter, query.position, PAGE_SIZE, query.sort);
  return jsonResponse(200, {
    tickets: page.rows,
    newer: page.newer && formatCursor(page.newer),
    older: page.older && formatCursor(page.older),
  });
};

export const ALL: APIRoute = () => methodNotAllowed('GET');
