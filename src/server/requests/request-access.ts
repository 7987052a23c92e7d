import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { keyHashesOf } from '../db/request-keys.ts';
import { ticketByReference, type Ticket } from '../db/tickets.ts';
import { hashRequestKey } from '../email/request-link.ts';
import { isReference } from '../tickets/reference.ts';

/** Compared against when a reference has no keys, so an unknown reference costs what a wrong key costs. */
const DUMMY_HASH = hashRequestKey('no ticket has this key');

export type Compare = (a: Buffer, b: Buffer) => boolean;

/**
 * Whether `key` is one of a ticket's keys: its hash against each stored hash, or against a dummy hash when there
 * are none (an unknown or anonymised reference), always in constant time. A wrong key and an unknown reference
 * thus take the same path.
 */
export function keyMatches(key: string, storedHashes: string[], compare: Compare = timingSafeEqual): boolean {
  const candidate = Buffer.from(hashRequestKey(key), 'hex');
  let matched = false;
  for (const stored of storedHashes.length > 0 ? storedHashes : [DUMMY_HASH]) {
    // No early exit: every stored hash is compared.
    if (compare(candidate, Buffer.from(stored, 'hex')) && stored !== DUMMY_HASH) matched = true;
  }
  return matched;
}

/** The ticket a requester's page shows, or undefined when the reference or the key is wrong (both alike). */
export async function openRequest(db: Db, reference: string, key: string): Promise<Ticket | undefined> {
  const hashes = isReference(reference) ? await keyHashesOf(db, reference) : [];
  if (!keyMatches(key, hashes)) return undefined;
  const ticket = await ticketByReference(db, reference);
  return ticket && !ticket.anonymisedAt ? ticket : undefined;
}
