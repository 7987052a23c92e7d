import { randomBytes } from 'node:crypto';
import type { Db } from './connection.ts';

/** 128 random bits, lower-case base32-like hex: a local part every mail system passes unchanged. */
const newToken = () => randomBytes(16).toString('hex');

/**
 * The reply token of each of these tickets, made for those that have none yet (tickets from before email in, or
 * whose first email this is). Anonymised tickets get none: mail to them is refused.
 */
export async function replyTokensOf(db: Db, references: string[], now: Date): Promise<Map<string, string>> {
  const unique = [...new Set(references)];
  if (unique.length === 0) return new Map();
  const read = async () =>
    new Map(
      (
        await db
          .selectFrom('reply_tokens as r')
          .innerJoin('tickets as t', 't.reference', 'r.reference')
          .select(['r.reference', 'r.token'])
          .where('r.reference', 'in', unique)
          .where('t.anonymised_at', 'is', null)
          .execute()
      ).map((row) => [row.reference, row.token]),
    );
  const found = await read();
  const missing = unique.filter((reference) => !found.has(reference));
  if (missing.length === 0) return found;
  const live = await db
    .selectFrom('tickets')
    .select('reference')
    .where('reference', 'in', missing)
    .where('anonymised_at', 'is', null)
    .execute();
  if (live.length === 0) return found;
  // Two senders may make one at once: the first insert wins, both then read it.
  await db
    .insertInto('reply_tokens')
    .values(live.map((row) => ({ token: newToken(), reference: row.reference, created_at: now.toISOString() })))
    .onConflict((oc) => oc.column('reference').doNothing())
    .execute();
  return read();
}

/** The ticket a reply token adds messages to; undefined for an unknown token or an anonymised ticket. */
export async function ticketOfReplyToken(db: Db, token: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('reply_tokens as r')
    .innerJoin('tickets as t', 't.reference', 'r.reference')
    .select('r.reference')
    .where('r.token', '=', token)
    .where('t.anonymised_at', 'is', null)
    .executeTakeFirst();
  return row?.reference;
}
