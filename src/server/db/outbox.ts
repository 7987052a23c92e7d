import type { Insertable, Selectable } from 'kysely';
import type { Db } from './connection.ts';
import { isPostgres } from './dialect.ts';
import type { OutboxKind, OutboxStatus, OutboxTable } from './schema.ts';
import { sortableId } from './sortable-id.ts';

/** Where a requester's key goes in a stored email body; the sender puts the key there, a masked copy shows dots. */
export const REQUEST_KEY_SLOT = '[[request-key]]';

/** An email to queue, as the email module composes it. */
export interface NewOutboxEmail {
  kind: OutboxKind;
  ticketMessageId?: string | null;
  recipient: string;
  recipientName: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  /** The requester's key its link carries (see email/request-link.ts); its hash is stored with the keys. */
  secret?: string | null;
  messageId: string;
  inReplyTo?: string | null;
  references?: string | null;
}

/** A queued email as the sender gets it. */
export interface OutboxEmail {
  id: string;
  reference: string;
  kind: OutboxKind;
  recipient: string;
  recipientName: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  secret: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string | null;
  attempts: number;
  firstAttemptAt: string | null;
}

/** Where an email stands, as the ticket's timeline and the admin's outbox page show it. */
export interface EmailState extends OutboxEmail {
  ticketMessageId: string | null;
  status: OutboxStatus;
  createdAt: string;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
}

/** Queues emails about a ticket; call it in the transaction that writes what causes them. */
export async function queueEmails(db: Db, reference: string, emails: NewOutboxEmail[], now: Date): Promise<void> {
  if (emails.length === 0) return;
  await db
    .insertInto('outbox')
    .values(emails.map((email) => outboxRow(reference, email, now)))
    .execute();
}

export function outboxRow(reference: string, email: NewOutboxEmail, now: Date): Insertable<OutboxTable> {
  const at = now.toISOString();
  return {
    id: sortableId(now.getTime()),
    reference,
    kind: email.kind,
    ticket_message_id: email.ticketMessageId ?? null,
    recipient: email.recipient,
    recipient_name: email.recipientName,
    subject: email.subject,
    text_body: email.textBody,
    html_body: email.htmlBody,
    secret: email.secret ?? null,
    message_id: email.messageId,
    in_reply_to: email.inReplyTo ?? null,
    references_header: email.references ?? null,
    status: 'queued',
    created_at: at,
    next_attempt_at: at,
  };
}

const SENDER_COLUMNS = [
  'id',
  'reference',
  'kind',
  'recipient',
  'recipient_name',
  'subject',
  'text_body',
  'html_body',
  'secret',
  'message_id',
  'in_reply_to',
  'references_header',
  'attempts',
  'first_attempt_at',
] as const;

type SenderRow = Pick<Selectable<OutboxTable>, (typeof SENDER_COLUMNS)[number]>;

function toEmail(row: SenderRow): OutboxEmail {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    recipient: row.recipient,
    recipientName: row.recipient_name,
    subject: row.subject,
    textBody: row.text_body,
    htmlBody: row.html_body,
    secret: row.secret,
    messageId: row.message_id,
    inReplyTo: row.in_reply_to,
    references: row.references_header,
    attempts: Number(row.attempts),
    firstAttemptAt: row.first_attempt_at,
  };
}

/**
 * Claims up to `limit` queued emails that are due and that no live lease holds, for `owner` until `leaseUntil`, in
 * one UPDATE … RETURNING: two processes never claim the same row. On PostgreSQL the rows are picked with FOR UPDATE
 * SKIP LOCKED, so instances claiming at once take different rows instead of waiting for each other; SQLite runs
 * the statement under its single write lock, which two processes on one file take in turn. Each claim counts as an
 * attempt, and the first one starts the clock that fails an email after 48 hours.
 */
export async function claimDueEmails(
  db: Db,
  { owner, now, leaseUntil, limit }: { owner: string; now: Date; leaseUntil: Date; limit: number },
): Promise<OutboxEmail[]> {
  const at = now.toISOString();
  const due = db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .orderBy('next_attempt_at')
    .limit(limit);
  const rows = await db
    .updateTable('outbox')
    .set((eb) => ({
      lease_owner: owner,
      lease_until: leaseUntil.toISOString(),
      attempts: eb('attempts', '+', 1),
      first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(at)),
    }))
    .where('id', 'in', isPostgres(db) ? due.forUpdate().skipLocked() : due)
    .returning(SENDER_COLUMNS)
    .execute();
  return rows.map(toEmail);
}

