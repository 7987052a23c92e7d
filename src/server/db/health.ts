import { sql } from 'kysely';
import type { Db } from './connection.ts';

/** True when the database answers a query that reads a real table (a bare `select 1` never touches the file). */
export async function databaseIsUp(db: () => Promise<Db>): Promise<boolean> {
  try {
    await (await db()).selectFrom('escalations').select(sql.lit(1).as('up')).limit(1).execute();
    return true;
  } catch {
    return false;
  }
}
