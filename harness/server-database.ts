// Which database a test server uses. SQLite in its data folder by default; in the PostgreSQL test projects
// (TEST_SERVER_DATABASE=postgres) a scratch database of its own on TEST_DATABASE_URL's server, named in a file
// in the data folder, so every helper that is given a server's data folder reaches the same data.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres, openSqlite, type Db } from '../src/server/db/connection.ts';
import { createScratchDatabase, testDatabaseUrl } from './postgres.ts';

const MARKER = '.test-database-url';

export function testServersUsePostgres(env: Record<string, string | undefined> = process.env): boolean {
  return env.TEST_SERVER_DATABASE === 'postgres';
}

/** The PostgreSQL database of the server serving `dataDir`, or undefined for SQLite in the folder. */
export function serverDatabaseUrl(dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, MARKER), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** A second connection to a test server's database, as the CLI or an operator would open one. */
export function openServerDatabase(dataDir: string): Db {
  const url = serverDatabaseUrl(dataDir);
  return url ? openPostgres(url, 2) : openSqlite(dataDir);
}

/** A fresh data folder, with a fresh PostgreSQL database behind it when the test project asks for PostgreSQL. */
export async function newServerData(postgres = testServersUsePostgres()): Promise<{ dataDir: string; remove(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'signpost-data-'));
  const adminUrl = testDatabaseUrl();
  if (postgres && !adminUrl) throw new Error('TEST_SERVER_DATABASE=postgres needs TEST_DATABASE_URL (see .ci/run).');
  const scratch = postgres ? await createScratchDatabase(adminUrl!, 'server') : undefined;
  if (scratch) writeFileSync(join(dataDir, MARKER), scratch.url);
  return {
    dataDir,
    remove: async () => {
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
