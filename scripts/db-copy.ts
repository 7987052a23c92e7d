// `npm run db:copy -- --to URL`: moves the SQLite database in DATA_DIR into an empty PostgreSQL database, so the
// help center can run as several instances on it (see USAGE).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseFile, migrateToLatest, openDatabase, openSqlite, type Db } from '../src/server/db/connection.ts';
import { copyDatabase, CopyAborted, type TableCount } from '../src/server/db/copy.ts';
import { describeDatabase, startupProblem } from '../src/server/db/database-errors.ts';
import { databaseSettings, redactPassword, type DatabaseSettings } from '../src/server/settings.ts';

const USAGE_LINE = 'Usage: npm run db:copy -- --to postgres://user:password@host:5432/database';
const USAGE = `${USAGE_LINE}

Copies the SQLite database in DATA_DIR (default ./data) into that PostgreSQL database, which must hold no data
yet: all of it or, if anything goes wrong, nothing. Then compares the row counts of every table.
Stop the server first: what it stores while the copy runs stays behind in SQLite.`;

let options: { to?: string; help?: boolean };
try {
  options = parseArgs({ options: { to: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
} catch {
  // Not parseArgs' message: it would quote the arguments, connection string and password included.
  console.error(USAGE_LINE);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const url = options.to?.trim();
if (!url) {
  console.error(USAGE_LINE);
  process.exit(2);
}

/** The settings' messages name DATABASE_URL, where the server reads it; here it came from --to. */
const fromTo = (message: string) => message.replaceAll('DATABASE_URL', '--to');

let target: DatabaseSettings;
try {
  target = databaseSettings({ DATABASE_URL: url });
} catch (error) {
  console.error(`${fromTo((error as Error).message)}\n${USAGE_LINE}`);
  process.exit(2);
}
// Given no DATABASE_URL, the settings are SQLite's.
const source = databaseSettings({ DATA_DIR: process.env.DATA_DIR }) as Extract<DatabaseSettings, { kind: 'sqlite' }>;
if (!existsSync(databaseFile(source.dataDir))) {
  console.error(`No SQLite database in ${source.dataDir}. Set DATA_DIR to the folder the server uses.`);
  process.exit(1);
}

/** Migrates a database; false after saying in one line why it could not be opened. */
async function migrate(db: Db, settings: DatabaseSettings): Promise<boolean> {
  try {
    await migrateToLatest(db);
    return true;
  } catch (error) {
    console.error(fromTo(startupProblem(error, settings)));
    return false;
  }
}

function countTable(counts: TableCount[]): string {
  const width = Math.max(...counts.map((count) => count.table.length));
  const line = (table: string, sqlite: string | number, postgres: string | number, note = '') =>
    `${table.padEnd(width)}  ${String(sqlite).padStart(10)}  ${String(postgres).padStart(10)}${note}`.trimEnd();
  return [
    line('table', 'SQLite', 'PostgreSQL'),
    ...counts.map((count) => line(count.table, count.sqlite, count.postgres, count.sqlite === count.postgres ? '' : '  differs')),
  ].join('\n');
}

const sourceDb = openSqlite(source.dataDir);
const targetDb = openDatabase(target);
try {
  if ((await migrate(sourceDb, source)) && (await migrate(targetDb, target))) {
    console.error(`Copying ${describeDatabase(source)} into ${describeDatabase(target)}…`);
    const counts = await copyDatabase(sourceDb, targetDb, ({ table, copied, total }) =>
      console.error(`  ${table}: ${copied} of ${total} rows`),
    );
    console.log(countTable(counts));
    const rows = counts.reduce((sum, count) => sum + count.postgres, 0);
    console.log(`Copied ${rows} rows; the counts match. Set DATABASE_URL to this database and start the instances.`);
  } else process.exitCode = 1;
} catch (error) {
  if (error instanceof CopyAborted && error.counts) console.log(countTable(error.counts));
  const reason = (error instanceof Error ? error.message : String(error)).replaceAll(url, redactPassword(url));
  console.error(`Nothing was copied to ${describeDatabase(target)}: ${reason}.`);
  process.exitCode = 1;
} finally {
  await Promise.all([sourceDb.destroy(), targetDb.destroy()]);
}
