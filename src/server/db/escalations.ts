import type { Transaction } from 'kysely';
import { newReference } from '../escalations/reference.ts';
import { createCommitQueue } from './commit-queue.ts';
import { database } from './connection.ts';
import type { Database } from './schema.ts';

/** An escalation as the rest of the app hands it over: already validated. */
export interface NewEscalation {
  createdAt: Date;
  /** Why it looks like spam, or null. Spam is stored (for review) but never enters the inbox as new. */
  spamReason: string | null;
  name: string;
  contactEmail: string;
  accountEmails: string[];
  topic: string;
  description: string;
  transcript: object | null;
  browser: string;
  os: string;
  idempotency?: { key: string; requestHash: string };
}

export type RecordOutcome =
  /** `replayed`: the key was used before with the same body; nothing new was stored. */
  | { outcome: 'created' | 'replayed'; reference: string; createdAt: string }
  | { outcome: 'key-reused'; reference: string };

/** Keys are promised for 24 hours; keeping them twice as long covers clocks and slow retries. */
const IDEMPOTENCY_KEY_HOURS = 48;
const PURGE_EVERY_MS = 60 * 60 * 1000;
const REFERENCE_ATTEMPTS = 5;

const enqueue = createCommitQueue(database, write);
let lastPurge = 0;

/** Stores an escalation; resolves once it is committed to disk. */
export function recordEscalation(escalation: NewEscalation): Promise<RecordOutcome> {
  if (Date.now() - lastPurge > PURGE_EVERY_MS) {
    lastPurge = Date.now();
    void purgeExpiredKeys().catch((error: unknown) => console.error('Could not purge old idempotency keys:', error));
  }
  return enqueue(escalation);
}

/**
 * The key is claimed first with an insert that does nothing on conflict: the unique constraint, not an
 * earlier lookup, decides which of two simultaneous submissions creates the escalation.
 */
async function write(trx: Transaction<Database>, e: NewEscalation): Promise<RecordOutcome> {
  const createdAt = e.createdAt.toISOString();
  let reference = newReference();
  const key = e.idempotency?.key;
  if (e.idempotency) {
    const claimed = await trx
      .insertInto('idempotency_keys')
      .values({ key: e.idempotency.key, request_hash: e.idempotency.requestHash, reference, created_at: createdAt })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const earlier = await trx
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'reference', 'created_at'])
        .where('key', '=', e.idempotency.key)
        .executeTakeFirstOrThrow();
      return earlier.request_hash === e.idempotency.requestHash
        ? { outcome: 'replayed', reference: earlier.reference, createdAt: earlier.created_at }
        : { outcome: 'key-reused', reference: earlier.reference };
    }
  }
  // References are random, so two can collide; draw again rather than fail.
  for (let attempt = 1; ; attempt++) {
    const inserted = await trx
      .insertInto('escalations')
      .values({
        reference,
        created_at: createdAt,
        status: e.spamReason ? 'spam' : 'new',
        spam_reason: e.spamReason,
        name: e.name,
        contact_email: e.contactEmail,
        account_emails: JSON.stringify(e.accountEmails),
        topic: e.topic,
        description: e.description,
        transcript: e.transcript ? JSON.stringify(e.transcript) : null,
        browser: e.browser,
        os: e.os,
        consented_at: createdAt,
      })
      .onConflict((oc) => oc.column('reference').doNothing())
      .returning('reference')
      .executeTakeFirst();
    if (inserted) return { outcome: 'created', reference, createdAt };
    if (attempt === REFERENCE_ATTEMPTS) throw new Error('No free escalation reference after several attempts');
    reference = newReference();
    if (key) await trx.updateTable('idempotency_keys').set({ reference }).where('key', '=', key).execute();
  }
}

async function purgeExpiredKeys(): Promise<void> {
  const before = new Date(Date.now() - IDEMPOTENCY_KEY_HOURS * 60 * 60 * 1000).toISOString();
  await (await database()).deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
}
