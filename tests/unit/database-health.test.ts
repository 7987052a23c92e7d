import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE, type Db } from '../../src/server/db/connection.ts';
import { databaseFailure } from '../../src/server/db/database-errors.ts';
import { databaseHealth, WRITE_PROBE_EVERY_MS } from '../../src/server/db/health.ts';
import { nodeSqliteDialect } from '../../src/server/db/node-sqlite-dialect.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { tempDatabase } from '../support/temp-database.ts';

let database: Awaited<ReturnType<typeof tempDatabase>>;
/** The same file opened read-only: every write fails as it would on a read-only file or mount. */
let readOnly: Db;
beforeAll(async () => {
  database = await tempDatabase();
  readOnly = new Kysely<Database>({
    dialect: nodeSqliteDialect(new DatabaseSync(join(database.dir, DATABASE_FILE), { readOnly: true })),
  });
});
afterAll(async () => {
  await readOnly.destroy();
  await database.remove();
});

const checkedAt = async () => (await database.db.selectFrom('health_check').select('checked_at').executeTakeFirst())?.checked_at;

describe('the health check', () => {
  it('is up when the database reads and takes a write, and writes at most once per interval', async () => {
    let clock = Date.parse('2026-03-01T12:00:00.000Z');
    const check = databaseHealth(async () => database.db, { now: () => new Date(clock) });
    expect(await check()).toBe('up');
    expect(await checkedAt()).toBe('2026-03-01T12:00:00.000Z');
    clock += WRITE_PROBE_EVERY_MS - 1;
    expect(await check()).toBe('up');
    expect(await checkedAt(), 'no second write within the interval').toBe('2026-03-01T12:00:00.000Z');
    clock += 1;
    await Promise.all([check(), check(), check()]);
    expect(await checkedAt()).toBe('2026-03-01T12:00:10.000Z');
  });

  it('shares one write between checks that arrive together', async () => {
    const writes = vi.spyOn(database.db, 'insertInto');
    const check = databaseHealth(async () => database.db);
    expect(await Promise.all([check(), check(), check()])).toEqual(['up', 'up', 'up']);
    expect(writes).toHaveBeenCalledTimes(1);
    writes.mockRestore();
  });

  it('says read-only when the database reads but refuses the write, and logs why once', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    let clock = Date.now();
    const check = databaseHealth(async () => readOnly, { now: () => new Date(clock) });
    expect(await check()).toBe('read-only');
    clock += WRITE_PROBE_EVERY_MS;
    expect(await check()).toBe('read-only');
    expect(log.mock.calls.map(([line]) => String(line))).toEqual([
      'health: the database cannot be written (attempt to write a readonly database)',
    ]);
    log.mockRestore();
  });

  it('says down when the database cannot be reached', async () => {
    expect(await databaseHealth(() => Promise.reject(new Error('connect ECONNREFUSED')))()).toBe('down');
  });
});

describe('which failures mean the database cannot be written', () => {
  const pg = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

  it('SQLite refusing a write to a read-only file, wrapped or not', async () => {
    const error = await readOnly
      .insertInto('health_check')
      .values({ id: 2, checked_at: '' })
      .execute()
      .catch((e: unknown) => e);
    expect(databaseFailure(error)).toBe('unwritable');
    expect(databaseFailure(new Error('migration failed', { cause: error }))).toBe('unwritable');
  });

  it('SQLite full, I/O errors (extended codes too) and files it cannot open', () => {
    const sqlite = (errcode: number) => Object.assign(new Error('sqlite'), { code: 'ERR_SQLITE_ERROR', errcode });
    for (const errcode of [13, 10, 778, 3338, 14]) expect(databaseFailure(sqlite(errcode)), String(errcode)).toBe('unwritable');
    // Busy (another writer) and a constraint are not about the storage.
    for (const errcode of [5, 19, 2067]) expect(databaseFailure(sqlite(errcode)), String(errcode)).not.toBe('unwritable');
  });

  it('PostgreSQL in read-only mode, with a full disk or an I/O error', () => {
    for (const code of ['25006', '53100', '58030']) expect(databaseFailure(pg(code)), code).toBe('unwritable');
    for (const code of ['23505', '57P01', '08006']) expect(databaseFailure(pg(code)), code).not.toBe('unwritable');
  });
});
