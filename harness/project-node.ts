import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The project's Node (the `node` package, Node 24) for child processes that run TypeScript directly.
 * `node_modules/.bin/vitest` started from a shell runs under whatever `node` is first on PATH, which may be older.
 */
export function projectNode(root: string): string {
  const pinned = join(root, 'node_modules/.bin/node');
  return existsSync(pinned) ? pinned : process.execPath;
}
