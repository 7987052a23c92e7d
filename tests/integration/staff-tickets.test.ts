import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateToLatest } from '../../src/server/db/connection.ts';
import { postJson, validSupportRequest } from '../support/support-requests.ts';
import { seedTickets } from '../../harness/seed-tickets.ts';
import { newServerData, openServerDatabase } from '../../harness/server-database.ts';
import { startServer } from '../../harness/server-process.ts';
import { createStaff, getAs, postForm, signIn } from '../../harness/staff.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

const XSS_NAME = '<script>alert("name")</script>';
const XSS_DESCRIPTION = 'I cannot sign in. <img src=x onerror="alert(1)"> <svg onload=alert(2)>';

async function submit(base: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await postJson(base, validSupportRequest(overrides));
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

describe('what staff see of a submission', () => {
  let cookie: string;
  beforeAll(async () => {
    await createStaff(dataDir, { email: 'reader@example.com', name: 'Reader', role: 'agent' });
    cookie = await signIn(baseUrl, 'reader@example.com');
  });

  it('shows markup from a submission as text, in the inbox and on the ticket', async () => {
    const reference = await submit(baseUrl, { name: XSS_NAME, description: XSS_DESCRIPTION, email: 'xss@example.com' });
    const inbox = await (await getAs(baseUrl, `/staff/?q=xss@example.com`, cookie)).text();
    const ticket = await (await getAs(baseUrl, `/staff/tickets/${reference}`, cookie)).text();
    for (const [name, html] of [
      ['inbox', inbox],
      ['ticket', ticket],
    ]) {
      expect(html, name).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
      expect(html, name).not.toContain('<script>alert');
    }
    expect(ticket).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &lt;svg onload=alert(2)&gt;');
    expect(ticket).not.toMatch(/<img[^>]*onerror/);
    expect(ticket).not.toMatch(/<svg/);
  });

  it('shows a note with markup as text too', async () => {
    const reference = await submit(baseUrl);
    expect(
      (await postForm(baseUrl, `/staff/tickets/${reference}`, cookie, { action: 'note', note: '<b onmouseover=alert(3)>hi</b>' })).status,
    ).toBe(303);
    const ticket = await (await getAs(baseUrl, `/staff/tickets/${reference}`, cookie)).text();
    expect(ticket).toContain('&lt;b onmouseover=alert(3)&gt;hi&lt;/b&gt;');
  });

  it('finds a ticket by reference prefix and by any of its addresses, in any case', async () => {
    const reference = await submit(baseUrl, { email: 'Finder@Example.com', accountEmails: ['old-login@example.com'] });
    for (const q of [reference.slice(0, 7).toLowerCase(), 'finder@example.com', 'OLD-LOGIN@example.com']) {
      const html = await (await getAs(baseUrl, `/staff/?q=${encodeURIComponent(q)}`, cookie)).text();
      expect(html, q).toContain(`/staff/tickets/${reference}`);
    }
    const json = (await (await getAs(baseUrl, '/api/staff/tickets?q=finder%40example.com', cookie)).json()) as {
      tickets: { reference: string }[];
    };
    expect(json.tickets.map((t) => t.reference)).toEqual([reference]);
  });

  it('answers 404 for a reference that does not exist', async () => {
    expect((await getAs(baseUrl, '/staff/tickets/HC-ZZZZ-ZZZZ', cookie)).status).toBe(404);
    expect((await getAs(baseUrl, '/staff/tickets/not-a-reference', cookie)).status).toBe(404);
  });
});

describe('the addresses from before "escalation" became "ticket"', () => {
  let cookie: string;
  beforeAll(async () => {
    await createStaff(dataDir, { email: 'bookmarks@example.com', name: 'Bookmarks', role: 'agent' });
    cookie = await signIn(baseUrl, 'bookmarks@example.com');
  });
  const send = (method: string, path: string, init: RequestInit = {}) =>
    fetch(new URL(path, baseUrl), { method, redirect: 'manual', ...init, headers: { Cookie: cookie, ...init.headers } });

  it('send a ticket page on for good (301 for GET and HEAD), with the query string', async () => {
    const reference = await submit(baseUrl);
    for (const method of ['GET', 'HEAD']) {
      const moved = await send(method, `/staff/escalations/${reference}?done=note`);
      expect([method, moved.status, moved.headers.get('location')]).toEqual([method, 301, `/staff/tickets/${reference}?done=note`]);
    }
    const followed = await send('GET', `/staff/escalations/${reference}`, { redirect: 'follow' });
    expect(followed.url).toBe(new URL(`/staff/tickets/${reference}`, baseUrl).href);
    expect(await followed.text()).toContain(`<h1>Ticket ${reference}`);
  });

  it('send a form post on with 308, so the browser posts it again at the new address and nothing is lost', async () => {
    const reference = await submit(baseUrl);
    const post = (redirect: RequestRedirect) =>
      send('POST', `/staff/escalations/${reference}`, {
        redirect,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: baseUrl },
        body: new URLSearchParams({ action: 'note', note: 'Posted to the old address.' }).toString(),
      });
    const moved = await post('manual');
    expect([moved.status, moved.headers.get('location')]).toEqual([308, `/staff/tickets/${reference}`]);
    const followed = await post('follow');
    expect(followed.url).toBe(new URL(`/staff/tickets/${reference}?done=note`, baseUrl).href);
    expect((await followed.text()).match(/Posted to the old address\./g)).toHaveLength(1);
  });

  it('send the inbox API on, with its query', async () => {
    const moved = await send('GET', '/api/staff/escalations?status=new&q=a%40example.com');
    expect([moved.status, moved.headers.get('location')]).toEqual([301, '/api/staff/tickets?status=new&q=a%40example.com']);
    const followed = await send('GET', '/api/staff/escalations?status=spam', { redirect: 'follow' });
    expect(Object.keys(await followed.json())).toContain('tickets');
  });
});

