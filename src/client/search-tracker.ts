import type { ReaderEvent } from '../lib/reader-events.ts';

/** A query counts once the reader has left it standing this long (so not each keystroke). */
export const SETTLE_MS = 2_000;

export interface SearchTracker {
  /** The results for `query` are on screen. */
  searched(query: string, results: number): void;
  /** The reader opened result number `rank` (1-based), a link to `target`. */
  opened(query: string, target: string, rank: number): void;
  /** Reports the query on screen now (the page is being left). */
  settle(): void;
}

/**
 * Reports the final query of a search: the one left on screen for SETTLE_MS, opened from, or on screen when
 * the page is left. The same query twice in a row (a filter changed) counts once.
 */
export function createSearchTracker(track: (event: ReaderEvent) => void, settleMs = SETTLE_MS): SearchTracker {
  let pending: { query: string; results: number } | undefined;
  let reported = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    if (pending && pending.query !== reported) {
      track({ type: 'search', ...pending });
      reported = pending.query;
    }
    pending = undefined;
  };
  return {
    searched(query, results) {
      pending = { query, results };
      clearTimeout(timer);
      timer = setTimeout(settle, settleMs);
    },
    opened(query, target, rank) {
      settle();
      track({ type: 'search_open', query, target, rank });
    },
    settle,
  };
}
