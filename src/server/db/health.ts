import { sql } from 'kysely';
import type { Db } from './connection.ts';
import { databaseFailure } from './database-errors.ts';

/** What the health endpoint reports about the database. */
export type DatabaseState = 'up' | 'read-only' | 'down';

/** A load balancer may ask every few seconds; the database gets at most one write per this time from each instance. */
export const WRITE_PROBE_EVERY_MS = 10_000;

/**
 * The database's state, as cheaply as is honest. Every check reads a real table (a bare `select 1` never touches
 * the file). Only a write shows read-only files or a full disk, and each write is a commit (an fsync, a row
 * version), so one row is rewritten at most once per `everyMs`; in between, the last write's result stands.
 * Checks arriving together share one write.
 */
export function databaseHealth(
  db: () => Promise<Db>,
  { everyMs = WRITE_PROBE_EVERY_MS, now = () => new Date() }: { everyMs?: number; now?: () => Date } = {},
): () => Promise<DatabaseState> {
  let written: { at: number; state: DatabaseState } | undefined;
  let writing: Promise<DatabaseState> | undefined;

  const probe = async (database: Db): Promise<DatabaseState> => {
    const at = now();
    let state: DatabaseState;
    try {
      await database
        .insertInto('health_check')
        .values({ id: 1, checked_at: at.toISOString() })
        .onConflict((oc) => oc.column('id').doUpdateSet({ checked_at: at.toISOString() }))
        .execute();
      state = 'up';
    } catch (error) {
      state = databaseFailure(error) === 'unwritable' ? 'read-only' : 'down';
      // Once per change of state, not at every check: the operator needs the driver's reason, not a stream of it.
      if (written?.state !== state) console.error(`health: the database cannot be written (${describe(error)})`);
    }
    written = { at: at.getTime(), state };
    return state;
  };

  return async () => {
    let database: Db;
    try {
      database = await db();
      await database.selectFrom('tickets').select(sql.lit(1).as('up')).limit(1).execute();
    } catch {
      return 'down';
    }
    if (written && now().getTime() - written.at < everyMs) return written.state;
    writing ??= probe(database).finally(() => (writing = undefined));
    return writing;
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