/** The SMTP server accepted it: sent, and its key is forgotten (the stored copy of its link is masked from now on). */
export async function recordSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: now.toISOString(), secret: null, lease_owner: null, lease_until: null, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** Sending failed: try again at `retryAt`, or give up (failed) when it is undefined. Only the lease's holder records it. */
export async function recordFailure(db: Db, id: string, owner: string, error: string, retryAt: Date | undefined): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: retryAt ? 'queued' : 'failed',
      next_attempt_at: retryAt?.toISOString() ?? undefined,
      last_error: error,
      lease_owner: null,
      lease_until: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('lease_owner', '=', owner)
    .execute();
}

const STATE_COLUMNS = [...SENDER_COLUMNS, 'ticket_message_id', 'status', 'created_at', 'next_attempt_at', 'last_error', 'sent_at'] as const;

function toState(row: Pick<Selectable<OutboxTable>, (typeof STATE_COLUMNS)[number]>): EmailState {
  return {
    ...toEmail(row),
    ticketMessageId: row.ticket_message_id,
    status: row.status,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    sentAt: row.sent_at,
  };
}

/** A ticket's emails, oldest first. */
export async function emailsOf(db: Db, reference: string): Promise<EmailState[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(STATE_COLUMNS)
    .where('reference', '=', reference)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toState);
}

/** How many emails wait to be sent (queued, whether tried or not). */
export async function waitingCount(db: Db): Promise<number> {
  const { count } = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** The emails waiting to be sent, oldest first, at most `limit`. */
export async function waitingEmails(db: Db, limit: number): Promise<EmailState[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(STATE_COLUMNS)
    .where('status', '=', 'queued')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toState);
}

/**
 * Sends one of a ticket's emails again. A failed one is queued again as it was (same Message-ID; its key was never
 * sent); a sent one is copied into a new email, with `fresh` giving its new Message-ID and key (the old key was
 * forgotten when it was sent). False when the ticket has no such email, or its copy is no longer kept.
 */
export async function sendAgain(
  db: Db,
  reference: string,
  id: string,
  now: Date,
  fresh: () => { messageId: string; secret: string; keyHash: string },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('outbox').selectAll().where('id', '=', id).where('reference', '=', reference).executeTakeFirst();
    if (!row) return false;
    const at = now.toISOString();
    if (row.status === 'failed') {
      await trx
        .updateTable('outbox')
        .set({ status: 'queued', attempts: 0, first_attempt_at: null, next_attempt_at: at, last_error: null })
        .where('id', '=', id)
        .execute();
      return true;
    }
    // Queued already; or sent so long ago that its copy was forgotten (retention), so there is nothing to send again.
    if (row.status === 'queued' || row.text_body === '') return row.status === 'queued';
    const { messageId, secret, keyHash } = fresh();
    const hadKey = row.text_body.includes(REQUEST_KEY_SLOT);
    if (hadKey) await trx.insertInto('request_keys').values({ key_hash: keyHash, reference, created_at: at }).execute();
    await trx
      .insertInto('outbox')
      .values(
        outboxRow(
          reference,
          {
            kind: row.kind,
            ticketMessageId: row.ticket_message_id,
            recipient: row.recipient,
            recipientName: row.recipient_name,
            subject: row.subject,
            textBody: row.text_body,
            htmlBody: row.html_body,
            secret: hadKey ? secret : null,
            messageId,
            inReplyTo: row.in_reply_to,
            references: row.references_header,
          },
          now,
        ),
      )
      .execute();
    return true;
  });
}

/**
 * Forgets the stored copies (subject kept, bodies emptied) of emails sent before `before`: their state stays on the
 * timeline, their text is no longer kept. Returns how many.
 */
export async function forgetSentBodies(db: Db, before: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({ text_body: '', html_body: '' })
    .where('status', '=', 'sent')
    .where('sent_at', '<', before.toISOString())
    .where('text_body', '!=', '')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Whether an email with this id is kept (a bounce to its return path is then taken). */
export async function emailExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('outbox').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/**
 * A bounce came back for an email: it is marked bounced with the reason, whatever state it was in (a bounce may
 * come for an email the SMTP server first accepted, or while it is retried). False when no such email is kept.
 */
export async function recordBounce(db: Db, id: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'bounced', last_error: reason, secret: null, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
