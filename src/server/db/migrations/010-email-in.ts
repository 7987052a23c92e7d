import type { Kysely } from 'kysely';

// Email in (#16): each ticket's reply token (the local part of the Reply-To address its emails carry) and, on a
// message that came by email, the text as it arrived (quoted history and signature included) for staff.
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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ticket_messages').dropColumn('original_body').execute();
  await db.schema.dropTable('reply_tokens').execute();
}
