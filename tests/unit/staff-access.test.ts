import { describe, expect, it } from 'vitest';
import type { SignedInStaff } from '../../src/server/auth/lucia.ts';
import { denial, requireStaff, safeReturnPath, staffArea } from '../../src/server/staff/access.ts';
import { inboxHref, parseInboxQuery } from '../../src/server/staff/inbox-query.ts';
import { staffSettings } from '../../src/server/settings.ts';

describe('staff area', () => {
  it('knows the staff pages, the staff APIs and their admin parts; everything else is public', () => {
    expect(staffArea('/staff/')).toEqual({ access: 'staff', api: false });
    expect(staffArea('/staff/tickets/HC-AAAA-BBBB')).toEqual({ access: 'staff', api: false });
    expect(staffArea('/staff/login')).toEqual({ access: 'anyone', api: false });
    expect(staffArea('/staff/logout/')).toEqual({ access: 'anyone', api: false });
    expect(staffArea('/staff/admin/accounts')).toEqual({ access: 'admin', api: false });
    expect(staffArea('/api/staff/tickets')).toEqual({ access: 'staff', api: true });
    expect(staffArea('/api/staff/admin/personal-data/export')).toEqual({ access: 'admin', api: true });
    for (const path of ['/', '/staffing/', '/articles/staff/', '/api/escalations', '/api/staffing'])
      expect(staffArea(path), path).toBeUndefined();
  });

  it('sees through other spellings of a staff path', () => {
    for (const path of ['/STAFF/', '//staff//admin/accounts', '/%73taff/', '/staff%2Fadmin%2Faccounts', '/Api/Staff/Tickets']) {
      expect(staffArea(path), path).toBeDefined();
    }
    expect(staffArea('/staff%2Fadmin%2Faccounts')?.access).toBe('admin');
    expect(staffArea('/staff/LOGIN')?.access).toBe('anyone');
  });

  it('sends people without a session to sign in, and agents away from admin paths', () => {
    const page = { access: 'staff', api: false } as const;
    const admin = { access: 'admin', api: false } as const;
    const open = { access: 'anyone', api: false } as const;
    expect([denial(page, undefined), denial(page, 'agent'), denial(page, 'admin')]).toEqual(['sign-in', undefined, undefined]);
    expect([denial(admin, undefined), denial(admin, 'agent'), denial(admin, 'admin')]).toEqual(['sign-in', 'forbidden', undefined]);
    expect(denial(open, undefined)).toBeUndefined();
  });

  it('returns to staff pages only after sign-in', () => {
    expect(safeReturnPath('/staff/tickets/HC-AAAA-BBBB')).toBe('/staff/tickets/HC-AAAA-BBBB');
    expect(safeReturnPath('/staff/?status=open')).toBe('/staff/?status=open');
    for (const next of [
      null,
      '',
      'https://evil.example/staff/',
      '//evil.example/staff',
      '/\\evil.example',
      '/staffing',
      '/staff/login',
      '/articles/',
    ]) {
      expect(safeReturnPath(next), String(next)).toBe('/staff/');
    }
  });
});

describe('a staff route checking for itself', () => {
  const agent: SignedInStaff = { id: 'a', email: 'agent@example.com', name: 'Agent', role: 'agent', sessionId: 's' };
  const admin: SignedInStaff = { ...agent, id: 'b', role: 'admin' };
  /** A route's context as if the middleware had not run: `rewrite` shows which page would be rendered instead. */
  const reach = (path: string, staff: SignedInStaff | undefined, access: 'staff' | 'admin', method = 'GET') => {
    const url = new URL(path, 'http://help.example');
    const rewrite = async (to: string | URL | Request) => new Response(`rendered ${String(to)}`, { status: 403 });
    return requireStaff({ locals: { staff }, request: new Request(url, { method }), url, rewrite }, access);
  };

  it('answers as the middleware does: sign in first (coming back after a GET), or the forbidden page', async () => {
    const signIn = (await reach('/staff/tickets/HC-AAAA-BBBB?x=1', undefined, 'staff')) as Response;
    expect([signIn.status, signIn.headers.get('location')]).toEqual([303, '/staff/login?next=%2Fstaff%2Ftickets%2FHC-AAAA-BBBB%3Fx%3D1']);
    const posted = (await reach('/staff/announcements', undefined, 'staff', 'POST')) as Response;
    expect([posted.status, posted.headers.get('location')]).toEqual([303, '/staff/login']);
    const forbidden = (await reach('/staff/admin/accounts', agent, 'admin')) as Response;
    expect([forbidden.status, await forbidden.text()]).toEqual([403, 'rendered /staff/forbidden']);
  });

  it('answers JSON on staff APIs: 401 without a session, 403 for an agent on an admin endpoint', async () => {
    const unsigned = (await reach('/api/staff/tickets', undefined, 'staff')) as Response;
    expect([unsigned.status, await unsigned.json()]).toEqual([401, { error: 'unauthorized', message: 'Sign in at /staff/login first.' }]);
    const agentOnAdmin = (await reach('/api/staff/admin/personal-data/export', agent, 'admin', 'POST')) as Response;
    expect([agentOnAdmin.status, await agentOnAdmin.json()]).toEqual([403, { error: 'forbidden', message: 'Only admins may do this.' }]);
  });

  it('hands over the staff member the route may serve', async () => {
    expect(await reach('/staff/', agent, 'staff')).toBe(agent);
    expect(await reach('/staff/admin/accounts', admin, 'admin')).toBe(admin);
  });
});

