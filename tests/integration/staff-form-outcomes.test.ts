// What a staff form post ends in, on every staff page: a change redirects (303) to a page that says what was done;
// a post with problems comes back with its status, its errors in the summary and what was typed.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { createStaff, errorSummary, getAs, postForm, signIn } from '../../harness/staff.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

let admin: string;
let agentId: string;
let reference: string;

beforeAll(async () => {
  await createStaff(dataDir, { email: 'outcomes-admin@example.com', name: 'Outcomes Admin', role: 'admin' });
  ({ id: agentId } = await createStaff(dataDir, { email: 'outcomes-agent@example.com', name: 'Outcomes Agent', role: 'agent' }));
  admin = await signIn(baseUrl, 'outcomes-admin@example.com');
  const response = await postJson(baseUrl, validSupportRequest({ email: 'outcomes-requester@example.com' }));
  ({ reference } = (await response.json()) as { reference: string });
});

/** The text of the page's "done" notice, or '' when it has none. */
async function notice(path: string, cookie?: string): Promise<string> {
  const html = await (await getAs(baseUrl, path, cookie)).text();
  return (/<div class="notice" role="status"[^>]*>\s*<p[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '').replace(/\s+/g, ' ').trim();
}

describe('a post that changes something', () => {
  const DONE: [string, () => string, () => Record<string, string>, RegExp, string][] = [
    ['a ticket', () => `/staff/tickets/${reference}`, () => ({ action: 'status', status: 'waiting' }), /\?done=status$/, 'Status changed.'],
    [
      'an account',
      () => `/staff/admin/accounts/${agentId}`,
      () => ({ action: 'disable' }),
      /\?done=disabled$/,
      'The account is disabled and signed out everywhere.',
    ],
    [
      'the accounts page',
      () => '/staff/admin/accounts',
      () => ({ email: 'added-here@example.com', name: 'Added Here', role: 'agent', password: 'four long unrelated words here' }),
      /^\/staff\/admin\/accounts\?done=added&email=added-here%40example\.com$/,
      'Added an account for added-here@example.com. Give them their password in person or by another channel than email.',
    ],
    [
      'the announcements page',
      () => '/staff/announcements',
      () => ({ action: 'publish', message: 'Outcomes test notice.', icon: 'info', startDate: '', endDate: '', countries: '' }),
      /^\/staff\/announcements\?done=published$/,
      'Announcement published. It reaches every page within a minute.',
    ],
    [
      'the personal data page',
      () => '/staff/admin/personal-data',
      () => ({ action: 'erase', email: 'outcomes-requester@example.com', confirm: 'yes' }),
      /^\/staff\/admin\/personal-data\?done=erased&tickets=HC-[0-9A-Z]{4}-[0-9A-Z]{4}$/,
      'Erased the personal data in 1 ticket: REFERENCE. The tickets remain, anonymised, with an entry in their audit trail.',
    ],
  ];

  it.each(DONE)('on %s redirects (303) to a page that says what was done', async (_, path, fields, location, message) => {
    const response = await postForm(baseUrl, path(), admin, fields());
    expect(response.status).toBe(303);
    const to = response.headers.get('location') ?? '';
    expect(to).toMatch(location);
    expect(await notice(to, admin)).toBe(message.replace('REFERENCE', reference));
    expect(await notice(path(), admin), 'without ?done= the page says nothing').toBe('');
  });

  it('on the staff header: signing out says so on the sign-in page', async () => {
    const response = await postForm(baseUrl, '/staff/logout', await signIn(baseUrl, 'outcomes-admin@example.com'), { action: 'here' });
    expect(response.headers.get('location')).toBe('/staff/login?done=signed-out');
    expect(await notice('/staff/login?done=signed-out')).toBe('You are signed out.');
    expect(await notice('/staff/login?done=signed-out-everywhere')).toBe('You are signed out on every device.');
  });
});

describe('a post with problems', () => {
  it('comes back with its status, each problem in the summary, and what was typed', async () => {
    const response = await postForm(baseUrl, '/staff/admin/accounts', admin, {
      email: 'not-an-address',
      name: 'Kept Name',
      role: 'admin',
      password: 'short',
    });
    expect(response.status).toBe(422);
    const html = await response.clone().text();
    expect(await errorSummary(response)).toBe(
      'There is a problem Enter an email address in the correct format, like name@example.com Password must be 15 characters or more (it has 5). A few unrelated words make a strong one.',
    );
    expect(html).toMatch(/<input id="email" aria-describedby="email-error" value="not-an-address"/);
    expect(html).toMatch(/<input id="name" value="Kept Name"/);
    expect(html).toMatch(/<input type="radio" id="role-admin" name="role" value="admin" checked/);
  });

  it('shows a change to something that is gone as a 404 of the page', async () => {
    const response = await postForm(baseUrl, '/staff/tickets/HC-ZZZZ-ZZZZ', admin, { action: 'assign' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Ticket not found');
  });
});
