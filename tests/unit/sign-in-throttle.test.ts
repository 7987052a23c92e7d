import { describe, expect, it, vi } from 'vitest';

/** The stored hashes every argon2 check in a sign-in compared against (counted, not timed: timing is noisy). */
const argon2Checks: string[] = [];
vi.mock('@node-rs/argon2', async (original) => {
  const argon2 = await original<typeof import('@node-rs/argon2')>();
  return {
    ...argon2,
    verify: (hash: string, password: string) => {
      argon2Checks.push(hash);
      return argon2.verify(hash, password);
    },
  };
});
import { signIn } from '../../src/server/auth/sign-in.ts';
import { PER_ACCOUNT, PER_CLIENT, PER_DEVICE, strictest, throttleVerdict } from '../../src/server/auth/sign-in-throttle.ts';
import { DEVICE_LIFETIME_MS, deviceCookie } from '../../src/server/auth/device-cookie.ts';
import { hashToken } from '../../src/server/auth/token-hash.ts';
import { addStaff, resetPassword, setDisabled } from '../../src/server/staff/accounts.ts';
import { useTestDatabase } from '../support/test-database.ts';

const MINUTE = 60_000;
const rule = { limit: 3, windowMs: 10 * MINUTE };

describe('throttle verdict', () => {
  it('allows attempts until the limit of failures falls inside the window', () => {
    const now = 100 * MINUTE;
    expect(throttleVerdict([], now, rule)).toEqual({ allowed: true });
    expect(throttleVerdict([now - MINUTE, now - 2 * MINUTE], now, rule)).toEqual({ allowed: true });
    expect(throttleVerdict([now - MINUTE, now - 2 * MINUTE, now - 3 * MINUTE], now, rule)).toEqual({
      allowed: false,
      retryAfterSeconds: 7 * 60, // when the oldest of the three leaves the window
    });
  });

  it('forgets failures older than the window', () => {
    const now = 100 * MINUTE;
    expect(throttleVerdict([now - MINUTE, now - 2 * MINUTE, now - 11 * MINUTE], now, rule)).toEqual({ allowed: true });
  });

  it('waits at least a second', () => {
    const now = 100 * MINUTE;
    const justBefore = now - rule.windowMs + 10;
    expect(throttleVerdict([now, now, justBefore], now, rule)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('takes the stricter of the account and the client verdicts', () => {
    expect(strictest([{ allowed: true }, { allowed: true }])).toEqual({ allowed: true });
    expect(strictest([{ allowed: false, retryAfterSeconds: 30 }, { allowed: false, retryAfterSeconds: 90 }, { allowed: true }])).toEqual({
      allowed: false,
      retryAfterSeconds: 90,
    });
  });
});

describe('sign-in', () => {
  const db = useTestDatabase();
  const password = 'correct horse battery staple';
  let clients = 0;
  const client = () => `192.0.2.${++clients}`;

  async function account(email: string): Promise<string> {
    const result = await addStaff(db(), { email, name: 'Test Person', role: 'agent', password }, null);
    if (!result.ok) throw new Error(result.message);
    return result.account.id;
  }
  const attempts = (email: string) =>
    db()
      .selectFrom('sign_in_attempts')
      .select(['outcome', 'client_key', 'staff_id'])
      .where('email_normalized', '=', email)
      .orderBy('attempted_at')
      .execute();

  it('signs in with the right password, whatever the case of the address', async () => {
    const id = await account('Case@Example.com');
    expect(await signIn(db(), { email: '  case@EXAMPLE.com ', password, clientKey: client() })).toEqual({
      ok: true,
      staffId: id,
      deviceToken: expect.stringMatching(/^[a-z2-7]{32}$/),
    });
  });

  it('gives one answer for a wrong password and for an unknown address, and records both', async () => {
    await account('known@example.com');
    const wrong = await signIn(db(), { email: 'known@example.com', password: 'not the password at all', clientKey: client() });
    const unknown = await signIn(db(), { email: 'nobody@example.com', password, clientKey: client() });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
    expect((await attempts('known@example.com')).map((a) => a.outcome)).toEqual(['wrong-password']);
    expect(await attempts('nobody@example.com')).toEqual([{ outcome: 'unknown-email', client_key: expect.any(String), staff_id: null }]);
  });

  it('does the same argon2 work for an unknown address as for a known one, so timing reveals no account', async () => {
    await account('timing@example.com');
    const work = async (email: string) => {
      argon2Checks.length = 0;
      await signIn(db(), { email, password: 'a wrong password for timing', clientKey: client() });
      // The parameters are written into each hash: the same ones mean the same time per check.
      return argon2Checks.map((hash) => hash.replace(/\$[^$]*\$[^$]*$/, ''));
    };
    const known = await work('timing@example.com');
    expect(known).toHaveLength(1);
    expect(await work('ghost@example.com')).toEqual(known);
  });

  it(`throttles an address after ${PER_ACCOUNT.limit} failures, for every client without its device cookie, with the time to wait`, async () => {
    await account('locked@example.com');
    for (let i = 0; i < PER_ACCOUNT.limit; i++) {
      expect(await signIn(db(), { email: 'locked@example.com', password: `wrong guess ${i}`, clientKey: client() })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const blocked = await signIn(db(), { email: 'LOCKED@example.com', password, clientKey: client() });
    expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
    expect(blocked.ok === false && blocked.reason === 'throttled' && blocked.retryAfterSeconds).toBeGreaterThan(
      PER_ACCOUNT.windowMs / 1000 - 5,
    );
    expect((await attempts('locked@example.com')).at(-1)?.outcome).toBe('throttled');
    // The window passes: the right password works again.
    expect(
      await signIn(db(), { email: 'locked@example.com', password, clientKey: client() }, Date.now() + PER_ACCOUNT.windowMs + 1000),
    ).toMatchObject({ ok: true });
  });

  it('throttles unknown addresses exactly like known ones', async () => {
    for (let i = 0; i < PER_ACCOUNT.limit; i++)
      await signIn(db(), { email: 'phantom@example.com', password: `guess ${i}`, clientKey: client() });
    expect(await signIn(db(), { email: 'phantom@example.com', password, clientKey: client() })).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
  });

  it('forgets an address’s earlier failures once it signs in', async () => {
    await account('typo@example.com');
    for (let i = 0; i < PER_ACCOUNT.limit - 1; i++)
      await signIn(db(), { email: 'typo@example.com', password: `typo ${i}`, clientKey: client() });
    expect(await signIn(db(), { email: 'typo@example.com', password, clientKey: client() })).toMatchObject({ ok: true });
    for (let i = 0; i < PER_ACCOUNT.limit - 1; i++)
      await signIn(db(), { email: 'typo@example.com', password: `later typo ${i}`, clientKey: client() });
    expect(await signIn(db(), { email: 'typo@example.com', password, clientKey: client() })).toMatchObject({ ok: true });
  });

  it(`throttles a client after ${PER_CLIENT.limit} failures across addresses`, async () => {
    const attacker = client();
    for (let i = 0; i < PER_CLIENT.limit; i++)
      await signIn(db(), { email: `spray${i}@example.com`, password: 'Winter2025!Winter', clientKey: attacker });
    expect(await signIn(db(), { email: 'fresh-target@example.com', password: 'x', clientKey: attacker })).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
    expect(await signIn(db(), { email: 'fresh-target@example.com', password: 'x', clientKey: client() })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('throttles guesses sent in parallel as if they came one by one', async () => {
    await account('parallel@example.com');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        signIn(db(), { email: 'parallel@example.com', password: `parallel guess ${i}`, clientKey: client() }),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(checked).toBeLessThanOrEqual(PER_ACCOUNT.limit);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBeGreaterThanOrEqual(12 - PER_ACCOUNT.limit);
  });
});

describe('device cookies', () => {
  const db = useTestDatabase();
  const password = 'correct horse battery staple';
  let clients = 0;
  const client = () => `203.0.113.${++clients}`;

  async function account(email: string): Promise<string> {
    const result = await addStaff(db(), { email, name: 'Device Person', role: 'agent', password }, null);
    if (!result.ok) throw new Error(result.message);
    return result.account.id;
  }
  /** Signs in with the right password from a fresh client and returns the device token it is given. */
  async function trustedBrowser(email: string, deviceToken?: string, now?: number): Promise<string> {
    const result = await signIn(db(), { email, password, clientKey: client(), deviceToken }, now);
    if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
    return result.deviceToken;
  }
  /** A stranger's guesses from many clients, none with a device cookie, until the account locks them out. */
  async function lockOutStrangers(email: string): Promise<void> {
    for (let i = 0; i < PER_ACCOUNT.limit; i++) await signIn(db(), { email, password: `stranger guess ${i}`, clientKey: client() });
    expect(await signIn(db(), { email, password, clientKey: client() })).toMatchObject({ ok: false, reason: 'throttled' });
  }

  it('a stranger’s failures lock out untrusted clients, never a browser that signed in before', async () => {
    await account('owner@example.com');
    const token = await trustedBrowser('owner@example.com');
    await lockOutStrangers('owner@example.com');
    expect(await signIn(db(), { email: 'owner@example.com', password, clientKey: client(), deviceToken: token })).toMatchObject({
      ok: true,
    });
    // Still locked for everyone else.
    expect(await signIn(db(), { email: 'owner@example.com', password, clientKey: client() })).toMatchObject({ reason: 'throttled' });
  });

  it(`a trusted browser has its own budget of ${PER_DEVICE.limit} failures: when it runs out only that browser waits`, async () => {
    await account('typist@example.com');
    const laptop = await trustedBrowser('typist@example.com');
    const phone = await trustedBrowser('typist@example.com');
    for (let i = 0; i < PER_DEVICE.limit; i++)
      expect(await signIn(db(), { email: 'typist@example.com', password: `typo ${i}`, clientKey: client(), deviceToken: laptop })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    const locked = await signIn(db(), { email: 'typist@example.com', password, clientKey: client(), deviceToken: laptop });
    expect(locked).toMatchObject({ ok: false, reason: 'throttled' });
    expect(locked.ok === false && locked.reason === 'throttled' && locked.retryAfterSeconds).toBeGreaterThan(
      PER_DEVICE.windowMs / 1000 - 5,
    );
    // The laptop's typos cost neither the phone nor untrusted clients anything.
    expect(await signIn(db(), { email: 'typist@example.com', password, clientKey: client(), deviceToken: phone })).toMatchObject({
      ok: true,
    });
    expect(await signIn(db(), { email: 'typist@example.com', password, clientKey: client() })).toMatchObject({ ok: true });
  });

  it('a trusted browser is not held back by its network’s failures on other accounts', async () => {
    await account('office@example.com');
    const office = client();
    const token = (await signIn(db(), { email: 'office@example.com', password, clientKey: office })) as { deviceToken: string };
    for (let i = 0; i < PER_CLIENT.limit; i++)
      await signIn(db(), { email: `colleague${i}@example.com`, password: 'Spring2025!Spring', clientKey: office });
    expect(await signIn(db(), { email: 'office@example.com', password, clientKey: office })).toMatchObject({ reason: 'throttled' });
    expect(await signIn(db(), { email: 'office@example.com', password, clientKey: office, deviceToken: token.deviceToken })).toMatchObject({
      ok: true,
    });
  });

  it('counts as trusted only for the account it was issued to', async () => {
    await account('alice@example.com');
    await account('bob@example.com');
    const alices = await trustedBrowser('alice@example.com');
    await lockOutStrangers('bob@example.com');
    expect(await signIn(db(), { email: 'bob@example.com', password, clientKey: client(), deviceToken: alices })).toMatchObject({
      reason: 'throttled',
    });
  });

  it('counts as trusted only with the newest token: every sign-in replaces it', async () => {
    await account('rotating@example.com');
    const first = await trustedBrowser('rotating@example.com');
    const second = await trustedBrowser('rotating@example.com', first);
    expect(second).not.toBe(first);
    await lockOutStrangers('rotating@example.com');
    expect(await signIn(db(), { email: 'rotating@example.com', password, clientKey: client(), deviceToken: first })).toMatchObject({
      reason: 'throttled',
    });
    expect(await signIn(db(), { email: 'rotating@example.com', password, clientKey: client(), deviceToken: second })).toMatchObject({
      ok: true,
    });
  });

  it('counts as trusted only until it expires', async () => {
    await account('lapsed@example.com');
    const token = await trustedBrowser('lapsed@example.com');
    const later = Date.now() + DEVICE_LIFETIME_MS + 1000;
    await trustedBrowser('lapsed@example.com', token, later);
    const attempt = await db()
      .selectFrom('sign_in_attempts')
      .select(['device_id', 'outcome'])
      .where('email_normalized', '=', 'lapsed@example.com')
      .where('attempted_at', '=', new Date(later).toISOString())
      .executeTakeFirstOrThrow();
    expect(attempt).toEqual({ device_id: null, outcome: 'success' });
  });

  it('stores only a hash of each token, bound to its account', async () => {
    const id = await account('hashed@example.com');
    const token = await trustedBrowser('hashed@example.com');
    const rows = await db().selectFrom('staff_devices').selectAll().where('staff_id', '=', id).execute();
    expect(rows).toEqual([expect.objectContaining({ token_hash: hashToken(token), staff_id: id })]);
    expect(JSON.stringify(await db().selectFrom('staff_devices').selectAll().execute())).not.toContain(token);
  });

  it('are forgotten when the account is disabled or its password is reset', async () => {
    const id = await account('revoked@example.com');
    const devices = () => db().selectFrom('staff_devices').select('id').where('staff_id', '=', id).execute();
    await trustedBrowser('revoked@example.com');
    expect(await devices()).toHaveLength(1);
    await resetPassword(db(), id, 'a completely new passphrase', null);
    expect(await devices()).toEqual([]);

    const token = (await signIn(db(), { email: 'revoked@example.com', password: 'a completely new passphrase', clientKey: client() })) as {
      deviceToken: string;
    };
    expect(await devices()).toHaveLength(1);
    await setDisabled(db(), id, true, null);
    await setDisabled(db(), id, false, null);
    expect(await devices()).toEqual([]);
    await lockOutStrangers('revoked@example.com');
    expect(
      await signIn(db(), {
        email: 'revoked@example.com',
        password: 'a completely new passphrase',
        clientKey: client(),
        deviceToken: token.deviceToken,
      }),
    ).toMatchObject({ reason: 'throttled' });
  });

  it('the cookie: HttpOnly, SameSite=Lax, long-lived, and Secure with the __Host- prefix when sessions are', () => {
    expect(deviceCookie(true)).toEqual({
      name: '__Host-signpost_device',
      attributes: { httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: DEVICE_LIFETIME_MS / 1000 },
    });
    expect(deviceCookie(false)).toMatchObject({ name: 'signpost_device', attributes: { secure: false } });
    expect(DEVICE_LIFETIME_MS).toBeGreaterThanOrEqual(90 * 24 * 60 * 60_000);
  });
});
