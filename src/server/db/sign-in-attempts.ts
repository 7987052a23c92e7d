import type { SelectQueryBuilder } from 'kysely';
import type { Db } from './connection.ts';
import type { Database, SignInAttemptsTable, SignInOutcome } from './schema.ts';

/** Outcomes that count towards throttling. Throttled attempts do not, so waiting out a lock always works. */
const FAILURES: SignInOutcome[] = ['pending', 'wrong-password', 'unknown-email', 'disabled'];

/** Whose failures a throttle counts. */
export type FailureScope =
  /** Everything one client (address) tried, on any account. */
  | { by: 'client'; clientKey: string }
  /** An address's failures from clients without a device cookie for it; such a client's success clears them. */
  | { by: 'untrusted'; email: string }
  /** One device cookie's failures; its own success clears them. */
  | { by: 'device'; deviceId: string };

export async function recordAttempt(db: Db, row: SignInAttemptsTable): Promise<void> {
  await db.insertInto('sign_in_attempts').values(row).execute();
}

export async function settleAttempt(db: Db, id: string, outcome: SignInOutcome, staffId: string | null): Promise<void> {
  await db.updateTable('sign_in_attempts').set({ outcome, staff_id: staffId }).where('id', '=', id).execute();
}

/**
 * Times (newest first, at most `limit`) of failed attempts in a scope since `since`, leaving out attempt
 * `exceptId` (the one being judged). For an address or a device, only failures after its last success count.
 */
export async function recentFailures(db: Db, scope: FailureScope, since: string, limit: number, exceptId: string): Promise<string[]> {
  let from = since;
  if (scope.by !== 'client') {
    const success = await db
      .selectFrom('sign_in_attempts')
      .select('attempted_at')
      .$call((query) => inScope(query, scope))
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
    .$call((query) => inScope(query, scope))
    .where('attempted_at', '>', from)
    .where('outcome', 'in', FAILURES)
    .where('id', '!=', exceptId)
    .orderBy('attempted_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.attempted_at);
}

function inScope<O>(query: SelectQueryBuilder<Database, 'sign_in_attempts', O>, scope: FailureScope) {
  switch (scope.by) {
    case 'client':
      return query.where('client_key', '=', scope.clientKey);
    case 'untrusted':
      return query.where('email_normalized', '=', scope.email).where('device_id', 'is', null);
    case 'device':
      return query.where('device_id', '=', scope.deviceId);
  }
}

/** Returns how many it deleted. */
export async function deleteAttemptsBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('sign_in_attempts').where('attempted_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
