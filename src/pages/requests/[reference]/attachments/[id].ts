import type { APIRoute } from 'astro';
import { attachmentDownload } from '../../../../server/attachments/attachment-response.ts';
import { database } from '../../../../server/db/connection.ts';
import { openRequest } from '../../../../server/requests/request-access.ts';

export const prerender = false;

/** GET /requests/<reference>/attachments/<id>?key=…: a file of the request, for whoever holds a key to its page. */
export const GET: APIRoute = async ({ params, url }) => {
  const db = await database();
  const reference = params.reference ?? '';
  // A wrong key, an unknown reference and an unknown file all get the same 404.
  const ticket = await openRequest(db, reference, url.searchParams.get('key') ?? '');
  const download = ticket && (await attachmentDownload(db, reference, params.id ?? ''));
  if (!download)
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  // The key is in this address: it must never travel on as a referrer.
  download.headers.set('Referrer-Policy', 'no-referrer');
  return download;
};
