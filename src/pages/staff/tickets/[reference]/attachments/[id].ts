import type { APIRoute } from 'astro';
import { attachmentDownload } from '../../../../../server/attachments/attachment-response.ts';
import { database } from '../../../../../server/db/connection.ts';
import { jsonResponse } from '../../../../../server/http/responses.ts';
import { requireStaff } from '../../../../../server/staff/access.ts';

export const prerender = false;

/** GET /staff/tickets/<reference>/attachments/<id>: a file of the ticket, for staff. */
export const GET: APIRoute = async (context) => {
  const staff = await requireStaff(context, 'staff');
  if (staff instanceof Response) return staff;
  const download = await attachmentDownload(await database(), context.params.reference ?? '', context.params.id ?? '');
  return download ?? jsonResponse(404, { error: 'not-found', message: 'This ticket has no such file.' });
};
