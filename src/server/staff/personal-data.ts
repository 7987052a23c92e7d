import { recordAudit } from '../db/audit.ts';
import type { Db } from '../db/connection.ts';
import { anonymise, ticketRecords, referencesFor } from '../db/personal-data.ts';
import { normaliseEmail } from '../email-address.ts';

/**
 * A requester's rights over their data, exercised by an admin: a copy of everything held about an address,
 * and its erasure. Both are audited by reference and count, never by the address itself.
 */
export async function exportPersonalData(
  db: Db,
  email: string,
  adminId: string,
  now = new Date(),
): Promise<{ email: string; exportedAt: string; tickets: Record<string, unknown>[] }> {
  const references = await referencesFor(db, normaliseEmail(email));
  const tickets = await ticketRecords(db, references);
  await recordAudit(db, {
    at: now.toISOString(),
    staffId: adminId,
    action: 'personal-data-exported',
    detail: { tickets: references.length, references },
  });
  return { email: email.trim(), exportedAt: now.toISOString(), tickets };
}

/** Anonymises every ticket naming the address; returns their references. */
export async function erasePersonalData(db: Db, email: string, adminId: string, now = new Date()): Promise<string[]> {
  const references = await referencesFor(db, normaliseEmail(email));
  const erased = await anonymise(db, references, { staffId: adminId, reason: 'erasure-request' }, now);
  await recordAudit(db, {
    at: now.toISOString(),
    staffId: adminId,
    action: 'personal-data-erased',
    detail: { tickets: erased.length, references: erased },
  });
  return erased;
}

/** The tickets an address appears in, for the admin to see before exporting or erasing. */
export function ticketsNaming(db: Db, email: string): Promise<string[]> {
  return referencesFor(db, normaliseEmail(email));
}
