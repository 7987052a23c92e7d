import type { Insertable, Transaction } from 'kysely';
import { normaliseEmail } from '../email-address.ts';
import { newReference } from '../tickets/reference.ts';
import { insertAttachments, type NewAttachment } from './attachments.ts';
import { createCommitQueue } from './commit-queue.ts';
import { database, type Db } from './connection.ts';
import { staffToNotify, type OutgoingMail, type StaffRecipient } from './conversation.ts';
import { outboxRow } from './outbox.ts';
import type { Database, TicketEmailsTable, TicketsTable, IdempotencyKeysTable } from './schema.ts';

/** A support request as the rest of the app hands it over, already validated: a ticket to be. */
export interface NewTicket {
  createdAt: Date;
  /** Why it looks like spam, or null. Spam is stored (for review) but never enters the inbox as new. */
  spamReason: string | null;
  name: string;
  contactEmail: string;
  accountEmails: string[];
  topic: string;
  description: string;
  /** The code of the language the requester wrote in (a configured one): the ticket's emails and page use it. */
  language: string;
  transcript: object | null;
  browser: string;
  os: string;
  idempotency?: { key: string; requestHash: string };
  /** Checked files sent with the request. */
  attachments?: NewAttachment[];
  /** The emails a new ticket causes (its confirmation, staff notices), once its reference is drawn. */
  mail?: (reference: string, staff: StaffRecipient[]) => OutgoingMail;
}

export type RecordOutcome =
  /** `replayed`: the key was used before with the same body; nothing new was stored. */
  { outcome: 'created' | 'replayed'; reference: string; createdAt: string } | { outcome: 'key-reused'; reference: string };

const REFERENCE_ATTEMPTS = 5;

const enqueue = createCommitQueue(database, writeBatch);

/** Stores a new ticket; resolves once it is committed to disk. */
export function createTicket(ticket: NewTicket): Promise<RecordOutcome> {
  return enqueue(ticket);
}

/**
 * Writes one group-commit batch with a few multi-row statements rather than a few per ticket. Keys are
 * claimed first with an insert that does nothing on conflict: the unique constraint, not an earlier lookup,
 * decides which submission creates the ticket, also when copies arrive in the same batch or at once.
 */
async function writeBatch(trx: Transaction<Database>, batch: NewTicket[]): Promise<RecordOutcome[]> {
  const createdAt = batch.map((e) => e.createdAt.toISOString());
  const references = batch.map(() => newReference());
  /** For each submission that creates nothing: the earlier one it repeats, in this batch (index) or stored. */
  const repeats = new Map<number, number | IdempotencyKeyRow>();

  const claimer = new Map<string, number>();
  batch.forEach((e, i) => {
    const key = e.idempotency?.key;
    if (key === undefined) return;
    if (claimer.has(key)) repeats.set(i, claimer.get(key)!);
    else claimer.set(key, i);
  });
  if (claimer.size > 0) {
    const claimed = new Set(
      (
        await trx
          .insertInto('idempotency_keys')
          .values(
            // In key order, so two instances claiming overlapping keys lock them in the same order (no deadlock).
            [...claimer]
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([key, i]) => ({ key, request_hash: hashOf(batch[i]), reference: references[i], created_at: createdAt[i] })),
          )
          .onConflict((oc) => oc.column('key').doNothing())
          .returning('key')
          .execute()
      ).map((row) => row.key),
    );
    const taken = [...claimer.keys()].filter((key) => !claimed.has(key));
    if (taken.length > 0) {
      const earlier = await trx
        .selectFrom('idempotency_keys')
        .select(['key', 'request_hash', 'reference', 'created_at'])
        .where('key', 'in', taken)
        .execute();
      for (const row of earlier) {
        for (const [i, e] of batch.entries()) if (e.idempotency?.key === row.key) repeats.set(i, row);
      }
    }
  }

  const fresh = batch.flatMap((_, i) => (repeats.has(i) ? [] : [i]));
  if (fresh.length > 0) {
    const stored = new Set(
      (
        await trx
          .insertInto('tickets')
          .values(fresh.map((i) => ticketRow(batch[i], references[i], createdAt[i])))
          .onConflict((oc) => oc.column('reference').doNothing())
          .returning('reference')
          .execute()
      ).map((row) => row.reference),
    );
    // References are random, so one can collide with a stored one: draw again rather than fail.
    for (const i of fresh) {
      for (let attempt = 1; !stored.has(references[i]); attempt++) {
        if (attempt === REFERENCE_ATTEMPTS) throw new Error('No free ticket reference after several attempts');
        references[i] = newReference();
        const key = batch[i].idempotency?.key;
        if (key) await trx.updateTable('idempotency_keys').set({ reference: references[i] }).where('key', '=', key).execute();
        const inserted = await trx
          .insertInto('tickets')
          .values(ticketRow(batch[i], references[i], createdAt[i]))
          .onConflict((oc) => oc.column('reference').doNothing())
          .returning('reference')
          .executeTakeFirst();
        if (inserted) stored.add(inserted.reference);
      }
    }
    await trx
      .insertInto('ticket_emails')
      .values(fresh.flatMap((i) => emailRows(batch[i], references[i], createdAt[i])))
      .execute();
    await trx
      .insertInto('ticket_texts')
      .values(fresh.map((i) => ({ reference: references[i], body: batch[i].description })))
      .execute();
    for (const i of fresh) await insertAttachments(trx, references[i], null, batch[i].attachments ?? [], batch[i].createdAt);
    await queueBatchMail(
      trx,
      fresh.map((i) => ({ ticket: batch[i], reference: references[i] })),
    );
  }

  return batch.map((e, i): RecordOutcome => {
    const repeated = repeats.get(i);
    if (repeated === undefined) return { outcome: 'created', reference: references[i], createdAt: createdAt[i] };
    const earlier =
      typeof repeated === 'number'
        ? { request_hash: hashOf(batch[repeated]), reference: references[repeated], created_at: createdAt[repeated] }
        : repeated;
    return earlier.request_hash === hashOf(e)
      ? { outcome: 'replayed', reference: earlier.reference, createdAt: earlier.created_at }
      : { outcome: 'key-reused', reference: earlier.reference };
  });
}

