import type { Db } from '../db/connection.ts';
import { attachmentOf } from '../db/attachments.ts';

/**
 * A stored file as a download, never shown in the page's origin: `attachment` disposition, its checked type with
 * nosniff (set for every response by the server), a sandboxing policy so a browser that renders it anyway runs
 * nothing and loads nothing, and never cached by anyone. Undefined when the ticket has no such file.
 */
export async function attachmentDownload(db: Db, reference: string, id: string): Promise<Response | undefined> {
  const file = await attachmentOf(db, reference, id);
  if (!file) return undefined;
  return new Response(file.content, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': contentDisposition(file.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'no-store',
    },
  });
}

/** RFC 6266: a plain-ASCII fallback name and the real one, UTF-8 encoded (RFC 8187). */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