describe('keeping changes', () => {
  let ownData: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dataDir: ownData, remove } = await newServerData()));
  afterAll(() => remove());

  it('a status change, assignment and note survive a restart, with their audit trail', async () => {
    const first = await startServer({ dataDir: ownData });
    let reference: string;
    try {
      const keeper = await createStaff(ownData, { email: 'keeper@example.com', name: 'Kim Keeper', role: 'agent' });
      const cookie = await signIn(first.url, 'keeper@example.com');
      reference = await submit(first.url);
      const changes: Record<string, string>[] = [
        { action: 'status', status: 'resolved' },
        { action: 'assign', assignee: keeper.id },
        { action: 'note', note: 'Sent a new reset link.' },
      ];
      for (const fields of changes) {
        const response = await postForm(first.url, `/staff/tickets/${reference}`, cookie, fields);
        expect(response.status, fields.action).toBe(303);
      }
    } finally {
      await first.stop();
    }
    const second = await startServer({ dataDir: ownData });
    try {
      const cookie = await signIn(second.url, 'keeper@example.com');
      const html = await (await getAs(second.url, `/staff/tickets/${reference}`, cookie)).text();
      expect(html).toContain('<strong class="status-tag status-resolved">Resolved</strong>');
      expect(html).toContain('Sent a new reset link.');
      expect(html).toContain('Kim Keeper changed the status from New to Resolved');
      expect(html).toContain('Kim Keeper assigned the ticket to themselves');
      expect(html).toContain('Kim Keeper added an internal note');
    } finally {
      await second.stop();
    }
  });

  it('the retention schedule anonymises long-closed tickets when the server starts', async () => {
    const retention = await newServerData();
    const retentionData = retention.dataDir;
    const db = openServerDatabase(retentionData);
    let tickets;
    try {
      await migrateToLatest(db);
      tickets = await seedTickets(db, {
        count: 2,
        status: () => 'resolved',
        closedAt: (i) => (i === 0 ? '2020-01-01T00:00:00.000Z' : new Date().toISOString()),
      });
    } finally {
      await db.destroy();
    }
    const server = await startServer({ dataDir: retentionData, env: { TICKET_RETENTION_DAYS: '30' } });
    try {
      await createStaff(retentionData, { email: 'dpo@example.com', name: 'Dee Pio', role: 'admin' });
      const cookie = await signIn(server.url, 'dpo@example.com');
      await expect
        .poll(async () =>
          (await (await getAs(server.url, `/staff/tickets/${tickets[0].reference}`, cookie)).text()).includes('was anonymised'),
        )
        .toBe(true);
      const kept = await (await getAs(server.url, `/staff/tickets/${tickets[1].reference}`, cookie)).text();
      expect(kept).not.toContain('was anonymised');
      expect(kept).toContain('Requester 1');
    } finally {
      await server.stop();
      await retention.remove();
    }
  });
});
