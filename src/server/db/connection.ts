import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { databaseSettings } from '../settings.ts';
import { migrations } from './migrations/index.ts';
import { nodeSqliteDialect } from './node-sqlite-dialect.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export const DATABASE_FILE = 'signpost.sqlite';
/** How long a write waits for another process's transaction (a backup, a CLI) before giving up. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the SQLite file in DATA_DIR, creating both when missing. WAL lets readers and the one writer run side
 * by side; synchronous=FULL makes every commit reach the disk before it returns.
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new DatabaseSync(databaseFile(dataDir), { timeout: BUSY_TIMEOUT_MS });
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
  return new Kysely<Database>({ dialect: nodeSqliteDialect(sqlite) });
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

/** Brings the schema up to date; throws naming the migration that failed. */
export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'before any migration ran';
    throw new Error(`Database migration failed (${failed}): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

// scripts/serve.ts and the bundled server each load their own copy of this module; the slot on globalThis
// makes them share one connection (and so one writer) per process.
const SLOT = Symbol.for('signpost.database');
type Slot = { [SLOT]?: Promise<Db> };

/** The process's connection, opened and migrated on first use. A failed open is retried on the next call. */
export function database(): Promise<Db> {
  const slot = globalThis as Slot;
  slot[SLOT] ??= (async () => {
    const db = openDatabase(databaseSettings(process.env).dataDir);
    try {
      await migrateToLatest(db);
      return db;
    } catch (error) {
      await db.destroy();
      throw error;
    }
  })().catch((error: unknown) => {
    delete slot[SLOT];
    throw error;
  });
  return slot[SLOT];
}

/** Closes the process's connection (on shutdown, and between tests). */
export async function closeDatabase(): Promise<void> {
  const slot = globalThis as Slot;
  const open = slot[SLOT];
  delete slot[SLOT];
  await (await open?.catch(() => undefined))?.destroy();
}
