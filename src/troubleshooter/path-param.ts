import type { PathEntry } from './compile.ts';

/**
 * The `path` query parameter of the no-JavaScript step pages: `step:choice` entries joined by commas, a step in a
 * flow handed over to written `<flow>/<step>`, e.g. `what-is-wrong:page,page-wont-load/what-happens:logout`.
 */
const ENTRY = /^((?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Transcripts hold at most this many entries; a longer path is not one a page offers. */
export const MAX_PATH_ENTRIES = 200;

export function formatPath(path: PathEntry[]): string {
  return path.map((e) => `${e.step}:${e.choice}`).join(',');
}

/** The entries of a `path` value; undefined when it is not written as the pages write it. */
export function parsePath(value: string | null): PathEntry[] | undefined {
  if (!value) return [];
  const entries = value.split(',');
  if (entries.length > MAX_PATH_ENTRIES) return undefined;
  const path: PathEntry[] = [];
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    if (!match) return undefined;
    path.push({ step: match[1], choice: match[2] });
  }
  return path;
}
