import type { Generated } from 'kysely';
import type { ReaderEvent } from '../../lib/reader-events.ts';

/**
 * Tables as the database stores them. Only this folder sees these shapes: timestamps are ISO 8601 UTC
 * strings ("2025-01-31T09:30:00.000Z", which sort as text), lists and objects are JSON text, so SQLite and
 * PostgreSQL store the same values.
 */
export interface Database {
  tickets: TicketsTable;
  idempotency_keys: IdempotencyKeysTable;
  ticket_emails: TicketEmailsTable;
  ticket_notes: TicketNotesTable;
  ticket_messages: TicketMessagesTable;
  ticket_texts: TicketTextsTable;
  request_keys: RequestKeysTable;
  outbox: OutboxTable;
  saved_replies: SavedRepliesTable;
  audit_events: AuditEventsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  staff_devices: StaffDevicesTable;

  feedback_votes: FeedbackVotesTable;
  vote_claims: VoteClaimsTable;
  daily_salts: DailySaltsTable;
  reader_events: ReaderEventsTable;
  urgent_announcements: UrgentAnnouncementsTable;
  announcement_changes: AnnouncementChangesTable;
  health_check: HealthCheckTable;
  rate_limits: RateLimitsTable;
  queue_marks: QueueMarksTable;
  reply_tokens: ReplyTokensTable;
  attachments: AttachmentsTable;
}

/** An item of the editors' work queue marked done or snoozed: hidden until `until`. */
export interface QueueMarksTable {
  /** The item's key, e.g. `article-unhelpful:forgot-password` (src/server/queue/work-queue.ts). */
  item_key: string;
  state: 'done' | 'snoozed';
  until: string;
  /** The staff member's email address, as the audit trail names them. */
  marked_by: string;
  marked_at: string;
}

/** "new" until staff pick it up; "spam" is kept for review but never shown as new; resolved and spam are closed. */
export type TicketStatus = 'new' | 'open' | 'waiting' | 'resolved' | 'spam';

export interface TicketsTable {
  reference: string;
  created_at: string;
  status: TicketStatus;
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
  /** The staff member working on it. */
  assigned_to: string | null;
  /** When it became resolved or spam; null while it is open. Retention counts from here. */
  closed_at: string | null;
  /** When its personal data was replaced (an erasure request, or retention). */
  anonymised_at: string | null;
  /** The latest of its creation and its messages: the inbox's "last activity" order. */
  last_activity_at: string;
  first_reply_at: string | null;
  last_staff_reply_at: string | null;
  /** The requester's latest message after the first description; null until they write again. */
  last_requester_message_at: string | null;
  /** 1 while the requester waits for us (see db/conversation.ts), else 0: the inbox's "needs our reply". */
  awaiting_us: number;
  /** The code of the language the requester wrote in (src/site.config.ts `languages`): its emails and page use it. */
  language: Generated<string>;
}

export interface IdempotencyKeysTable {
  key: string;
  /** Hash of the normalised submission, so a retry with another body is told apart. */
  request_hash: string;
  reference: string;
  created_at: string;
}

/** Every address a ticket names (contact and account emails), lower-cased: the inbox's email search. */
export interface TicketEmailsTable {
  email_normalized: string;
  reference: string;
  /** The ticket's, copied so a search reads its matches newest first straight off one index. */
  created_at: string;
}

export interface TicketNotesTable {
  id: string;
  reference: string;
  staff_id: string;
  created_at: string;
  body: string;
}

export type MessageAuthor = 'requester' | 'staff';
/** Where a message came in: the requester's page, the staff console, (later) a reply by email. */
export type MessageSource = 'page' | 'staff' | 'email';

/** A public message on a ticket after its first description (internal notes are ticket_notes). */
export interface TicketMessagesTable {
  id: string;
  reference: string;
  author: MessageAuthor;
  source: MessageSource;
  /** The staff member who wrote it; null for the requester. */
  staff_id: string | null;
  created_at: string;
  /** Plain text, as typed. */
  body: string;
  /** The reply form's key (or an email's Message-ID), so a post or email sent twice adds one message. */
  idempotency_key: string | null;
  /** For a message that came by email: the text as it arrived, quoted history and signature included. */
  original_body: string | null;
}

/** A file sent with a request or a message; its type was decided from its content (see attachments/). */
export interface AttachmentsTable {
  id: string;
  reference: string;
  /** Null for a file of the first request. */
  ticket_message_id: string | null;
  name: string;
  content_type: string;
  size: number;
  /** SHA-256 of the content, hex. */
  sha256: string;
  content: Uint8Array;
  created_at: string;
}

/** The local part of a ticket's Reply-To address; it can only add messages to that ticket. */
export interface ReplyTokensTable {
  token: string;
  reference: string;
  created_at: string;
}

/** Every text of a ticket staff search (description and messages), one row each; full-text indexed. */
export interface TicketTextsTable {
  id: Generated<number>;
  reference: string;
  body: string;
}

/** A key to the requester's page: only its SHA-256 (hex). */
export interface RequestKeysTable {
  key_hash: string;
  reference: string;
  created_at: string;
}

