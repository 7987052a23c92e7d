// A migrated database in a fresh temporary folder for one test file, closed and removed afterwards.
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/server/db/connection.ts';
import { tempDatabase } from './temp-database.ts';

/** Call at the top of a test file; the returned function gives the open database inside tests. */
export function useTestDatabase(): () => Db {
  let database: Awaited<ReturnType<typeof tempDatabase>> | undefined;
  beforeAll(async () => {
    database = await tempDatabase();
  });
  afterAll(() => database?.remove());
  return () => {
    if (!database) throw new Error('useTestDatabase(): the database opens in beforeAll; use it inside tests.');
    return database.db;
  };
}
