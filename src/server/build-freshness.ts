import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DELIVERY_MANIFEST, readDeliveryManifest, siteUrlMismatch } from './http/delivery-manifest.ts';

/** Written last by a build, so its time marks a complete build. */
export const BUILD_MARKER = DELIVERY_MANIFEST;
// The build's own steps count too: a change to how pages are indexed or compressed needs a new build. The words
// (content/messages) come from ./content even when CONTENT_DIR points the articles elsewhere.
const SOURCES = [
  'src',
  'public',
  'content/messages',
  'scripts/build.ts',
  'scripts/build',
  'astro.config.mjs',
  'package-lock.json',
  'tsconfig.json',
];

/**
 * Returns why a rebuild is needed, or undefined when dist/ was built for this SITE_URL (the origin check and
 * canonical URLs are fixed at build time) and is newer than every source file.
 */
export function buildIsStale(root: string, contentDir: string, siteUrl: string | undefined): string | undefined {
  const manifest = readDeliveryManifest(root);
  if (!manifest) return 'no build yet';
  const otherSite = siteUrlMismatch(manifest, siteUrl);
  if (otherSite) return otherSite;
  const builtAt = statSync(join(root, BUILD_MARKER)).mtimeMs;
  const files = sourceFiles(root, contentDir);
  const newer = files.find((file) => statSync(join(root, file)).mtimeMs > builtAt);
  if (newer) return `${newer} changed`;
  // A deleted or moved file leaves nothing newer behind: the list of files tells.
  if (manifest.sources !== sourceListDigest(files)) return 'a source file was added, moved or deleted';
  return undefined;
}

/** The files a build is made from, relative to `root`, sorted. */
export function sourceFiles(root: string, contentDir: string): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    if (!existsSync(join(root, path))) return;
    if (!statSync(join(root, path)).isDirectory()) return void files.push(path);
    for (const entry of readdirSync(join(root, path))) walk(`${path}/${entry}`);
  };
  for (const source of [...SOURCES, contentDir]) walk(source);
  return [...new Set(files)].sort();
}

/** What a build records of `sourceFiles`, to notice later that one was added, moved or deleted. */
export function sourceListDigest(files: string[]): string {
  return createHash('sha256').update(files.join('\n')).digest('hex');
}
