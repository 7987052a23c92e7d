// Migration 007 renamed escalations to tickets: a database in use before it, and what must hold after it (and after
// its `down`), on SQLite and on PostgreSQL alike.
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { expect } from 'vitest';
import type { Db } from '../../src/server/db/connection.ts';
import { migrations } from '../../src/server/db/migrations/index.ts';

type Row = Record<string, unknown>;

export function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** The tables 007 renames, and those whose rows name tickets, parents first: their names before and after, their key. */
const TABLES = [
  { old: 'escalations', new: 'tickets', key: 'reference' },
  { old: 'escalation_emails', new: 'ticket_emails', key: 'email_normalized, reference' },
  { old: 'escalation_notes', new: 'ticket_notes', key: 'id' },
  { old: 'idempotency_keys', new: 'idempotency_keys', key: 'key' },
  { old: 'audit_events', new: 'audit_events', key: 'id' },
] as const;

const ticket = (reference: string, status: string, extra: Row = {}): Row => ({
  reference,
  created_at: '2025-02-01T10:00:00.000Z',
  status,
  spam_reason: status === 'spam' ? 'honeypot' : null,
  name: `Requester of ${reference}`,
  contact_email: `${reference.toLowerCase()}@example.com`,
  account_emails: '["old@example.com"]',
  topic: 'sign-in',
  description: 'Stored before tickets were called tickets.',
  transcript: '{"flow":"login","steps":[{"step":"what-is-wrong","choice":"reset-password"}]}',
  browser: 'firefox',
  os: 'linux',
  consented_at: '2025-02-01T10:00:00.000Z',
  assigned_to: null,
  closed_at: null,
  anonymised_at: null,
  ...extra,
});

/** Rows in every table 007 touches, as the app wrote them before it: each table's rows, by its old name. */
export const OLD_ROWS: Record<(typeof TABLES)[number]['old'], Row[]> = {
  escalations: [
    ticket('HC-OLD0-0001', 'open', { assigned_to: 'staff-1' }),
    ticket('HC-OLD0-0002', 'resolved', { closed_at: '2025-02-02T10:00:00.000Z' }),
    ticket('HC-OLD0-0003', 'spam', { closed_at: '2025-02-01T10:00:00.000Z', anonymised_at: '2025-02-03T10:00:00.000Z' }),
  ],
  escalation_emails: [
    ...['HC-OLD0-0001', 'HC-OLD0-0002', 'HC-OLD0-0003'].map((reference) => [`${reference.toLowerCase()}@example.com`, reference]),
    ...['HC-OLD0-0001', 'HC-OLD0-0002', 'HC-OLD0-0003'].map((reference) => ['old@example.com', reference]),
  ].map(([email_normalized, reference]) => ({ email_normalized, reference, created_at: '2025-02-01T10:00:00.000Z' })),
  escalation_notes: [
    { id: 'note-1', reference: 'HC-OLD0-0001', staff_id: 'staff-1', created_at: '2025-02-01T11:00:00.000Z', body: 'Called them.' },
    { id: 'note-2', reference: 'HC-OLD0-0002', staff_id: 'staff-1', created_at: '2025-02-01T12:00:00.000Z', body: 'Sorted.' },
  ],
  idempotency_keys: [
    { key: 'key-1', request_hash: 'hash-1', reference: 'HC-OLD0-0001', created_at: '2025-02-01T10:00:00.000Z' },
    { key: 'key-2', request_hash: 'hash-2', reference: 'HC-OLD0-0002', created_at: '2025-02-01T10:00:00.000Z' },
  ],
  audit_events: [
    audit('audit-1', 'note-added', 'HC-OLD0-0001', { note: 'note-1' }),
    audit('audit-2', 'status-changed', 'HC-OLD0-0002', { from: 'new', to: 'resolved' }),
    audit('audit-3', 'personal-data-exported', null, { escalations: 2, references: ['HC-OLD0-0001', 'HC-OLD0-0002'] }),
    audit('audit-4', 'personal-data-erased', null, { escalations: 1, references: ['HC-OLD0-0003'] }),
  ],
};

