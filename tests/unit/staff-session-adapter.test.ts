import { describe, expect, it } from 'vitest';
import { createAuth } from '../../src/server/auth/lucia.ts';
import { hashToken } from '../../src/server/auth/token-hash.ts';
import { sessionAdapter } from '../../src/server/auth/session-adapter.ts';
import { addStaff, setDisabled } from '../../src/server/staff/accounts.ts';
import { useTestDatabase } from '../support/test-database.ts';

const db = useTestDatabase();
const adapter = () => sessionAdapter(async () => db());
const auth = () => createAuth(async () => db(), { cookieSecure: false });

let counter = 0;
async function newStaff(role: 'agent' | 'admin' = 'agent'): Promise<string> {
  counter++;
  const result = await addStaff(
    db(),
    { email: `person${counter}@example.com`, name: `Person ${counter}`, role, password: 'correct horse battery staple' },
    null,
  );
  if (!result.ok) throw new Error(result.message);
  return result.account.id;
}

const storedRows = () => db().selectFrom('staff_sessions').selectAll().execute();

describe('lucia adapter', () => {
  it('stores only the SHA-256 of the session id, and gives lucia back the id it asked for', async () => {
    const staffId = await newStaff();
    const session = await auth().createSession(staffId, {});
    const rows = (await storedRows()).filter((row) => row.staff_id === staffId);
    expect(rows).toHaveLength(1);
    expect(rows[0].id_hash).toBe(hashToken(session.id));
    expect(rows[0].id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(session.id);

    const [found, user] = await adapter().getSessionAndUser(session.id);
    expect(found).toMatchObject({ id: session.id, userId: staffId });
    expect(found?.expiresAt.getTime()).toBe(session.expiresAt.getTime());
    expect(user).toMatchObject({ id: staffId, attributes: { role: 'agent', name: `Person ${counter}` } });
  });

  it('finds nothing for an unknown id, or for the stored hash presented as an id', async () => {
    const staffId = await newStaff();
    const session = await auth().createSession(staffId, {});
    expect(await adapter().getSessionAndUser('no-such-session')).toEqual([null, null]);
    expect(await adapter().getSessionAndUser(hashToken(session.id))).toEqual([null, null]);
  });

  it('validates, then ends a session on sign-out (the old id is rejected)', async () => {
    const staffId = await newStaff();
    const lucia = auth();
    const session = await lucia.createSession(staffId, {});
    expect((await lucia.validateSession(session.id)).user?.id).toBe(staffId);
    await lucia.invalidateSession(session.id);
    expect(await lucia.validateSession(session.id)).toEqual({ session: null, user: null });
  });

  it('slides the expiry when less than half the lifetime is left, and not before', async () => {
    const staffId = await newStaff();
    const lucia = auth();
    const session = await lucia.createSession(staffId, {});
    const first = await lucia.validateSession(session.id);
    expect(first.session?.fresh).toBe(false);

    // Two hours left of twelve: lucia extends it and says so (the middleware then sends the cookie again).
    const soon = new Date(Date.now() + 2 * 60 * 60 * 1000);
    await adapter().updateSessionExpiration(session.id, soon);
    const second = await lucia.validateSession(session.id);
    expect(second.session?.fresh).toBe(true);
    expect(second.session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 60 * 60 * 1000);
    const [stored] = await adapter().getSessionAndUser(session.id);
    expect(stored?.expiresAt.getTime()).toBe(second.session!.expiresAt.getTime());
  });

  it('rejects and deletes an expired session', async () => {
    const staffId = await newStaff();
    const lucia = auth();
    const session = await lucia.createSession(staffId, {});
    await adapter().updateSessionExpiration(session.id, new Date(Date.now() - 1000));
    expect((await lucia.validateSession(session.id)).session).toBeNull();
    expect((await storedRows()).some((row) => row.id_hash === hashToken(session.id))).toBe(false);
  });

  it('signs out everywhere: every session of the account ends, others stay', async () => {
    const [staffId, other] = [await newStaff(), await newStaff()];
    const lucia = auth();
    const mine = [await lucia.createSession(staffId, {}), await lucia.createSession(staffId, {})];
    const theirs = await lucia.createSession(other, {});
    expect(await adapter().getUserSessions(staffId)).toHaveLength(2);
    await lucia.invalidateUserSessions(staffId);
    for (const session of mine) expect((await lucia.validateSession(session.id)).session).toBeNull();
    expect((await lucia.validateSession(theirs.id)).user?.id).toBe(other);
  });

  it('ends the sessions of a disabled account, also one that slipped past', async () => {
    const staffId = await newStaff();
    await newStaff('admin');
    const lucia = auth();
    const session = await lucia.createSession(staffId, {});
    expect((await setDisabled(db(), staffId, true, null)).ok).toBe(true);
    expect((await lucia.validateSession(session.id)).session).toBeNull();
    // A session row left behind for a disabled account comes back without its user, and lucia deletes it.
    await adapter().setSession({ id: 'left-behind', userId: staffId, expiresAt: new Date(Date.now() + 60_000), attributes: {} });
    expect(await adapter().getSessionAndUser('left-behind')).toEqual([expect.objectContaining({ id: 'left-behind' }), null]);
    expect((await lucia.validateSession('left-behind')).session).toBeNull();
    expect((await storedRows()).some((row) => row.id_hash === hashToken('left-behind'))).toBe(false);
  });

  it('deletes expired sessions in bulk', async () => {
    const staffId = await newStaff();
    await adapter().setSession({ id: 'old-one', userId: staffId, expiresAt: new Date(Date.now() - 1000), attributes: {} });
    await adapter().setSession({ id: 'live-one', userId: staffId, expiresAt: new Date(Date.now() + 60_000), attributes: {} });
    await adapter().deleteExpiredSessions();
    const hashes = (await storedRows()).map((row) => row.id_hash);
    expect(hashes).not.toContain(hashToken('old-one'));
    expect(hashes).toContain(hashToken('live-one'));
  });

  it('makes an HttpOnly, SameSite=Lax, Path=/ cookie; Secure with a __Host- name when asked', () => {
    const plain = auth().createSessionCookie('abc');
    expect(plain.name).toBe('signpost_staff');
    expect(plain.attributes).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: false, maxAge: 12 * 60 * 60 });
    const secure = createAuth(async () => db(), { cookieSecure: true }).createSessionCookie('abc');
    expect(secure.name).toBe('__Host-signpost_staff');
    expect(secure.serialize()).toBe('__Host-signpost_staff=abc; HttpOnly; Max-Age=43200; Path=/; SameSite=Lax; Secure');
  });
});
