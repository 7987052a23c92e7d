import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

// Email in and attachments (#16): each ticket's reply token (the local part of the Reply-To address its emails
// carry); on a message that came by email, the text as it arrived (quoted history and signature included) for
// staff; and the files sent with a request or a message, stored in the database so every instance serves them.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The token itself, not a hash: it is written into every email's Reply-To. It can only add messages to its
  // ticket, unlike a page key. Made when the ticket's first email goes out.
  await db.schema
    .createTable('reply_tokens')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique().references('tickets.reference').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('ticket_messages').addColumn('original_body', 'text').execute();
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().references('tickets.reference').onDelete('cascade'))
    // Null for the files of the first request; else the message they came with.
    .addColumn('ticket_message_id', 'text', (c) => c.references('ticket_messages.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_reference').on('attachments').columns(['reference', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachments').execute();
  await db.schema.alterTable('ticket_messages').dropColumn('original_body').execute();
  await db.schema.dropTable('reply_tokens').execute();
}
