/**
 * What the browser reports to POST /api/events, in batches: `{ "events": [ … ] }`. Nothing here identifies a
 * reader; the server adds only the time it received the batch.
 */
export type ReaderEvent =
  /** The query a reader settled on (not each keystroke) and how many articles it found. */
  | { type: 'search'; query: string; results: number }
  /** A search result the reader opened: its path and 1-based position. */
  | { type: 'search_open'; query: string; target: string; rank: number }
  /**
   * A troubleshooter step shown (or passed: an automatic step, a hand-over); `from` is the step shown before it on the
   * same page, `<flow>/<step>` when in another flow (absent when a walk starts); `version` that of `flow`'s graph.
   */
  | { type: 'step_viewed'; flow: string; step: string; from?: string; version?: string }
  /** A resolved or hand-off outcome reached. Escalations are the tickets sent, counted from the tickets themselves. */
  | { type: 'outcome'; flow: string; step: string; result: 'resolved' | 'handoff'; version?: string };

export const EVENTS_ENDPOINT = '/api/events';
/** A batch holds at most this many events; the beacon sends as soon as it has this many. */
export const MAX_EVENTS_PER_BATCH = 20;
