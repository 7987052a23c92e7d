// A test server whose database answers reads but refuses writes, the way production storage does it.
import { chmodSync } from 'node:fs';
import { sql } from 'kysely';
import { databaseFile } from '../../src/server/db/connection.ts';
import { openServerDatabase, serverDatabaseUrl } from '../../harness/server-database.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';

/**
 * Makes the database of `dataDir` (no server running on it) refuse writes, then serves it (with `env` added).
 *
 * PostgreSQL: the database is put in read-only mode (default_transaction_read_only), as a hot standby or a managed
 * server whose disk is nearly full is; every write then fails with SQLSTATE 25006.
 *
 * SQLite: the database file becomes read-only, so SQLite opens it read-only and refuses writes with SQLITE_READONLY.
 * File modes do not stop root, so as root the server runs in a mount namespace of its own in which the file is a
 * read-only bind mount (the kernel refuses the write, EROFS, whoever asks); anyone else gets `chmod a-w`, which
 * is what an operator would run into.
 */
export async function serveReadOnly(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const url = serverDatabaseUrl(dataDir);
  if (url) {
    const db = openServerDatabase(dataDir);
    try {
      await sql`alter database ${sql.id(decodeURIComponent(new URL(url).pathname.slice(1)))} set default_transaction_read_only = on`.execute(
        db,
      );
    } finally {
      await db.destroy();
    }
    return startServer({ dataDir, env });
  }
  const file = databaseFile(dataDir);
  if (process.getuid?.() !== 0) {
    chmodSync(file, 0o444);
    return startServer({ dataDir, env });
  }
  const readOnlyMount = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"';
  return startServer({ dataDir, env, launcher: ['unshare', '--mount', 'sh', '-c', readOnlyMount, 'sh', file] });
}
