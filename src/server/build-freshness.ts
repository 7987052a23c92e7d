import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Written last by a build (Pagefind's index), so its time marks a complete build. */
export const BUILD_MARKER = 'dist/client/pagefind/pagefind-entry.json';
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** Returns why a rebuild is needed, or undefined when dist/ is newer than every source file. */
export function buildIsStale(root: string, contentDir: string): string | undefined {
  const marker = join(root, BUILD_MARKER);
  if (!existsSync(marker)) return 'no build yet';
  const builtAt = statSync(marker).mtimeMs;
  for (const source of [...SOURCES, contentDir]) {
    const newer = findNewer(join(root, source), builtAt);
    if (newer) return `${newer.slice(root.length).replace(/^\//, '')} changed`;
  }
  return undefined;
}

function findNewer(path: string, than: number): string | undefined {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs > than ? path : undefined;
  for (const entry of readdirSync(path)) {
    const found = findNewer(join(path, entry), than);
    if (found) return found;
  }
  return undefined;
}
