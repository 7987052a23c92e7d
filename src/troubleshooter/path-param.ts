import type { PathEntry } from './compile.ts';

/**
 * The path a reader took as one URL parameter, `step:choice,step:choice`: the format of the no-JavaScript step pages'
 * `?path=` and of the contact form's. Kept in one small module so it can follow those pages' own when they land.
 */
export function formatPathParam(path: readonly PathEntry[]): string {
  return path.map(({ step, choice }) => `${step}:${choice}`).join(',');
}

/** The entries of a `path` parameter, or the position and text of the first one that is not `step:choice`. */
export function parsePathParam(text: string): { path: PathEntry[] } | { problem: { index: number; entry: string } } {
  if (!text) return { path: [] };
  const path: PathEntry[] = [];
  for (const [index, entry] of text.split(',').entries()) {
    const match = /^([a-z0-9-]+):([a-z0-9-]+)$/.exec(entry);
    if (!match) return { problem: { index, entry } };
    path.push({ step: match[1], choice: match[2] });
  }
  return { path };
}
