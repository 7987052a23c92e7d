/**
 * Tables as the database stores them. Only this folder sees these shapes: timestamps are ISO 8601 UTC
 * strings ("2025-01-31T09:30:00.000Z", which sort as text), lists and objects are JSON text, so SQLite and
 * PostgreSQL store the same values.
 */
export interface Database {
  escalations: EscalationsTable;
  idempotency_keys: IdempotencyKeysTable;
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
