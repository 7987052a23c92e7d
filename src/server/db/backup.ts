import { sql } from 'kysely';
import type { Db } from './connection.ts';

/**
 * Writes a consistent copy of the live database to `file` (SQLite's VACUUM INTO): it reads one snapshot, so
 * the server keeps serving and writing meanwhile. Fails when `file` already exists.
 */
export async function backupDatabase(db: Db, file: string): Promise<void> {
  await sql`vacuum into ${file}`.execute(db);
}
