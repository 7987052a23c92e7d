// Migration 007 on PostgreSQL, which renames in place: tables, the constraints and indexes named after them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openPostgres, type Db } from '../../src/server/db/connection.ts';
import { inboxPage } from '../../src/server/db/inbox.ts';
import { notesOf, ticketByReference } from '../../src/server/db/tickets.ts';
import { createScratchDatabase, testDatabaseUrl, type ScratchDatabase } from '../../harness/postgres.ts';
import {
  databaseBeforeRename,
  expectForeignKeysEnforced,
  LAST_BEFORE_RENAME,
  UNDONE_TO_BEFORE_RENAME,
  migrator,
  NEW_ROWS,
  OLD_ROWS,
  storedRows,
} from '../support/ticket-migration.ts';

/** Each constraint of the tables that name tickets, as `table: constraint → referenced table`. */
async function constraints(db: Db): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    select conrelid::regclass::text || ': ' || conname || coalesce(' → ' || nullif(confrelid, 0)::regclass::text, '') as line
    from pg_constraint
    where connamespace = 'public'::regnamespace
      and conrelid::regclass::text in ('escalations', 'escalation_emails', 'escalation_notes', 'tickets', 'ticket_emails', 'ticket_notes', 'idempotency_keys')
    order by 1
  `.execute(db);
  return rows.map((row) => row.line);
}

/** Names in the database's own schema (tables, indexes, sequences, constraints) that contain `word`. */
async function namesWith(db: Db, word: string): Promise<string[]> {
  const pattern = `%${word}%`;
  const { rows } = await sql<{ name: string }>`
    select relname as name from pg_class where relnamespace = 'public'::regnamespace and relname like ${pattern}
    union all select conname from pg_constraint where connamespace = 'public'::regnamespace and conname like ${pattern}
    order by 1
  `.execute(db);
  return rows.map((row) => row.name);
}

describe('migration 007-tickets on PostgreSQL', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl()!, 'migrate_tickets');
    db = openPostgres(scratch.url, 2);
    await databaseBeforeRename(db);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await scratch?.drop();
  });

  it('keeps every row, under the new names', async () => {
    expect(await storedRows(db, 'new')).toEqual(NEW_ROWS);
    expect(await ticketByReference(db, 'HC-OLD0-0001')).toMatchObject({ status: 'open', assignee: { id: 'staff-1', name: 'Agent' } });
    expect((await notesOf(db, 'HC-OLD0-0001')).map((note) => note.body)).toEqual(['Called them.']);
    const found = await inboxPage(db, { status: 'resolved', email: 'old@example.com' }, {}, 10);
    expect(found.rows.map((row) => row.reference)).toEqual(['HC-OLD0-0002']);
  });

  it('renames the constraints and indexes named after the old tables, and leaves nothing named after escalations', async () => {
    expect(await namesWith(db, 'escalation')).toEqual([]);
    expect(await constraints(db)).toEqual([
      'idempotency_keys: idempotency_keys_pkey',
      'idempotency_keys: idempotency_keys_reference_fk → tickets',
      'ticket_emails: ticket_emails_pk',
      'ticket_emails: ticket_emails_reference_fkey → tickets',
      'ticket_notes: ticket_notes_pkey',
      'ticket_notes: ticket_notes_reference_fkey → tickets',
      'ticket_notes: ticket_notes_staff_id_fkey → staff',
      'tickets: tickets_assigned_to_fkey → staff',
      'tickets: tickets_pkey',
    ]);
    // Names later migrations gave their own tables and indexes (008's, 010's attachments, 013's language) are not 007's business.
    const madeLater =
      /^(ticket_messages|ticket_texts|tickets_(last_activity|status_last_activity|awaiting)_|tickets_language$|outbox_|attachments_)/;
    expect((await namesWith(db, 'ticket')).filter((name) => !madeLater.test(name))).toEqual([
      'ticket_emails',
      'ticket_emails_email_created_at',
      'ticket_emails_pk',
      'ticket_emails_pk',
      'ticket_emails_reference',
      'ticket_emails_reference_fkey',
      'ticket_notes',
      'ticket_notes_pkey',
      'ticket_notes_pkey',
      'ticket_notes_reference',
      'ticket_notes_reference_fkey',
      'ticket_notes_staff_id_fkey',
      'tickets',
      'tickets_anonymised_at_closed_at',
      'tickets_assigned_to_fkey',
      'tickets_created_at_reference',
      'tickets_pkey',
      'tickets_pkey',
      'tickets_status_created_at_reference',
    ]);
  });

  it('can be undone: down gives the old names and rows back', async () => {
    const other = await createScratchDatabase(testDatabaseUrl()!, 'migrate_tickets_down');
    const otherDb = openPostgres(other.url, 2);
    try {
      await databaseBeforeRename(otherDb);
      await migrateToLatest(otherDb);
      const { error, results } = await migrator(otherDb).migrateTo(LAST_BEFORE_RENAME);
      expect([error, results?.map((result) => `${result.migrationName} ${result.status}`)]).toEqual([undefined, UNDONE_TO_BEFORE_RENAME]);
      expect(await storedRows(otherDb, 'old')).toEqual(OLD_ROWS);
      expect(await namesWith(otherDb, 'ticket')).toEqual([]);
    } finally {
      await otherDb.destroy();
      await other.drop();
    }
  });

  it('keeps enforcing the foreign keys', async () => {
    await expectForeignKeysEnforced(db);
  });
});
