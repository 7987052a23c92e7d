// What `npm run db:copy` decides before it reaches PostgreSQL: which tables go in which order, and what it says
// about its arguments and the SQLite folder. The copy itself is tested against PostgreSQL in tests/postgres.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/server/db/connection.ts';
import { copyDatabase, COPY_ORDER, type CopiedTable } from '../../src/server/db/copy.ts';
import { projectRoot } from '../../harness/project-copy.ts';
import { projectNode } from '../../harness/project-node.ts';
import { tempDatabase } from '../support/temp-database.ts';

describe('the tables db:copy moves', () => {
  it('are every table of a migrated database but the migrator’s, the rate limits, the health check’s row and the full-text index, each after those it references', async () => {
    const { db, remove } = await tempDatabase();
    try {
      const { rows: tables } = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
      expect([...COPY_ORDER].sort()).toEqual(
        tables
          .map((table) => table.name)
          .filter((name) => !['kysely_migration', 'kysely_migration_lock', 'rate_limits', 'health_check'].includes(name))
          // SQLite's full-text index and its shadow tables: PostgreSQL indexes the copied texts itself.
          .filter((name) => !name.startsWith('ticket_texts_fts'))
          .sort(),
      );
      for (const [position, table] of COPY_ORDER.entries()) {
        const { rows: keys } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(db);
        for (const { table: parent } of keys)
          expect(COPY_ORDER.indexOf(parent as CopiedTable), `${table} → ${parent}`).toBeLessThan(position);
      }
    } finally {
      await remove();
    }
  });

  it('refuses a SQLite database with a table it does not know, before touching the target', async () => {
    const { db, remove } = await tempDatabase();
    // Nothing listens on port 9: reaching for the target would fail differently.
    const target = openPostgres('postgres://nobody:secret@127.0.0.1:9/none', 1);
    try {
      await sql`create table plugin_settings (key text primary key, value text)`.execute(db);
      await expect(copyDatabase(db, target, () => {})).rejects.toThrow(
        /does not know where to put: plugin_settings\. Add them to COPY_ORDER/,
      );
    } finally {
      await target.destroy();
      await remove();
    }
  });
});

describe('npm run db:copy arguments', () => {
  const empty = mkdtempSync(join(tmpdir(), 'signpost-db-copy-empty-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(projectNode(projectRoot), ['scripts/db-copy.ts', ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: empty, DATABASE_URL: '' },
    });
  const USAGE = 'Usage: npm run db:copy -- --to postgres://user:password@host:5432/database';

  it('--help prints the usage', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout.split('\n')[0]).toBe(USAGE);
  });

  it.each([[[]], [['--to']], [['--into', 'postgres://u:s3cret@db/help']]])(
    'without a --to URL (%j) prints the usage line and exits 2',
    (args) => {
      const copy = run(...args);
      expect(copy.status).toBe(2);
      expect(copy.stderr).toBe(`${USAGE}\n`);
    },
  );

  it('says what is wrong with a --to that is no PostgreSQL URL, without its password', () => {
    const copy = run('--to', 'mysql://help:s3cret@db/help');
    expect(copy.status).toBe(2);
    expect(copy.stderr).toBe(
      `--to starts with "mysql:", not "postgres:": it must look like postgres://user:password@host:5432/database (got "mysql://help:***@db/help")\n${USAGE}\n`,
    );
  });

  it('names the folder when DATA_DIR holds no SQLite database, and creates none there', () => {
    const copy = run('--to', 'postgres://help:s3cret@127.0.0.1:9/help');
    expect(copy.status).toBe(1);
    expect(copy.stderr).toBe(`No SQLite database in ${empty}. Set DATA_DIR to the folder the server uses.\n`);
    expect(readdirSync(empty)).toEqual([]);
  });
});
