import type { PathEntry } from '../../troubleshooter/compile.ts';

/** The reader's path lives in two places: this tab's sessionStorage and each history entry's state. */
const storageKey = (flowId: string) => `signpost:flow:${flowId}`;

export function loadSavedPath(flowId: string): PathEntry[] {
  try {
    const raw = sessionStorage.getItem(storageKey(flowId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return []; // storage blocked or corrupt: start afresh rather than fail
  }
}

export function savePath(flowId: string, path: PathEntry[] | undefined): void {
  try {
    if (path) sessionStorage.setItem(storageKey(flowId), JSON.stringify(path));
    else sessionStorage.removeItem(storageKey(flowId));
  } catch {
    // Private modes may refuse storage; the URL still carries the step.
  }
}

export function hashStep(): string | undefined {
  const id = decodeURIComponent(location.hash.slice(1));
  return id || undefined;
}

export function historyPath(state: unknown, flowId: string): PathEntry[] | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const s = state as { flow?: unknown; path?: unknown };
  return s.flow === flowId && Array.isArray(s.path) ? s.path.filter(isEntry) : undefined;
}

/** `depth` counts this page's own entries behind the current one, so Back knows whether one exists. */
export function writeHistory(flowId: string, url: string, path: PathEntry[], mode: 'push' | 'replace', depth: number): void {
  history[mode === 'push' ? 'pushState' : 'replaceState']({ flow: flowId, path, depth }, '', url);
}

function isEntry(value: unknown): value is PathEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PathEntry).step === 'string' &&
    typeof (value as PathEntry).choice === 'string'
  );
}
