import type { Db } from './connection.ts';
import type { SignInAttemptsTable, SignInOutcome } from './schema.ts';

/** Outcomes that count towards throttling. Throttled attempts do not, so waiting out a lock always works. */
const FAILURES: SignInOutcome[] = ['pending', 'wrong-password', 'unknown-email', 'disabled'];

export async function recordAttempt(db: Db, row: SignInAttemptsTable): Promise<void> {
  await db.insertInto('sign_in_attempts').values(row).execute();
}

export async function settleAttempt(db: Db, id: string, outcome: SignInOutcome, staffId: string | null): Promise<void> {
  await db.updateTable('sign_in_attempts').set({ outcome, staff_id: staffId }).where('id', '=', id).execute();
}

/**
 * Times (newest first, at most `limit`) of failed attempts by one address or one client since `since`, leaving
 * out attempt `exceptId` (the one being judged). For an address, only failures after its last success count.
 */
export async function recentFailures(
  db: Db,
  by: { column: 'email_normalized' | 'client_key'; key: string },
  since: string,
  limit: number,
  exceptId: string,
): Promise<string[]> {
  let from = since;
  if (by.column === 'email_normalized') {
    const success = await db
      .selectFrom('sign_in_attempts')
      .select('attempted_at')
      .where('email_normalized', '=', by.key)
      .where('outcome', '=', 'success')
      .where('attempted_at', '>', since)
      .orderBy('attempted_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (success) from = success.attempted_at;
  }
  const rows = await db
    .selectFrom('sign_in_attempts')
    .select('attempted_at')
    .where(by.column, '=', by.key)
    .where('attempted_at', '>', from)
    .where('outcome', 'in', FAILURES)
    .where('id', '!=', exceptId)
    .orderBy('attempted_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.attempted_at);
}

export async function deleteAttemptsBefore(db: Db, before: string): Promise<void> {
  await db.deleteFrom('sign_in_attempts').where('attempted_at', '<', before).execute();
}
