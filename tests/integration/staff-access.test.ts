import { beforeAll, describe, expect, inject, it } from 'vitest';
import { hashToken } from '../../src/server/auth/token-hash.ts';
import { openServerDatabase } from '../../harness/server-database.ts';
import { SECURITY_HEADERS } from '../../src/server/http/server.ts';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { createStaff, getAs, postForm, signIn } from '../../harness/staff.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

let reference: string;
let agent: string;
let admin: string;

beforeAll(async () => {
  await createStaff(dataDir, { email: 'access-agent@example.com', name: 'Access Agent', role: 'agent' });
  await createStaff(dataDir, { email: 'access-admin@example.com', name: 'Access Admin', role: 'admin' });
  agent = await signIn(baseUrl, 'access-agent@example.com');
  admin = await signIn(baseUrl, 'access-admin@example.com');
  const response = await postJson(baseUrl, validSupportRequest({ name: 'Private Person', email: 'private.person@example.com' }));
  ({ reference } = (await response.json()) as { reference: string });
});

const STAFF_PAGES = () => [
  '/staff/',
  `/staff/tickets/${reference}`,
  '/staff/account',
  '/staff/admin/accounts',
  '/staff/admin/personal-data',
];

describe('without a session', () => {
  it('every staff page redirects to sign-in and shows no data', async () => {
    for (const path of STAFF_PAGES()) {
      const response = await getAs(baseUrl, path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe(`/staff/login?next=${encodeURIComponent(path)}`);
      const body = await response.text();
      expect(body, path).not.toContain(reference);
      expect(body, path).not.toContain('Private Person');
    }
  });

  it('staff APIs answer 401 in JSON', async () => {
    const inbox = await getAs(baseUrl, '/api/staff/tickets');
    expect(inbox.status).toBe(401);
    expect(await inbox.json()).toEqual({ error: 'unauthorized', message: 'Sign in at /staff/login first.' });
    const exported = await postForm(baseUrl, '/api/staff/admin/personal-data/export', undefined, { email: 'private.person@example.com' });
    expect(exported.status).toBe(401);
  });

  it('a forged or stale cookie is no session', async () => {
    const response = await getAs(baseUrl, '/staff/', 'signpost_staff=forgedforgedforgedforgedforgedforgedforg');
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie()).toEqual(['signpost_staff=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax']);
  });

  it('state changes are refused, even same-origin', async () => {
    const response = await postForm(baseUrl, `/staff/tickets/${reference}`, undefined, { action: 'status', status: 'spam' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/staff/login');
    const page = await getAs(baseUrl, `/staff/tickets/${reference}`, agent);
    expect(await page.text()).toContain('status-new');
  });
});

describe('signing out', () => {
  it('ends the session: the old cookie is rejected afterwards', async () => {
    const cookie = await signIn(baseUrl, 'access-agent@example.com');
    expect((await getAs(baseUrl, '/staff/', cookie)).status).toBe(200);
    const out = await postForm(baseUrl, '/staff/logout', cookie, { action: 'here' });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/staff/login?done=signed-out');
    expect(out.headers.getSetCookie()).toEqual(['signpost_staff=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax']);
    const reused = await getAs(baseUrl, '/staff/', cookie);
    expect(reused.status).toBe(303);
    expect(reused.headers.get('location')).toMatch(/^\/staff\/login/);
    expect((await getAs(baseUrl, '/api/staff/tickets', cookie)).status).toBe(401);
  });

  it('only by POST', async () => {
    const response = await getAs(baseUrl, '/staff/logout', admin);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect((await getAs(baseUrl, '/staff/', admin)).status).toBe(200);
  });

  it('everywhere: every session of the account ends', async () => {
    const [laptop, phone] = [await signIn(baseUrl, 'access-agent@example.com'), await signIn(baseUrl, 'access-agent@example.com')];
    expect((await postForm(baseUrl, '/staff/logout', laptop, { action: 'everywhere' })).headers.get('location')).toBe(
      '/staff/login?done=signed-out-everywhere',
    );
    expect((await getAs(baseUrl, '/staff/', phone)).status).toBe(303);
    agent = await signIn(baseUrl, 'access-agent@example.com');
  });

  it('a new session at every sign-in: the cookie changes', async () => {
    const first = await signIn(baseUrl, 'access-admin@example.com');
    const second = await signIn(baseUrl, 'access-admin@example.com');
    expect(second).not.toBe(first);
  });
});

describe('sessions', () => {
  it('are stored as hashes only, and slide: a session past half its life is extended and its cookie sent again', async () => {
    const cookie = await signIn(baseUrl, 'access-agent@example.com');
    const id = cookie.split('=')[1];
    const db = openServerDatabase(dataDir);
    try {
      const rows = await db.selectFrom('staff_sessions').selectAll().execute();
      expect(rows.some((row) => row.id_hash === hashToken(id))).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(id);

      // Unchanged while more than half is left: no new cookie.
      expect((await getAs(baseUrl, '/staff/', cookie)).headers.getSetCookie()).toEqual([]);
      const soon = new Date(Date.now() + 60 * 60 * 1000).toISOString();
      await db.updateTable('staff_sessions').set({ expires_at: soon }).where('id_hash', '=', hashToken(id)).execute();
      const extended = await getAs(baseUrl, '/staff/', cookie);
      expect(extended.status).toBe(200);
      expect(extended.headers.getSetCookie()).toEqual([`${cookie}; Max-Age=43200; Path=/; HttpOnly; SameSite=Lax`]);
      const row = await db.selectFrom('staff_sessions').select('expires_at').where('id_hash', '=', hashToken(id)).executeTakeFirstOrThrow();
      expect(Date.parse(row.expires_at)).toBeGreaterThan(Date.now() + 11 * 60 * 60 * 1000);
    } finally {
      await db.destroy();
    }
  });
});

describe('agents and admins', () => {
  it('agents work the inbox; admin pages and APIs answer them 403', async () => {
    expect((await getAs(baseUrl, '/staff/', agent)).status).toBe(200);
    for (const path of ['/staff/admin/accounts', '/staff/admin/personal-data']) {
      const response = await getAs(baseUrl, path, agent);
      expect(response.status, path).toBe(403);
      expect(await response.text(), path).toContain('Only admins can use this page');
    }
    const exported = await postForm(baseUrl, '/api/staff/admin/personal-data/export', agent, { email: 'private.person@example.com' });
    expect(exported.status).toBe(403);
    expect(await exported.text()).not.toContain('Private Person');
    const added = await postForm(baseUrl, '/staff/admin/accounts', agent, {
      email: 'sneaky@example.com',
      name: 'Sneaky',
      role: 'admin',
      password: 'a very long sneaky password',
    });
    expect(added.status).toBe(403);
  });

  it('admins reach them', async () => {
    for (const path of ['/staff/admin/accounts', '/staff/admin/personal-data'])
      expect((await getAs(baseUrl, path, admin)).status, path).toBe(200);
    const exported = await postForm(baseUrl, '/api/staff/admin/personal-data/export', admin, { email: 'Private.Person@example.com' });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="personal-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = (await exported.json()) as { tickets: { reference: string; name: string }[] };
    expect(data.tickets.map((t) => [t.reference, t.name])).toEqual([[reference, 'Private Person']]);
  });

  it('an admin adds an account in the browser; it signs in', async () => {
    const response = await postForm(baseUrl, '/staff/admin/accounts', admin, {
      email: 'browser-added@example.com',
      name: 'Browser Added',
      role: 'agent',
      password: 'added through the admin page',
    });
    expect(response.status).toBe(303);
    expect(await signIn(baseUrl, 'browser-added@example.com', 'added through the admin page')).toMatch(/^signpost_staff=/);
  });
});

describe('cross-site requests', () => {
  it('a state change from another origin is refused (403), as a form and as JSON', async () => {
    const form = await postForm(
      baseUrl,
      `/staff/tickets/${reference}`,
      agent,
      { action: 'status', status: 'spam' },
      { Origin: 'https://evil.example' },
    );
    expect(form.status).toBe(403);
    const json = await fetch(`${baseUrl}/staff/tickets/${reference}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example', Cookie: agent },
      body: JSON.stringify({ action: 'status', status: 'spam' }),
    });
    expect(json.status).toBe(403);
    const logout = await postForm(baseUrl, '/staff/logout', agent, { action: 'here' }, { Origin: 'https://evil.example' });
    expect(logout.status).toBe(403);
    const login = await postForm(
      baseUrl,
      '/staff/login',
      undefined,
      { email: 'access-agent@example.com', password: 'x' },
      { Origin: 'null' },
    );
    expect(login.status).toBe(403);
    expect(await (await getAs(baseUrl, `/staff/tickets/${reference}`, agent)).text()).toContain('status-new');
    expect((await getAs(baseUrl, '/staff/', agent)).status).toBe(200); // the session survived
  });
});

describe('headers', () => {
  const expectSecurityHeaders = (response: Response, what: string) => {
    for (const name of ['X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options', 'Permissions-Policy']) {
      expect(response.headers.get(name), `${name} on ${what}`).toBe(SECURITY_HEADERS[name]);
    }
  };

  it('a prerendered page and a static file: the security headers, frame-ancestors, no session cookie', async () => {
    for (const path of ['/', '/favicon.svg', '/pagefind/en/pagefind.js']) {
      const response = await getAs(baseUrl, path, agent);
      expect(response.status, path).toBe(200);
      expectSecurityHeaders(response, path);
      // A page's own policy arrives as a header too (tests/integration/delivery.test.ts), frame-ancestors with it.
      const policy = path === '/' ? /^default-src 'self';.*; frame-ancestors 'none'$/ : /^frame-ancestors 'none'$/;
      expect(response.headers.get('content-security-policy'), path).toMatch(policy);
      expect(response.headers.getSetCookie(), path).toEqual([]);
    }
  });

  it('staff pages: no-store, a script policy without unsafe-inline, frame-ancestors none', async () => {
    for (const path of ['/staff/login', '/staff/', `/staff/tickets/${reference}`]) {
      // The sign-in page is seen signed out (signed in, it sends people on to the inbox).
      const response = await getAs(baseUrl, path, path === '/staff/login' ? undefined : agent);
      expect(response.status, path).toBe(200);
      expectSecurityHeaders(response, path);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy, path).toMatch(/script-src 'self'/);
      expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy, path).toMatch(/(^|[;,] *)frame-ancestors 'none'/);
    }
  });

  it('staff APIs and redirects: no-store and the security headers', async () => {
    for (const [path, cookie, status] of [
      ['/api/staff/tickets', agent, 200],
      ['/api/staff/tickets', undefined, 401],
      ['/staff/', undefined, 303],
    ] as const) {
      const response = await getAs(baseUrl, path, cookie);
      expect(response.status, path).toBe(status);
      expectSecurityHeaders(response, path);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    }
  });
});
