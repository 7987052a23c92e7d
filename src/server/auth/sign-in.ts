import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { recentFailures, recordAttempt, settleAttempt } from '../db/sign-in-attempts.ts';
import { staffByEmail } from '../db/staff.ts';
import type { SignInOutcome } from '../db/schema.ts';
import { normaliseEmail } from '../email-address.ts';
import { verifyAgainstNothing, verifyPassword } from './passwords.ts';
import { PER_ACCOUNT, PER_CLIENT, strictest, throttleVerdict, type ThrottleRule } from './sign-in-throttle.ts';

export type SignInResult =
  | { ok: true; staffId: string }
  /** Wrong address, wrong password and disabled account are one answer, so none of them reveals an account. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks an email and password. The attempt is recorded before anything else (as pending, which counts as a
 * failure), so parallel guesses are throttled as if they came one after another; then every address, known
 * or not, goes through the same lookup, one argon2 check and one update.
 */
export async function signIn(
  db: Db,
  { email, password, clientKey }: { email: string; password: string; clientKey: string },
  now = Date.now(),
): Promise<SignInResult> {
  const emailNormalized = normaliseEmail(email).slice(0, 320);
  const id = randomUUID();
  await recordAttempt(db, {
    id,
    attempted_at: new Date(now).toISOString(),
    email_normalized: emailNormalized,
    staff_id: null,
    client_key: clientKey,
    outcome: 'pending',
  });

  const failures = async (column: 'email_normalized' | 'client_key', key: string, rule: ThrottleRule) => {
    const since = new Date(now - rule.windowMs).toISOString();
    const times = await recentFailures(db, { column, key }, since, rule.limit, id);
    return throttleVerdict(times.map(Date.parse), now, rule);
  };
  const verdict = strictest([
    await failures('email_normalized', emailNormalized, PER_ACCOUNT),
    await failures('client_key', clientKey, PER_CLIENT),
  ]);
  if (!verdict.allowed) {
    await settleAttempt(db, id, 'throttled', null);
    return { ok: false, reason: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const staff = await staffByEmail(db, emailNormalized);
  const matches = staff ? await verifyPassword(staff.password_hash, password) : await verifyAgainstNothing(password);
  const outcome: SignInOutcome = !staff ? 'unknown-email' : !matches ? 'wrong-password' : staff.disabled_at ? 'disabled' : 'success';
  await settleAttempt(db, id, outcome, staff?.id ?? null);
  return outcome === 'success' ? { ok: true, staffId: staff!.id } : { ok: false, reason: 'invalid' };
}
