// A migrated database in a fresh temporary folder for one test file, closed and removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { migrateToLatest, openSqlite, type Db } from '../../src/server/db/connection.ts';

/** Call at the top of a test file; the returned function gives the open database inside tests. */
export function useTestDatabase(): () => Db {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-unit-'));
  let db: Db | undefined;
  beforeAll(async () => {
    db = openSqlite(dir);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error('useTestDatabase(): the database opens in beforeAll; use it inside tests.');
    return db;
  };
}