/** Each new ticket's keys and emails, in a few multi-row statements; staff to tell are read once per batch. */
async function queueBatchMail(trx: Transaction<Database>, created: { ticket: NewTicket; reference: string }[]): Promise<void> {
  const mailing = created.filter(({ ticket }) => ticket.mail);
  if (mailing.length === 0) return;
  // New tickets are nobody's yet: the agents who asked to hear of them.
  const staff = await staffToNotify(trx, null);
  const keys = [];
  const emails = [];
  for (const { ticket, reference } of mailing) {
    const mail = ticket.mail!(reference, staff);
    const at = ticket.createdAt.toISOString();
    keys.push(...mail.keyHashes.map((key_hash) => ({ key_hash, reference, created_at: at })));
    emails.push(...mail.emails.map((email) => outboxRow(reference, email, ticket.createdAt)));
  }
  if (keys.length > 0) await trx.insertInto('request_keys').values(keys).execute();
  if (emails.length > 0) await trx.insertInto('outbox').values(emails).execute();
}

type IdempotencyKeyRow = Pick<IdempotencyKeysTable, 'request_hash' | 'reference' | 'created_at'>;

const hashOf = (e: NewTicket) => e.idempotency?.requestHash ?? '';

function ticketRow(e: NewTicket, reference: string, createdAt: string): Insertable<TicketsTable> {
  return {
    reference,
    created_at: createdAt,
    status: e.spamReason ? 'spam' : 'new',
    spam_reason: e.spamReason,
    name: e.name,
    contact_email: e.contactEmail,
    account_emails: JSON.stringify(e.accountEmails),
    topic: e.topic,
    description: e.description,
    language: e.language,
    transcript: e.transcript ? JSON.stringify(e.transcript) : null,
    browser: e.browser,
    os: e.os,
    consented_at: createdAt,
    // Spam needs no work, so it is closed from the start (and retention anonymises it in time).
    closed_at: e.spamReason ? createdAt : null,
    last_activity_at: createdAt,
    awaiting_us: e.spamReason ? 0 : 1,
  };
}

/** One row per distinct address the ticket names, for the inbox's email search. */
function emailRows(e: NewTicket, reference: string, createdAt: string): TicketEmailsTable[] {
  const addresses = new Set([e.contactEmail, ...e.accountEmails].map(normaliseEmail));
  return [...addresses].map((email_normalized) => ({ email_normalized, reference, created_at: createdAt }));
}

/** Forgets idempotency keys first used before `before` (see src/server/retention/); returns how many. */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
