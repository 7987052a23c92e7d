import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRONG_CREDENTIALS } from '../../src/server/staff/sign-in-form.ts';
import { PER_ACCOUNT, PER_CLIENT, PER_DEVICE } from '../../src/server/auth/sign-in-throttle.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import {
  createStaff,
  deviceCookieOf,
  errorSummary,
  getAs,
  postSignIn,
  runStaffCli,
  sessionCookieOf,
  STAFF_PASSWORD,
} from '../../harness/staff.ts';
import { openServerDatabase } from '../../harness/server-database.ts';

// Its own server, behind a "proxy" (TRUST_PROXY=1), so each test signs in from its own client address and
// throttling in one test never spills into another or into other test files.
let server: ServerProcess;
let clients = 0;
const fromNewClient = () => ({ 'X-Forwarded-For': `198.51.100.${++clients}` });

beforeAll(async () => {
  server = await startServer({ env: { TRUST_PROXY: '1' } });
});
afterAll(() => server.stop());

describe('first run and signing in', () => {
  it('tells a new user how to create the first admin; the CLI does it and the admin signs in', async () => {
    expect(server.output()).toContain('No staff account exists yet. Create the first admin');
    expect(server.output()).toMatch(/npm run staff -- add --email you@example\.com --name "Your Name" --role admin --password-stdin/);

    const added = runStaffCli(
      server.dataDir,
      ['add', '--email', 'first@example.com', '--name', 'First Admin', '--role', 'admin', '--password-stdin'],
      `${STAFF_PASSWORD}\n`,
    );
    expect(added.status, added.stderr).toBe(0);
    const response = await postSignIn(server.url, 'First@Example.com', STAFF_PASSWORD, fromNewClient());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/staff/');
    const cookie = sessionCookieOf(response)!;
    const [session, device] = response.headers.getSetCookie();
    expect(session).toMatch(/^signpost_staff=[a-z0-9]{40}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(device).toMatch(/^signpost_device=[a-z2-7]{32}; Max-Age=15552000; Path=\/; HttpOnly; SameSite=Lax$/);
    const inbox = await getAs(server.url, '/staff/', cookie);
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toMatch(/<h1[^>]*>Tickets<\/h1>/);
  });

  it('returns to the page that asked for sign-in, and never to another site', async () => {
    await createStaff(server.dataDir, { email: 'returner@example.com', name: 'Returner', role: 'agent' });
    const asked = await getAs(server.url, '/staff/tickets/HC-AAAA-BBBB');
    expect(asked.headers.get('location')).toBe('/staff/login?next=%2Fstaff%2Ftickets%2FHC-AAAA-BBBB');
    const form = (next: string) =>
      fetch(`${server.url}/staff/login?next=${encodeURIComponent(next)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url, ...fromNewClient() },
        body: new URLSearchParams({ email: 'returner@example.com', password: STAFF_PASSWORD }).toString(),
        redirect: 'manual',
      });
    expect((await form('/staff/tickets/HC-AAAA-BBBB')).headers.get('location')).toBe('/staff/tickets/HC-AAAA-BBBB');
    expect((await form('https://evil.example/')).headers.get('location')).toBe('/staff/');
    expect((await form('//evil.example/staff/')).headers.get('location')).toBe('/staff/');
  });

  it('answers a wrong password and an unknown address with the same message and status, and no cookie', async () => {
    await createStaff(server.dataDir, { email: 'real@example.com', name: 'Real Person', role: 'agent' });
    const wrong = await postSignIn(server.url, 'real@example.com', 'not my password at all', fromNewClient());
    const unknown = await postSignIn(server.url, 'ghost@example.com', STAFF_PASSWORD, fromNewClient());
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(sessionCookieOf(wrong)).toBeUndefined();
    expect(sessionCookieOf(unknown)).toBeUndefined();
    const [a, b] = [await errorSummary(wrong), await errorSummary(unknown)];
    expect(a).toBe(`There is a problem ${WRONG_CREDENTIALS}`);
    expect(b).toBe(a);
  });

  it('asks for missing fields, GOV.UK style, and keeps the address typed', async () => {
    const response = await postSignIn(server.url, 'typed@example.com', '', fromNewClient());
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<title>Error: Sign in | Staff |');
    expect(html).toContain('<a href="#password">Enter your password</a>');
    expect(html).toMatch(/<input id="email" value="typed@example.com"/);
  });

  it(`answers 429 with Retry-After after ${PER_ACCOUNT.limit} failures for one address, even with the right password`, async () => {
    await createStaff(server.dataDir, { email: 'target@example.com', name: 'Target', role: 'agent' });
    for (let i = 0; i < PER_ACCOUNT.limit; i++)
      expect((await postSignIn(server.url, 'target@example.com', `guess number ${i}`, fromNewClient())).status).toBe(401);
    const blocked = await postSignIn(server.url, 'target@example.com', STAFF_PASSWORD, fromNewClient());
    expect(blocked.status).toBe(429);
    const wait = Number(blocked.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(60);
    expect(wait).toBeLessThanOrEqual(PER_ACCOUNT.windowMs / 1000);
    expect(await errorSummary(blocked)).toMatch(/too many attempts to sign in\. Wait \d+ minutes/);
    expect(sessionCookieOf(blocked)).toBeUndefined();
  });

  it('a stranger’s failures lock the account for untrusted clients only: the browser that signed in before still gets in', async () => {
    await createStaff(server.dataDir, { email: 'owner@example.com', name: 'Owner', role: 'agent' });
    const before = await postSignIn(server.url, 'owner@example.com', STAFF_PASSWORD, fromNewClient());
    expect(before.status).toBe(303);
    const device = deviceCookieOf(before) ?? '';

    for (let i = 0; i < PER_ACCOUNT.limit + 2; i++)
      await postSignIn(server.url, 'owner@example.com', `stranger guess ${i}`, fromNewClient());
    const untrusted = await postSignIn(server.url, 'owner@example.com', STAFF_PASSWORD, fromNewClient());
    expect(untrusted.status).toBe(429);
    expect(Number(untrusted.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(sessionCookieOf(untrusted)).toBeUndefined();

    const owner = await postSignIn(server.url, 'owner@example.com', STAFF_PASSWORD, { ...fromNewClient(), Cookie: device });
    expect(owner.status).toBe(303);
    expect((await getAs(server.url, '/staff/', sessionCookieOf(owner))).status).toBe(200);
    const renewed = deviceCookieOf(owner)!;
    expect(renewed).not.toBe(device);
    const db = openServerDatabase(server.dataDir);
    try {
      const stored = JSON.stringify(await db.selectFrom('staff_devices').selectAll().execute());
      for (const cookie of [device, renewed]) expect(stored).not.toContain(cookie.split('=')[1]);
    } finally {
      await db.destroy();
    }

    // Its own typos use up only its own budget, and lock only it.
    for (let i = 0; i < PER_DEVICE.limit; i++)
      expect((await postSignIn(server.url, 'owner@example.com', `my typo ${i}`, { ...fromNewClient(), Cookie: renewed })).status).toBe(401);
    const typist = await postSignIn(server.url, 'owner@example.com', STAFF_PASSWORD, { ...fromNewClient(), Cookie: renewed });
    expect(typist.status).toBe(429);
    expect(Number(typist.headers.get('retry-after'))).toBeGreaterThan(60);
  });

  it(`answers 429 to a client after ${PER_CLIENT.limit} failures across addresses`, async () => {
    const client = fromNewClient();
    for (let i = 0; i < PER_CLIENT.limit; i++) await postSignIn(server.url, `sprayed${i}@example.com`, 'Summer2025!Summer', client);
    const blocked = await postSignIn(server.url, 'someone-else@example.com', 'Summer2025!Summer', client);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await postSignIn(server.url, 'someone-else@example.com', 'Summer2025!Summer', fromNewClient())).status).toBe(401);
  });

  it('records every attempt, with its outcome', async () => {
    const db = openServerDatabase(server.dataDir);
    try {
      const outcomes = await db
        .selectFrom('sign_in_attempts')
        .select('outcome')
        .where('email_normalized', 'in', ['real@example.com', 'ghost@example.com', 'target@example.com'])
        .execute();
      const counted = outcomes.reduce<Record<string, number>>((acc, { outcome }) => ({ ...acc, [outcome]: (acc[outcome] ?? 0) + 1 }), {});
      expect(counted).toEqual({ 'wrong-password': 1 + PER_ACCOUNT.limit, 'unknown-email': 1, throttled: 1 });
    } finally {
      await db.destroy();
    }
  });
});

describe('demo mode', () => {
  it('DEMO=1 creates a demo admin on first run, prints its password once, and it signs in', async () => {
    const demo = await startServer({ env: { DEMO: '1' } });
    try {
      const printed = /email: +(\S+)\n +password: +(\S+)/.exec(demo.output());
      expect(printed, demo.output()).not.toBeNull();
      const [, email, password] = printed!;
      const response = await postSignIn(demo.url, email, password);
      expect(response.status).toBe(303);
      expect(sessionCookieOf(response)).toBeDefined();
    } finally {
      await demo.stop();
    }
  });
});
