import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { announcementFileSchema, flattenAudience, type AnnouncementFields } from './announcements.ts';
import { contentDir } from './content-dir.ts';

/** `content/announcements.yaml` (or .yml, .json); none for a site without notices. */
export function announcementsFilePath(dir = contentDir): string | undefined {
  return ['yaml', 'yml', 'json'].map((ext) => `${dir}/announcements.${ext}`).find((path) => existsSync(path));
}

/**
 * The editors' notices, read from their file for the pages prerendered at build time. The announcements
 * collection reads the same file for the server's catalog; it cannot serve here, because this runs in a
 * component that on-demand pages share, and `astro:content` must stay out of the server bundle (it would carry
 * every article). The build has checked the file against the same schema before any page is rendered.
 */
export async function readAnnouncementsFile(): Promise<({ id: string } & AnnouncementFields)[]> {
  const path = announcementsFilePath();
  if (!path) return [];
  const { parse } = await import('yaml'); // YAML is a superset of JSON
  const data: unknown = parse(readFileSync(path, 'utf8'));
  // Like Astro's file loader: a list of entries with ids, or entries keyed by id.
  const entries = Array.isArray(data) ? data : Object.entries(data ?? {}).map(([id, entry]) => ({ id, ...(entry as object) }));
  return z
    .array(announcementFileSchema)
    .parse(entries)
    .map((entry) => ({ id: entry.id, ...flattenAudience(entry) }));
}
