import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openSqlite, type Db } from '../../src/server/db/connection.ts';

/** A migrated SQLite database in a fresh folder, for module-level tests; `remove()` closes and deletes it. */
export async function tempDatabase(): Promise<{ db: Db; dir: string; remove(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'signpost-test-db-'));
  const db = openSqlite(dir);
  await migrateToLatest(db);
  return {
    db,
    dir,
    remove: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
