/**
 * Tables as the database stores them. Only this folder sees these shapes: timestamps are ISO 8601 UTC
 * strings ("2025-01-31T09:30:00.000Z", which sort as text), lists and objects are JSON text, so SQLite and
 * PostgreSQL store the same values.
 */
export interface Database {
  escalations: EscalationsTable;
  idempotency_keys: IdempotencyKeysTable;
  feedback_votes: FeedbackVotesTable;
  vote_claims: VoteClaimsTable;
  daily_salts: DailySaltsTable;
  reader_events: ReaderEventsTable;
  urgent_announcements: UrgentAnnouncementsTable;
  announcement_changes: AnnouncementChangesTable;
}

export interface EscalationsTable {
  reference: string;
  created_at: string;
  /** "new" for the staff inbox; "spam" is kept for review but never shown as new. */
  status: 'new' | 'spam';
  spam_reason: string | null;
  name: string;
  contact_email: string;
  /** JSON array of strings. */
  account_emails: string;
  topic: string;
  description: string;
  /** JSON {flow, steps}, or null when the reader did not come from a troubleshooter. */
  transcript: string | null;
  browser: string;
  os: string;
  /** When the reader agreed to be contacted (the submission time). */
  consented_at: string;
}

export interface IdempotencyKeysTable {
  key: string;
  /** Hash of the normalised submission, so a retry with another body is told apart. */
  request_hash: string;
  reference: string;
  created_at: string;
}

export interface FeedbackVotesTable {
  /** Random; the reader who voted holds it (in the thank-you page's address) to add reasons after a No. */
  id: string;
  /** The article's slug. */
  article: string;
  answer: 'yes' | 'no';
  /** JSON array of reason ids, or null until the reader gives any. */
  reasons: string | null;
  comment: string | null;
  created_at: string;
  /** When reasons or a comment were added (once only). */
  detailed_at: string | null;
}

export interface VoteClaimsTable {
  /** Salted hash of the day's salt, the article, the client's network and its User-Agent. */
  key: string;
  created_at: string;
}

export interface DailySaltsTable {
  /** UTC date, "2025-01-31". */
  day: string;
  salt: string;
}

/** One reader event; which columns are set depends on `type` (see src/lib/reader-events.ts). */
export interface ReaderEventsTable {
  id: string;
  created_at: string;
  type: 'search' | 'search_open' | 'step_viewed' | 'outcome';
  flow: string | null;
  step: string | null;
  /** The step viewed before this one on the same page, or null when a walk starts. */
  from_step: string | null;
  outcome: 'resolved' | 'handoff' | 'escalated' | null;
  query: string | null;
  result_count: number | null;
  /** Path of the opened search result. */
  target: string | null;
  result_rank: number | null;
}

export interface UrgentAnnouncementsTable {
  id: string;
  /** Inline Markdown. */
  message: string;
  icon: 'info' | 'warning' | 'success';
  starts_at: string | null;
  ends_at: string | null;
  /** JSON: "all" or an array of ISO 3166-1 alpha-2 codes. */
  countries: string;
  /** JSON: "all" or an array of audience ids from the site config. */
  user_types: string;
  created_at: string;
  updated_at: string;
}

export interface AnnouncementChangesTable {
  id: string;
  announcement_id: string;
  changed_at: string;
  staff_id: string;
  staff_email: string;
  action: 'published' | 'edited' | 'ended';
  /** JSON: the announcement's fields after the change. */
  details: string;
}
