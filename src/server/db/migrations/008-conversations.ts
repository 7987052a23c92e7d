import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

// Two-way support: the conversation on a ticket, the requester's page keys, the email outbox, saved replies, staff
// notification choices, what the inbox sorts and filters by, and the full-text index. Portable types (see 001) but
// for the full-text index, which each database builds its own way.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Requester messages after the first description (which stays on the ticket) and staff replies, both public.
  // Internal notes stay in ticket_notes. `source` says where a message came in (the request page, the console, and
  // later email); attachments will hang off a message's id.
  await db.schema
    .createTable('ticket_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().references('tickets.reference').onDelete('cascade'))
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .execute();
  await db.schema.createIndex('ticket_messages_reference').on('ticket_messages').columns(['reference', 'created_at']).execute();
  // A reply form posted twice (a retry, a double click) adds one message.
  await db.schema
    .createIndex('ticket_messages_idempotency')
    .on('ticket_messages')
    .columns(['reference', 'idempotency_key'])
    .unique()
    .execute();

  // Keys to the requester's page: SHA-256 of each, never the key. Several per ticket (one per email sent).
  await db.schema
    .createTable('request_keys')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().references('tickets.reference').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('request_keys_reference').on('request_keys').column('reference').execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().references('tickets.reference').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ticket_message_id', 'text', (c) => c.references('ticket_messages.id').onDelete('set null'))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('secret', 'text')
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('in_reply_to', 'text')
    .addColumn('references_header', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('first_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('sent_at', 'text')
    .execute();
  // The sender claims queued rows that are due; the console counts what waits.
  await db.schema.createIndex('outbox_status_next_attempt').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('outbox_reference').on('outbox').columns(['reference', 'created_at']).execute();

  await db.schema
    .createTable('saved_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .alterTable('staff')
    .addColumn('notify_new_tickets', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // What the inbox sorts and filters by, kept on the ticket so each view is one index range.
  for (const column of ['last_activity_at', 'first_reply_at', 'last_staff_reply_at', 'last_requester_message_at'])
    await db.schema.alterTable('tickets').addColumn(column, 'text').execute();
  // 1 while the requester waits for us: a new ticket, or their message after our last reply, on an open ticket.
  await db.schema
    .alterTable('tickets')
    .addColumn('awaiting_us', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update tickets set last_activity_at = created_at, awaiting_us = case when status in ('new', 'open') then 1 else 0 end`.execute(
    db,
  );
  await db.schema.createIndex('tickets_last_activity_reference').on('tickets').columns(['last_activity_at', 'reference']).execute();
  await db.schema
    .createIndex('tickets_status_last_activity_reference')
    .on('tickets')
    .columns(['status', 'last_activity_at', 'reference'])
    .execute();
  await db.schema
    .createIndex('tickets_awaiting_created_reference')
    .on('tickets')
    .columns(['awaiting_us', 'created_at', 'reference'])
    .execute();
  await db.schema
    .createIndex('tickets_awaiting_last_activity_reference')
    .on('tickets')
    .columns(['awaiting_us', 'last_activity_at', 'reference'])
    .execute();

  // Every text of a ticket staff search (its description, its messages), one row each.
  if (isPostgres(db)) {
    await db.schema
      .createTable('ticket_texts')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('reference', 'text', (c) => c.notNull().references('tickets.reference').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    // English stemming, so "phones" finds "phone". Stored rather than an index expression: checking a row (a ticket
    // found by another index, or a row on a lossy bitmap page) then reads a value instead of parsing its text again.
    await sql`alter table ticket_texts add column search tsvector generated always as (to_tsvector('english', body)) stored`.execute(db);
    await sql`create index ticket_texts_search on ticket_texts using gin (search)`.execute(db);
  } else {
    await db.schema
      .createTable('ticket_texts')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('reference', 'text', (c) => c.notNull().references('tickets.reference').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    // FTS5 over ticket_texts (an external-content index), kept in step by triggers, as SQLite's FTS5 guide shows.
    await sql`create virtual table ticket_texts_fts using fts5(body, content = 'ticket_texts', content_rowid = 'id', tokenize = 'porter unicode61')`.execute(
      db,
    );
    await sql`create trigger ticket_texts_insert after insert on ticket_texts begin
      insert into ticket_texts_fts (rowid, body) values (new.id, new.body); end`.execute(db);
    await sql`create trigger ticket_texts_delete after delete on ticket_texts begin
      insert into ticket_texts_fts (ticket_texts_fts, rowid, body) values ('delete', old.id, old.body); end`.execute(db);
  }
  await db.schema.createIndex('ticket_texts_reference').on('ticket_texts').column('reference').execute();
  await sql`insert into ticket_texts (reference, body) select reference, description from tickets where anonymised_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table ticket_texts_fts`.execute(db);
  for (const table of ['ticket_texts', 'saved_replies', 'outbox', 'request_keys', 'ticket_messages'])
    await db.schema.dropTable(table).execute();
  for (const index of [
    'tickets_awaiting_last_activity_reference',
    'tickets_awaiting_created_reference',
    'tickets_status_last_activity_reference',
    'tickets_last_activity_reference',
  ])
    await db.schema.dropIndex(index).execute();
  for (const column of ['awaiting_us', 'last_requester_message_at', 'last_staff_reply_at', 'first_reply_at', 'last_activity_at'])
    await db.schema.alterTable('tickets').dropColumn(column).execute();
  await db.schema.alterTable('staff').dropColumn('notify_new_tickets').execute();
}