function audit(id: string, action: string, reference: string | null, detail: Row): Row {
  return { id, at: '2025-02-01T13:00:00.000Z', staff_id: 'staff-1', action, reference, detail: JSON.stringify(detail) };
}

/**
 * What 007 leaves: the same rows under the new names, personal-data entries counting `tickets`; with what 008 adds
 * to each ticket (its last activity is its creation; the new and open ones wait for our reply), and 013 (English).
 */
export const NEW_ROWS: Record<(typeof TABLES)[number]['new'], Row[]> = {
  tickets: OLD_ROWS.escalations.map((row) => ({
    ...row,
    last_activity_at: row.created_at,
    first_reply_at: null,
    last_staff_reply_at: null,
    last_requester_message_at: null,
    awaiting_us: row.status === 'new' || row.status === 'open' ? 1 : 0,
    // 013: every ticket from before languages is in English.
    language: 'en',
  })),
  ticket_emails: OLD_ROWS.escalation_emails,
  ticket_notes: OLD_ROWS.escalation_notes,
  idempotency_keys: OLD_ROWS.idempotency_keys,
  audit_events: OLD_ROWS.audit_events.map((row) => ({
    ...row,
    detail: (row.detail as string).replace('{"escalations":', '{"tickets":'),
  })),
};

export const LAST_BEFORE_RENAME = '006-staff-devices';
/** What migrating down to LAST_BEFORE_RENAME reports when every later migration's down works: newest first. */
export const UNDONE_TO_BEFORE_RENAME = Object.keys(migrations)
  .filter((name) => name > LAST_BEFORE_RENAME)
  .reverse()
  .map((name) => `${name} Success`);

/** Migrates an empty database to just before 007 and fills it as a help center in use would be. */
export async function databaseBeforeRename(db: Db): Promise<void> {
  expect((await migrator(db).migrateTo(LAST_BEFORE_RENAME)).error).toBeUndefined();
  const old = db as unknown as Kysely<Record<string, Row>>;
  await old
    .insertInto('staff')
    .values({
      id: 'staff-1',
      email: 'Agent@example.com',
      email_normalized: 'agent@example.com',
      name: 'Agent',
      role: 'agent',
      password_hash: 'not-a-real-hash',
      created_at: '2025-01-01T00:00:00.000Z',
      disabled_at: null,
    })
    .execute();
  for (const table of TABLES) await old.insertInto(table.old).values(OLD_ROWS[table.old]).execute();
}

/** Every row of those tables, under their names before or after 007, in key order, as plain objects. */
export async function storedRows(db: Db, names: 'old' | 'new'): Promise<Record<string, Row[]>> {
  const rows: Record<string, Row[]> = {};
  for (const table of TABLES) {
    const { rows: found } = await sql<Row>`select * from ${sql.table(table[names])} order by ${sql.raw(table.key)}`.execute(db);
    rows[table[names]] = found.map((row) => ({ ...row }));
  }
  return rows;
}

/** Foreign keys still hold after the renames: deleting a ticket takes what hangs off it along; a note for no ticket is refused. */
export async function expectForeignKeysEnforced(db: Db): Promise<void> {
  await db.deleteFrom('tickets').where('reference', '=', 'HC-OLD0-0002').execute();
  for (const table of ['ticket_emails', 'ticket_notes', 'idempotency_keys'] as const) {
    const left = await db.selectFrom(table).select('reference').where('reference', '=', 'HC-OLD0-0002').execute();
    expect(left, table).toEqual([]);
  }
  await expect(
    db
      .insertInto('ticket_notes')
      .values({ id: 'orphan', reference: 'HC-NONE-0000', staff_id: 'staff-1', created_at: '2025-02-04T10:00:00.000Z', body: 'x' })
      .execute(),
  ).rejects.toThrow(/foreign key/i);
}
