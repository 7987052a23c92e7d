import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite, type Db } from '../../src/server/db/connection.ts';
import { inboxPage } from '../../src/server/db/inbox.ts';
import { notesOf, ticketByReference } from '../../src/server/db/tickets.ts';
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

describe('migration 007-tickets on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-migrate-tickets-'));
  let db: Db;
  beforeAll(async () => {
    db = openSqlite(dir);
    await databaseBeforeRename(db);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every row, under the new names', async () => {
    expect(await storedRows(db, 'new')).toEqual(NEW_ROWS);
    expect(await ticketByReference(db, 'HC-OLD0-0001')).toMatchObject({ status: 'open', assignee: { id: 'staff-1', name: 'Agent' } });
    expect((await notesOf(db, 'HC-OLD0-0001')).map((note) => note.body)).toEqual(['Called them.']);
    const found = await inboxPage(db, { status: 'resolved', email: 'old@example.com' }, {}, 10);
    expect(found.rows.map((row) => row.reference)).toEqual(['HC-OLD0-0002']);
  });

  it('leaves no table, index or constraint named after escalations', async () => {
    const { rows } = await sql<{ name: string }>`
      select name from sqlite_master where name like '%escalation%' or sql like '%escalation%'
    `.execute(db);
    expect(rows).toEqual([]);
  });

  it('points every foreign key at the renamed tables, and each holds', async () => {
    const { rows } = await sql<{ child: string; parent: string }>`
      select m.name as child, f."table" as parent from sqlite_master m, pragma_foreign_key_list(m.name) f
      where m.type = 'table' and m.name in ('tickets', 'ticket_emails', 'ticket_notes', 'idempotency_keys') order by 1, 2
    `.execute(db);
    expect(rows.map((row) => `${row.child} → ${row.parent}`)).toEqual([
      'idempotency_keys → tickets',
      'ticket_emails → tickets',
      'ticket_notes → staff',
      'ticket_notes → tickets',
      'tickets → staff',
    ]);
    expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
  });

  it('can be undone: down gives the old names and rows back', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'signpost-migrate-tickets-down-'));
    const other = openSqlite(copy);
    try {
      await databaseBeforeRename(other);
      await migrateToLatest(other);
      const { error, results } = await migrator(other).migrateTo(LAST_BEFORE_RENAME);
      expect([error, results?.map((result) => `${result.migrationName} ${result.status}`)]).toEqual([undefined, UNDONE_TO_BEFORE_RENAME]);
      expect(await storedRows(other, 'old')).toEqual(OLD_ROWS);
      expect((await sql`pragma foreign_key_check`.execute(other)).rows).toEqual([]);
    } finally {
      await other.destroy();
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('keeps enforcing the foreign keys', async () => {
    await expectForeignKeysEnforced(db);
  });
});
