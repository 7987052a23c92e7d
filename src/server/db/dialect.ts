import type { DialectAdapter, Kysely } from 'kysely';
import { processWideKey } from '../process-wide.ts';

// A mark on the adapter rather than `instanceof PostgresAdapter`, which would be false for a Kysely instance
// that another copy of the library made (scripts/serve.ts opens the database the bundled routes use).
const POSTGRES = processWideKey('postgres');

/** The adapter of a PostgreSQL connection (openPostgres makes every one), marked so `isPostgres` knows it. */
export function markedPostgres(adapter: DialectAdapter): DialectAdapter {
  return Object.assign(adapter, { [POSTGRES]: true });
}

/** Whether `db` (a connection, a transaction, or what a migration is given) speaks to PostgreSQL, not SQLite. */
export function isPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
  return POSTGRES in db.getExecutor().adapter;
}
