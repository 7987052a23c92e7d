// The database answers reads but refuses writes (read-only files, a full disk, a server in read-only mode): every
// write says so with a 503 a person can read, reading still works, and the health check reports it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postForm as postContactForm, postJson, validSupportRequest, validFormFields } from '../support/support-requests.ts';
import { postEvents, postFeedbackForm } from '../support/insights.ts';
import { serveReadOnly } from '../support/read-only-database.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';
import { newServerData, openServerDatabase } from '../../harness/server-database.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { createStaff, getAs, postForm, postSignIn, signIn, STAFF_PASSWORD } from '../../harness/staff.ts';

const SAYS_WHAT_HAPPENED =
  /its database cannot be written to \(its disk may be full, read-only or failing\), so what you sent was not saved/;

let data: Awaited<ReturnType<typeof newServerData>>;
let server: ServerProcess;
let cookie: string;
let reference: string;

beforeAll(async () => {
  data = await newServerData();
  // Staff, a session and a ticket while the database still takes writes.
  const writable = await startServer({ dataDir: data.dataDir });
  try {
    await createStaff(data.dataDir, { email: 'stuck@example.com', name: 'Stuck Admin', role: 'admin' });
    cookie = await signIn(writable.url, 'stuck@example.com');
    ({ reference } = (await (await postJson(writable.url, validSupportRequest())).json()) as { reference: string });
  } finally {
    await writable.stop();
  }
  // With the rate limits on, as in production: on PostgreSQL they are counted in the database too.
  server = await serveReadOnly(data.dataDir, { ESCALATION_RATE_LIMIT: '10', FEEDBACK_RATE_LIMIT: '20', EVENT_RATE_LIMIT: '30' });
});
afterAll(async () => {
  await server?.stop();
  await data?.remove();
});

/** The text a person sees on the page. */
async function pageText(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toMatch(/^text\/html\b/);
  return (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('a database that cannot be written', () => {
  it('health answers 503 and says read-only', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', database: 'read-only' });
  });

  it('staff can still read the inbox and tickets', async () => {
    expect((await getAs(server.url, '/staff/', cookie)).status).toBe(200);
    const ticket = await getAs(server.url, `/staff/tickets/${reference}`, cookie);
    expect(ticket.status).toBe(200);
    expect(await ticket.text()).toContain(reference);
  });

  it('signing in answers 503 with a page that says what happened', async () => {
    const response = await postSignIn(server.url, 'stuck@example.com', STAFF_PASSWORD);
    expect(response.status).toBe(503);
    const text = await pageText(response);
    expect(text).toContain('Changes cannot be saved');
    expect(text).toMatch(SAYS_WHAT_HAPPENED);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('adding a note answers 503 with a page that says what happened, and nothing is stored', async () => {
    const response = await postForm(server.url, `/staff/tickets/${reference}`, cookie, { action: 'note', note: 'Called them.' });
    expect(response.status).toBe(503);
    expect(await pageText(response)).toMatch(SAYS_WHAT_HAPPENED);
    const db = openServerDatabase(data.dataDir);
    try {
      expect(await db.selectFrom('ticket_notes').selectAll().execute()).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('publishing an announcement answers 503 with a page that says what happened', async () => {
    const response = await postForm(server.url, '/staff/announcements', cookie, {
      action: 'publish',
      message: 'Payouts are delayed.',
      icon: 'warning',
      startDate: '',
      endDate: '',
      countries: '',
    });
    expect(response.status).toBe(503);
    expect(await pageText(response)).toMatch(SAYS_WHAT_HAPPENED);
  });

  it('a request sent to the API answers 503 saying what happened, not "try again in a moment"', async () => {
    const response = await postJson(server.url, validSupportRequest());
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBeNull();
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('database-read-only');
    expect(body.message).toMatch(SAYS_WHAT_HAPPENED);
  });

  it('the contact form shows the form again, with what the reader typed and what happened', async () => {
    const response = await postContactForm(server.url, validFormFields());
    expect(response.status).toBe(503);
    expect(await pageText(response.clone())).toMatch(SAYS_WHAT_HAPPENED);
    expect(await response.text()).toContain('value="grace@example.com"');
  });

  it('an article vote shows the thank-you page saying what happened', async () => {
    const response = await postFeedbackForm(server.url, [
      ['article', KNOWN_ARTICLE.slug],
      ['helpful', 'yes'],
    ]);
    expect(response.status).toBe(503);
    expect(await pageText(response)).toMatch(SAYS_WHAT_HAPPENED);
  });

  it('reader events answer 503 saying what happened', async () => {
    const response = await postEvents(server.url, { events: [{ type: 'search', query: 'refund', results: 2 }] });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { message: string }).message).toMatch(SAYS_WHAT_HAPPENED);
  });

  it('never answers 500, and tells the operator why in the log', () => {
    expect(server.output()).toMatch(/POST \/staff\/login: database cannot be written \(/);
    expect(server.output()).toMatch(/health: the database cannot be written \(/);
    expect(server.output()).not.toMatch(/\b500\b|Unhandled|TypeError/);
  });
});
