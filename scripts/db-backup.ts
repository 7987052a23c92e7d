// `npm run db:backup -- FILE`: writes a consistent copy of the database while the server keeps running.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { backupDatabase } from '../src/server/db/backup.ts';
import { databaseFile, openSqlite } from '../src/server/db/connection.ts';
import { databaseSettings } from '../src/server/settings.ts';

const [target] = process.argv.slice(2);
if (!target) {
  console.error('Usage: npm run db:backup -- FILE   (FILE must not exist yet)');
  process.exit(2);
}
// npm runs scripts from the project folder; a relative FILE means relative to where the command was typed.
const file = resolve(process.env.INIT_CWD ?? process.cwd(), target);
const settings = databaseSettings(process.env);
if (settings.kind === 'postgres') {
  console.error('DATABASE_URL is set: back up PostgreSQL with its own tools, e.g. pg_dump --format=custom (see README).');
  process.exit(1);
}
const { dataDir } = settings;
if (!existsSync(databaseFile(dataDir))) {
  console.error(`No database in ${dataDir}. Set DATA_DIR to the folder the server uses.`);
  process.exit(1);
}
if (existsSync(file)) {
  console.error(`${file} already exists. Choose a new file name; a backup never overwrites one.`);
  process.exit(1);
}

const db = openSqlite(dataDir);
try {
  await backupDatabase(db, file);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
if (!process.exitCode) console.log(`Backed up ${databaseFile(dataDir)} to ${file} (${Math.ceil(statSync(file).size / 1024)} KB).`);
