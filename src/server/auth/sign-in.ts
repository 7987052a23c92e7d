import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { recentFailures, recordAttempt, settleAttempt, type FailureScope } from '../db/sign-in-attempts.ts';
import { deviceByTokenHash, insertDevice, renewDevice } from '../db/staff-devices.ts';
import { staffByEmail } from '../db/staff.ts';
import type { SignInOutcome } from '../db/schema.ts';
import { normaliseEmail } from '../email-address.ts';
import { DEVICE_LIFETIME_MS, newDeviceToken } from './device-cookie.ts';
import { verifyAgainstNothing, verifyPassword } from './passwords.ts';
import { PER_ACCOUNT, PER_CLIENT, PER_DEVICE, strictest, throttleVerdict, type ThrottleRule } from './sign-in-throttle.ts';
import { hashToken } from './token-hash.ts';

export type SignInResult =
  /** `deviceToken` goes into the browser's device cookie, replacing the one it sent. */
  | { ok: true; staffId: string; deviceToken: string }
  /** Wrong address, wrong password and disabled account are one answer, so none of them reveals an account. */
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks an email and password, throttled as OWASP's device cookies describe. A browser presenting a device
 * cookie issued to this account (at an earlier sign-in, not expired) is a trusted client, judged only by its own
 * recent failures; any other client is judged by its own failures and by the account's failures from untrusted
 * clients, so a stranger's guesses lock out strangers, never a browser its owner signed in from before.
 *
 * The attempt is recorded before it is judged (as pending, which counts as a failure), so parallel guesses are
 * throttled as if they came one after another; then every address, known or not, goes through the same lookups,
 * one argon2 check and one update. A success issues a new device token (the one sent stops working).
 */
export async function signIn(
  db: Db,
  { email, password, clientKey, deviceToken }: { email: string; password: string; clientKey: string; deviceToken?: string },
  now = Date.now(),
): Promise<SignInResult> {
  const at = new Date(now).toISOString();
  const emailNormalized = normaliseEmail(email).slice(0, 320);
  const staff = await staffByEmail(db, emailNormalized);
  const presented = deviceToken ? await deviceByTokenHash(db, hashToken(deviceToken)) : undefined;
  const device = presented && staff && presented.staffId === staff.id && presented.expiresAt > at ? presented : undefined;
  const id = randomUUID();
  await recordAttempt(db, {
    id,
    attempted_at: at,
    email_normalized: emailNormalized,
    staff_id: null,
    client_key: clientKey,
    outcome: 'pending',
    device_id: device?.id ?? null,
  });

  const failures = async (scope: FailureScope, rule: ThrottleRule) => {
    const times = await recentFailures(db, scope, new Date(now - rule.windowMs).toISOString(), rule.limit, id);
    return throttleVerdict(times.map(Date.parse), now, rule);
  };
  const verdict = device
    ? await failures({ by: 'device', deviceId: device.id }, PER_DEVICE)
    : strictest([
        await failures({ by: 'untrusted', email: emailNormalized }, PER_ACCOUNT),
        await failures({ by: 'client', clientKey }, PER_CLIENT),
      ]);
  if (!verdict.allowed) {
    await settleAttempt(db, id, 'throttled', null);
    return { ok: false, reason: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const matches = staff ? await verifyPassword(staff.password_hash, password) : await verifyAgainstNothing(password);
  const outcome: SignInOutcome = !staff ? 'unknown-email' : !matches ? 'wrong-password' : staff.disabled_at ? 'disabled' : 'success';
  await settleAttempt(db, id, outcome, staff?.id ?? null);
  if (outcome !== 'success') return { ok: false, reason: 'invalid' };

  const token = newDeviceToken();
  const renewal = { tokenHash: hashToken(token), at, expiresAt: new Date(now + DEVICE_LIFETIME_MS).toISOString() };
  if (device) await renewDevice(db, device.id, renewal);
  else await insertDevice(db, { id: randomUUID(), staffId: staff!.id, ...renewal });
  return { ok: true, staffId: staff!.id, deviceToken: token };
}
