import type { Db } from './connection.ts';
import { sortableId } from './sortable-id.ts';

/** A checked file, ready to store with a ticket or a message. */
export interface NewAttachment {
  name: string;
  contentType: string;
  sha256: string;
  content: Uint8Array;
}

/** What lists show of a stored file (its content is read only to send it). */
export interface AttachmentInfo {
  id: string;
  /** The message it came with; null for the first request's. */
  ticketMessageId: string | null;
  name: string;
  contentType: string;
  size: number;
  createdAt: string;
}

/** Stores files of a ticket (or of one of its messages); in the caller's transaction. */
export async function insertAttachments(
  db: Db,
  reference: string,
  ticketMessageId: string | null,
  files: NewAttachment[],
  now: Date,
): Promise<void> {
  if (files.length === 0) return;
  await db
    .insertInto('attachments')
    .values(
      files.map((file) => ({
        id: sortableId(now.getTime()),
        reference,
        ticket_message_id: ticketMessageId,
        name: file.name,
        content_type: file.contentType,
        size: file.content.byteLength,
        sha256: file.sha256,
        content: file.content,
        created_at: now.toISOString(),
      })),
    )
    .execute();
}

export async function attachmentsOf(db: Db, reference: string): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'ticket_message_id', 'name', 'content_type', 'size', 'created_at'])
    .where('reference', '=', reference)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ticketMessageId: row.ticket_message_id,
    name: row.name,
    contentType: row.content_type,
    size: Number(row.size),
    createdAt: row.created_at,
  }));
}

/** One file of a ticket, content and all; undefined when the ticket has no such file (or was anonymised). */
export async function attachmentOf(
  db: Db,
  reference: string,
  id: string,
): Promise<{ name: string; contentType: string; content: Uint8Array<ArrayBuffer> } | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select(['name', 'content_type', 'content'])
    .where('reference', '=', reference)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { name: row.name, contentType: row.content_type, content: new Uint8Array(row.content) };
}

/** The files of a ticket one at a time, content and all, oldest first: an export streams them without holding all. */
export async function* attachmentContents(
  db: Db,
  reference: string,
): AsyncGenerator<AttachmentInfo & { sha256: string; content: Uint8Array }> {
  for (const info of await attachmentsOf(db, reference)) {
    const row = await db.selectFrom('attachments').select(['sha256', 'content']).where('id', '=', info.id).executeTakeFirst();
    if (row) yield { ...info, sha256: row.sha256, content: new Uint8Array(row.content) };
  }
}
