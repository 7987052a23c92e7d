import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DELIVERY_MANIFEST, readDeliveryManifest, siteUrlMismatch } from './http/delivery-manifest.ts';

/** Written last by a build, so its time marks a complete build. */
export const BUILD_MARKER = DELIVERY_MANIFEST;
// The build's own steps count too: a change to how pages are indexed or compressed needs a new build.
const SOURCES = ['src', 'public', 'scripts/build.ts', 'scripts/build', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

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