export type OutboxKind = 'confirmation' | 'reply' | 'resolved' | 'links' | 'staff-new-ticket' | 'staff-new-message';
/**
 * Queued until an SMTP server accepted it ("sent"), or until it kept failing for 48 hours ("failed"); "bounced" when
 * a bounce came back to its return path later (the reason in last_error).
 */
export type OutboxStatus = 'queued' | 'sent' | 'failed' | 'bounced';

/** An email to send, written in the same transaction as what caused it. */
export interface OutboxTable {
  id: string;
  reference: string;
  kind: OutboxKind;
  /** The staff reply it carries, if any. */
  ticket_message_id: string | null;
  recipient: string;
  recipient_name: string;
  subject: string;
  /** With REQUEST_KEY_SLOT where the requester's key goes (see email/request-link.ts). */
  text_body: string;
  html_body: string;
  /** The key its link carries, until it is sent; null after (the stored copy is then masked). */
  secret: string | null;
  /** The Message-ID header, fixed when queued: a resend carries the same one. */
  message_id: string;
  in_reply_to: string | null;
  references_header: string | null;
  status: OutboxStatus;
  /** Send attempts begun. */
  attempts: Generated<number>;
  created_at: string;
  next_attempt_at: string;
  /** When sending was first tried; it fails 48 hours after this, never counting time spent waiting for SMTP_URL. */
  first_attempt_at: string | null;
  last_error: string | null;
  /** The process sending it, and until when its claim holds (a process that dies mid-send loses it then). */
  lease_owner: string | null;
  lease_until: string | null;
  sent_at: string | null;
}

/** Texts agents insert into replies; admins manage them. */
export interface SavedRepliesTable {
  id: string;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
}

/** What staff (or the retention schedule, staff_id null) did, to a ticket or to accounts and personal data. */
export interface AuditEventsTable {
  id: string;
  at: string;
  staff_id: string | null;
  action: string;
  /** The ticket it concerns, if any. */
  reference: string | null;
  /** JSON object with the details (never personal data of requesters). */
  detail: string;
}

export type StaffRole = 'agent' | 'admin';

export interface StaffTable {
  id: string;
  /** As typed when the account was made, for display. */
  email: string;
  /** Trimmed and lower-cased; unique, so one address is one account whatever its case. */
  email_normalized: string;
  name: string;
  role: StaffRole;
  /** argon2id, PHC string format. */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** 1: emailed about new tickets and requester messages on tickets nobody is assigned to. */
  notify_new_tickets: Generated<number>;
}

export interface StaffSessionsTable {
  /** SHA-256 of the session id, hex: the cookie's value is never stored. */
  id_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
}

/** 'pending' while the password is being checked: it already counts as a failure, so parallel guesses are throttled too. */
export type SignInOutcome = 'pending' | 'success' | 'wrong-password' | 'unknown-email' | 'disabled' | 'throttled';

export interface SignInAttemptsTable {
  id: string;
  attempted_at: string;
  /** The address typed, normalised (also for unknown ones: throttling counts per address). */
  email_normalized: string;
  staff_id: string | null;
  /** The client's rate-limit key (its address, or its IPv6 /64). */
  client_key: string;
  outcome: SignInOutcome;
  /** The device cookie it came with, when valid for this address; null for an untrusted client. */
  device_id: string | null;
}

/** A browser that signed in to an account: its device cookie makes it a trusted client of that account. */
export interface StaffDevicesTable {
  id: string;
  /** SHA-256 of the cookie's token, hex; a new token at every sign-in. */
  token_hash: string;
  staff_id: string;
  created_at: string;
  last_signed_in_at: string;
  expires_at: string;
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
  /** The code of the language of the page the vote was cast on. */
  language: Generated<string>;
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
  type: ReaderEvent['type'];
  flow: string | null;
  step: string | null;
  /** The step viewed before this one on the same page (`<flow>/<step>` in another flow), or null when a walk starts. */
  from_step: string | null;
  /** Reached by readers. ('escalated' was recorded on reaching an escalate step until those were counted as views.) */
  outcome: 'resolved' | 'handoff' | 'escalated' | null;
  /** The version of `flow`'s graph (src/troubleshooter/version.ts); null before versions were recorded. */
  flow_version: string | null;
  query: string | null;
  /** Articles a search found, or suggestions shown. */
  result_count: number | null;
  /** Path of the opened search result or suggestion. */
  target: string | null;
  result_rank: number | null;
  /** The random id of the browser tab, on suggestion events only. */
  tab: string | null;
  /** The code of the language of the page the event happened on. */
  language: Generated<string>;
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
  /** JSON: the message in other languages of the site, by language code; null when it has none. */
  messages: string | null;
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

/** A single row (id 1) the health check rewrites to prove the database takes writes. */
export interface HealthCheckTable {
  id: number;
  checked_at: string;
}

/**
 * rate-limiter-flexible's PostgreSQL store (migration 004), in its own layout: `expire` is epoch milliseconds,
 * unlike the ISO strings elsewhere. SQLite keeps the limits in memory and leaves it empty.
 */
export interface RateLimitsTable {
  key: string;
  points: number;
  expire: number | null;
}