describe('inbox query', () => {
  it('reads status, search and cursor from the address', () => {
    const query = parseInboxQuery(new URLSearchParams('status=open&q= Ada@Example.COM &after=2025-01-01T00:00:00.000Z_HC-AAAA-BBBB'));
    expect(query).toEqual({
      status: 'open',
      needsReply: false,
      sort: 'received',
      q: 'Ada@Example.COM',
      filter: { status: 'open', email: 'ada@example.com' },
      position: { after: { at: '2025-01-01T00:00:00.000Z', reference: 'HC-AAAA-BBBB' }, before: undefined },
      searchError: undefined,
    });
  });

  it('turns anything reference-like into a prefix, other words into a full-text search, and says when it is neither', () => {
    const filter = (q: string) => parseInboxQuery(new URLSearchParams({ q })).filter;
    expect(filter('hc-7kq2').referencePrefix).toBe('HC-7KQ2');
    expect(filter('HC7KQ2M9').referencePrefix).toBe('HC-7KQ2-M9');
    expect(filter('7kq').referencePrefix).toBe('HC-7KQ');
    expect(filter('password reset')).toEqual({ text: 'password reset' });
    expect(filter('phone')).toEqual({ text: 'phone' });
    expect(parseInboxQuery(new URLSearchParams({ q: '“…”!' })).searchError).toMatch(/^Enter a reference/);
  });

  it('reads the needs-our-reply filter and the last-activity order, and writes them back', () => {
    const query = parseInboxQuery(new URLSearchParams('needs=reply&sort=activity'));
    expect([query.needsReply, query.sort, query.filter.awaitingUs]).toEqual([true, 'activity', true]);
    expect(inboxHref({ needsReply: true, sort: 'activity' })).toBe('/staff/?needs=reply&sort=activity');
  });

  it('ignores unknown statuses and malformed cursors', () => {
    const query = parseInboxQuery(new URLSearchParams('status=deleted&after=yesterday&before=2025-01-01_HC-1'));
    expect(query.status).toBeUndefined();
    expect(query.position).toEqual({ after: undefined, before: undefined });
  });

  it('writes links that read back the same', () => {
    const href = inboxHref({
      status: 'waiting',
      q: 'a@b.co',
      before: { at: '2025-01-01T00:00:00.000Z', reference: 'HC-AAAA-BBBB' },
    });
    const query = parseInboxQuery(new URL(href, 'http://x').searchParams);
    expect([query.status, query.q, query.position.before?.reference]).toEqual(['waiting', 'a@b.co', 'HC-AAAA-BBBB']);
    expect(inboxHref({})).toBe('/staff/');
  });
});

describe('staff settings', () => {
  it('defaults: cookie not Secure over http, retention a year, no demo', () => {
    expect(staffSettings({})).toEqual({
      cookieSecure: false,
      publicOrigin: undefined,
      trustedProxyHops: 0,
      ticketRetentionDays: 365,
      demo: false,
    });
  });

  it('makes the cookie Secure when the site is https, or when told', () => {
    expect(staffSettings({ SITE_URL: 'https://help.example.com' }).cookieSecure).toBe(true);
    expect(staffSettings({ SESSION_COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    expect(staffSettings({ SESSION_COOKIE_SECURE: '0', SITE_URL: 'http://localhost:4321' }).cookieSecure).toBe(false);
  });

  it('names the variable when a value is wrong, and refuses a cookie without Secure on an https site', () => {
    expect(() => staffSettings({ SESSION_COOKIE_SECURE: 'yes' })).toThrow(
      'SESSION_COOKIE_SECURE must be "true" or "false" (or 1 or 0) (got "yes")',
    );
    expect(() => staffSettings({ SESSION_COOKIE_SECURE: 'false', SITE_URL: 'https://help.example.com' })).toThrow(
      /^SESSION_COOKIE_SECURE=false would let the staff session cookie travel over plain http/,
    );
    expect(() => staffSettings({ TICKET_RETENTION_DAYS: 'forever' })).toThrow(
      'TICKET_RETENTION_DAYS must be a whole number, 0 or more (got "forever")',
    );
    expect(() => staffSettings({ DEMO: 'please' })).toThrow(/^DEMO must be "true" or "false"/);
    expect(staffSettings({ TICKET_RETENTION_DAYS: '30', DEMO: '1' })).toMatchObject({ ticketRetentionDays: 30, demo: true });
  });
});
