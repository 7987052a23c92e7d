import { sql, type Kysely } from 'kysely';
import type { Db } from './connection.ts';
import type { Database } from './schema.ts';

/** Every table worth moving, each after the tables its foreign keys point to. */
export const COPY_ORDER = [
  'staff',
  'staff_sessions',
  'sign_in_attempts',
  'staff_devices',
  'tickets',
  'idempotency_keys',
  'ticket_emails',
  'ticket_notes',
  'ticket_messages',
  'ticket_texts',
  'request_keys',
  'reply_tokens',
  'attachments',
  'outbox',
  'saved_replies',
  'audit_events',
  'feedback_votes',
  'vote_claims',
  'daily_salts',
  'reader_events',
  'urgent_announcements',
  'announcement_changes',
  'queue_marks',
] as const satisfies readonly (keyof Database)[];

/**
 * The migrator's own bookkeeping (the target has its own), the rate limiter's counters, which expire within
 * minutes, the health check's scratch row, and SQLite's full-text index over ticket_texts (PostgreSQL indexes the
 * copied rows itself).
 */
const NOT_COPIED = [
  'kysely_migration',
  'kysely_migration_lock',
  'rate_limits',
  'health_check',
  ...['', '_data', '_idx', '_docsize', '_config'].map((part) => `ticket_texts_fts${part}`),
];

/** 16 columns at most: 8,000 parameters a statement, far below PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 500;
/** A multiple of ROWS_PER_INSERT. */
const REPORT_EVERY = 20_000;
const ROWID = 'copy_rowid';

export type CopiedTable = (typeof COPY_ORDER)[number];

export interface TableCount {
  table: CopiedTable;
  sqlite: number;
  postgres: number;
}

export interface CopyProgress {
  table: CopiedTable;
  copied: number;
  total: number;
}

/** Why nothing was copied; with the counts when it got as far as comparing them. */
export class CopyAborted extends Error {
  readonly counts: TableCount[] | undefined;
  constructor(message: string, counts?: TableCount[]) {
    super(message);
    this.counts = counts;
  }
}

/** Rows as node:sqlite hands them over: text, integers as numbers, nulls. PostgreSQL takes them as they are. */
type Row = Record<string, unknown>;
type AnyTables = Kysely<Record<string, Row>>;

/**
 * Copies every table of a SQLite database into an empty PostgreSQL database, both already migrated, and returns
 * both sides' row counts. All in one PostgreSQL transaction: when anything fails, including counts that differ at
 * the end, the target is left as it was. Calls `progress` every 20,000 rows and when a table is done.
 */
export async function copyDatabase(sqlite: Db, postgres: Db, progress: (progress: CopyProgress) => void): Promise<TableCount[]> {
  await refuseUnknownTables(sqlite);
  return sqlite.connection().execute(async (reader) => {
    // One read transaction: in WAL mode it reads one snapshot, so the rows and their counts agree even if a
    // server still writes meanwhile (what it writes stays behind).
    await sql`begin`.execute(reader);
    try {
      const sqliteCounts = await countRows(reader);
      return await postgres.transaction().execute(async (writer) => {
        // Instances already running on the target wait until the copy is in, so it never merges with their writes.
        await sql`lock table ${sql.join(COPY_ORDER.map((table) => sql.table(table)))} in exclusive mode`.execute(writer);
        const held = [...(await countRows(writer))].filter(([, rows]) => rows > 0);
        if (held.length > 0) {
          const rows = held.map(([table, count]) => `${table}: ${count}`).join(', ');
          throw new CopyAborted(`it already holds data (${rows}); db:copy only fills an empty database, it never merges into one`);
        }
        for (const table of COPY_ORDER) {
          await copyTable(reader as unknown as AnyTables, writer as unknown as AnyTables, table, sqliteCounts.get(table)!, progress);
        }
        // The rows came with their ids: the id sequence goes on after them.
        await sql`select setval(pg_get_serial_sequence('ticket_texts', 'id'), coalesce(max(id), 0) + 1, false) from ticket_texts`.execute(
          writer,
        );
        const postgresCounts = await countRows(writer);
        const counts = COPY_ORDER.map((table) => ({ table, sqlite: sqliteCounts.get(table)!, postgres: postgresCounts.get(table)! }));
        if (counts.some((count) => count.sqlite !== count.postgres)) throw new CopyAborted('the row counts differ', counts);
        return counts;
      });
    } finally {
      await sql`rollback`.execute(reader);
    }
  });
}

/** A table this module does not know could hold rows that other tables need first: better to stop than guess. */
async function refuseUnknownTables(sqlite: Db): Promise<void> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
    sqlite,
  );
  const known: readonly string[] = [...COPY_ORDER, ...NOT_COPIED];
  const unknown = rows.map((row) => row.name).filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new CopyAborted(
      `the SQLite database has tables db:copy does not know where to put: ${unknown.join(', ')}. ` +
        'Add them to COPY_ORDER in src/server/db/copy.ts, after the tables they reference',
    );
  }
}

async function countRows(db: Kysely<Database>): Promise<Map<CopiedTable, number>> {
  const counts = new Map<CopiedTable, number>();
  for (const table of COPY_ORDER) {
    // PostgreSQL's count is a bigint, which pg returns as a string.
    const { rows } = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('rows'))
      .executeTakeFirstOrThrow();
    counts.set(table, Number(rows));
  }
  return counts;
}

/** Reads in rowid order, a batch at a time, so a table of any size never sits in memory whole. */
async function copyTable(
  reader: AnyTables,
  writer: AnyTables,
  table: CopiedTable,
  total: number,
  progress: (progress: CopyProgress) => void,
): Promise<void> {
  // A file may hold megabytes: one at a time.
  const batch = table === 'attachments' ? 1 : ROWS_PER_INSERT;
  for (let after = 0, copied = 0; ;) {
    const { rows } = await sql<Row & { [ROWID]: number }>`
      select rowid as ${sql.id(ROWID)}, * from ${sql.table(table)} where rowid > ${after} order by rowid limit ${batch}
    `.execute(reader);
    if (rows.length > 0)
      await writer
        .insertInto(table)
        .values(rows.map(({ [ROWID]: _rowid, ...row }) => row))
        .execute();
    copied += rows.length;
    const done = rows.length < batch;
    if (done || (copied % REPORT_EVERY === 0 && copied < total)) progress({ table, copied, total });
    if (done) return;
    after = rows[rows.length - 1][ROWID];
  }
}
