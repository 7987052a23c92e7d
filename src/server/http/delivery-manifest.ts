import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A content coding the build stores beside a file (`x.br`, `x.gz`) and the server may send. */
export type Encoding = 'br' | 'gzip';

/**
 * What the server needs to know about a build beyond its files, written by `npm run build` last (after Astro and
 * Pagefind), so its presence also marks a complete build. Outside dist/client, so it is never served.
 */
export interface DeliveryManifest {
  /** SITE_URL the site was built for (normalised), or null for the default; forms' origin check is fixed to it. */
  siteUrl: string | null;
  /** Each prerendered page's Content-Security-Policy (from Astro's `<meta>`), by file path under dist/client. */
  pagePolicies: Record<string, string>;
  /** The precompressed copies of each file (path under dist/client), best first. */
  encodings: Record<string, Encoding[]>;
  /** Digest of the list of source files the build was made from (src/server/build-freshness.ts). */
  sources: string;
}

export const DELIVERY_MANIFEST = 'dist/delivery.json';

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Where the build writes a file's precompressed copy, and the server finds it. */
export function encodedPath(file: string, coding: Encoding): string {
  return `${file}${SUFFIX[coding]}`;
}

export function readDeliveryManifest(root: string): DeliveryManifest | undefined {
  const file = join(root, DELIVERY_MANIFEST);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DeliveryManifest) : undefined;
}

export function writeDeliveryManifest(root: string, manifest: DeliveryManifest): void {
  writeFileSync(join(root, DELIVERY_MANIFEST), JSON.stringify(manifest));
}

/** SITE_URL as a build records and compares it: unset is null, and `https://x/` is `https://x`. */
export function siteUrlSetting(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  return (URL.canParse(value) ? new URL(value).href : value).replace(/\/+$/, '');
}

/** Why this build cannot serve with the given SITE_URL, or undefined when it can. */
export function siteUrlMismatch(manifest: DeliveryManifest, runTimeSiteUrl: string | undefined): string | undefined {
  const wanted = siteUrlSetting(runTimeSiteUrl);
  if (wanted === manifest.siteUrl) return undefined;
  const show = (url: string | null) => (url === null ? 'without SITE_URL' : `for SITE_URL=${url}`);
  return `the build in dist/ was made ${show(manifest.siteUrl)}, but the server is started ${show(wanted)}`;
}
