import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect, type DialectAdapter } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { processWide } from '../process-wide.ts';
import { databaseSettings, type DatabaseSettings } from '../settings.ts';
import { isPostgres, markedPostgres } from './dialect.ts';
import { migrations } from './migrations/index.ts';
import { nodeSqliteDialect } from './node-sqlite-dialect.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export const DATABASE_FILE = 'signpost.sqlite';
/** How long a write waits for another process's transaction (a backup, a CLI) before giving up. */
const BUSY_TIMEOUT_MS = 5_000;
/** A database that does not answer within these fails the request (a 503) instead of holding it open. */
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 15_000;

/** The database the settings name: SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL. */
export function openDatabase(settings: DatabaseSettings): Db {
  return settings.kind === 'sqlite' ? openSqlite(settings.dataDir) : openPostgres(settings.url, settings.poolSize);
}

/**
 * Opens the SQLite file in DATA_DIR, creating both when missing. WAL lets readers and the one writer run side
 * by side; synchronous=FULL makes every commit reach the disk before it returns.
 */
export function openSqlite(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new DatabaseSync(databaseFile(dataDir), { timeout: BUSY_TIMEOUT_MS });
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
  return new Kysely<Database>({ dialect: nodeSqliteDialect(sqlite) });
}

/**
 * A pool of PostgreSQL connections, shared by every request of this instance. Connections that break while idle
 * (the server restarted, say) are dropped from the pool and replaced on next use; without the error listener
 * such a break would end the process.
 */
export function openPostgres(url: string, poolSize: number): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'signpost',
  });
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new MarkedPostgresDialect({ pool }) });
  pools.set(db, pool);
  return db;
}

// Process-wide for the reason the connection is (see below): the bundled routes ask about a database that
// scripts/serve.ts's copy of this module opened.
const poolSlot = processWide<WeakMap<Db, pg.Pool>>('pools');
const pools = poolSlot.get() ?? new WeakMap<Db, pg.Pool>();
poolSlot.set(pools);

/** The connection pool under a PostgreSQL database, for stores that speak `pg` themselves (the rate limits). */
export function postgresPoolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

/**
 * A select that locks the rows it reads until the transaction ends, for read-then-write changes (a status change
 * records the status it replaced). PostgreSQL needs FOR UPDATE for that; a SQLite transaction already holds the
 * write lock from its start (BEGIN IMMEDIATE), and SQLite has no FOR UPDATE.
 */
export function lockingRows<Q extends { forUpdate(): Q }>(db: Pick<Db, 'getExecutor'>, query: Q): Q {
  return isPostgres(db) ? query.forUpdate() : query;
}

class MarkedPostgresDialect extends PostgresDialect {
  override createAdapter(): DialectAdapter {
    return markedPostgres(super.createAdapter());
  }
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

// scripts/serve.ts and the bundled server each load their own copy of this module; a process-wide slot makes
// them share one connection (and so one writer) per process.
const connection = processWide<Promise<Db>>('database');

/** The process's connection, opened and migrated on first use. A failed open is retried on the next call. */
export function database(): Promise<Db> {
  let opening = connection.get();
  if (!opening) {
    opening = (async () => {
      const db = openDatabase(databaseSettings(process.env));
      try {
        await migrateToLatest(db);
        return db;
      } catch (error) {
        await db.destroy();
        throw error;
      }
    })().catch((error: unknown) => {
      connection.delete();
      throw error;
    });
    connection.set(opening);
  }
  return opening;
}

/** Closes the process's connection (on shutdown, and between tests). */
export async function closeDatabase(): Promise<void> {
  const open = connection.get();
  connection.delete();
  await (await open?.catch(() => undefined))?.destroy();
}
