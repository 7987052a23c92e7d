import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.ts';

// "Escalation" and "ticket" named the same row; the word is "ticket" now, in the tables too. Rows stay where they
// are: tables, indexes and constraints are renamed in place, but for SQLite's address index (see below).

interface Names {
  tickets: string;
  notes: string;
  emails: string;
  /** The key personal-data audit entries count tickets under. */
  countKey: string;
}
const OLD: Names = { tickets: 'escalations', notes: 'escalation_notes', emails: 'escalation_emails', countKey: 'escalations' };
const NEW: Names = { tickets: 'tickets', notes: 'ticket_notes', emails: 'ticket_emails', countKey: 'tickets' };
type Table = Exclude<keyof Names, 'countKey'>;

/** The indexes migration 002 made, each named `<table>_<suffix>`. */
const INDEXES: [Table, string, string[]][] = [
  ['tickets', 'status_created_at_reference', ['status', 'created_at', 'reference']],
  ['tickets', 'created_at_reference', ['created_at', 'reference']],
  ['tickets', 'anonymised_at_closed_at', ['anonymised_at', 'closed_at']],
  ['emails', 'email_created_at', ['email_normalized', 'created_at', 'reference']],
  ['emails', 'reference', ['reference']],
  ['notes', 'reference', ['reference', 'created_at']],
];

/** The constraints PostgreSQL named after their table (the migrations left all but `_pk` for it to name). */
const POSTGRES_CONSTRAINTS: [Table, string][] = [
  ['tickets', 'pkey'],
  ['tickets', 'assigned_to_fkey'],
  ['emails', 'pk'],
  ['emails', 'reference_fkey'],
  ['notes', 'pkey'],
  ['notes', 'reference_fkey'],
  ['notes', 'staff_id_fkey'],
];

const PERSONAL_DATA_ACTIONS = ['personal-data-exported', 'personal-data-erased'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await rename(db, OLD, NEW);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rename(db, NEW, OLD);
}

async function rename(db: Kysely<unknown>, from: Names, to: Names): Promise<void> {
  const named = (table: Table, suffix: string, names: Names) => `${names[table]}_${suffix}`;
  if (isPostgres(db)) {
    // Kysely runs this in a transaction on PostgreSQL, which renames everything in place.
    for (const table of ['tickets', 'notes', 'emails'] as const) await db.schema.alterTable(from[table]).renameTo(to[table]).execute();
    for (const [table, suffix] of POSTGRES_CONSTRAINTS)
      await db.schema
        .alterTable(to[table])
        .renameConstraint(named(table, suffix, from), named(table, suffix, to))
        .execute();
    for (const [table, suffix] of INDEXES)
      await sql`alter index ${sql.id(named(table, suffix, from))} rename to ${sql.id(named(table, suffix, to))}`.execute(db);
    await renameCountKey(db, from, to);
    return;
  }
  // Kysely runs SQLite migrations outside a transaction: this one takes its own, so it happens whole or not at all.
  await db.transaction().execute(async (trx) => {
    // Off is SQLite's default; said here because with it on, the foreign keys of idempotency_keys and of the notes
    // would go on naming the old table.
    await sql`pragma legacy_alter_table = off`.execute(trx);
    // SQLite cannot rename an index: each is made again under its new name.
    for (const [table, suffix] of INDEXES) await trx.schema.dropIndex(named(table, suffix, from)).execute();
    await trx.schema.alterTable(from.tickets).renameTo(to.tickets).execute();
    await trx.schema.alterTable(from.notes).renameTo(to.notes).execute();
    // Nor a constraint, and the address index's primary key is a named one: a new table, with the rows copied in.
    await trx.schema
      .createTable(to.emails)
      .addColumn('email_normalized', 'text', (c) => c.notNull())
      .addColumn('reference', 'text', (c) => c.notNull().references(`${to.tickets}.reference`).onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${to.emails}_pk`, ['email_normalized', 'reference'])
      .execute();
    await sql`
      insert into ${sql.table(to.emails)} (email_normalized, reference, created_at)
      select email_normalized, reference, created_at from ${sql.table(from.emails)}
    `.execute(trx);
    await trx.schema.dropTable(from.emails).execute();
    for (const [table, suffix, columns] of INDEXES)
      await trx.schema
        .createIndex(named(table, suffix, to))
        .on(to[table])
        .columns(columns)
        .execute();
    await renameCountKey(trx, from, to);
  });
}

/** The audit rows read and written here, typed in the migration because it must not depend on today's schema. */
interface AuditTables {
  audit_events: { id: string; action: string; detail: string };
}

/** Personal-data audit entries count the tickets they covered (`{"escalations": 2, …}`): the key is renamed too. */
async function renameCountKey(db: Kysely<unknown>, from: Names, to: Names): Promise<void> {
  const audit = db as unknown as Kysely<AuditTables>;
  const rows = await audit.selectFrom('audit_events').select(['id', 'detail']).where('action', 'in', PERSONAL_DATA_ACTIONS).execute();
  for (const row of rows) {
    const { [from.countKey]: count, ...rest } = JSON.parse(row.detail) as Record<string, unknown>;
    if (count === undefined) continue;
    await audit
      .updateTable('audit_events')
      .set({ detail: JSON.stringify({ [to.countKey]: count, ...rest }) })
      .where('id', '=', row.id)
      .execute();
  }
}
