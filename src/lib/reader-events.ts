/**
 * What the browser reports to POST /api/events, in batches: `{ "events": [ … ] }`; other clients may add
 * `"language": "es"`, and otherwise the server takes the language from the page's address (its Referer). Nothing
 * here identifies a reader (the suggestion events' tab id is random and lives as long as the tab); the server adds
 * only the time it received the batch.
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
  | { type: 'outcome'; flow: string; step: string; result: 'resolved' | 'handoff'; version?: string }
  /**
   * Suggestions shown while a reader describes their problem to support (how many), one of them opened, and a request
   * sent from the same tab after one was opened: `tab` is a random id per browser tab that ties them together (so
   * the requests not sent after an opened suggestion can be counted). It goes on these events only, never on a ticket.
   */
  | { type: 'suggestions_shown'; tab: string; count: number }
  | { type: 'suggestion_open'; tab: string; target: string; rank: number }
  | { type: 'suggestion_request_sent'; tab: string };

export const EVENTS_ENDPOINT = '/api/events';
/** A batch holds at most this many events; the beacon sends as soon as it has this many. */
export const MAX_EVENTS_PER_BATCH = 20;
