import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { site } from '../../src/site.config.ts';
import { projectRoot } from '../../harness/project-copy.ts';
import { postForm, storedRows, validFormFields } from '../support/support-requests.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

const hidden = (html: string, name: string) => new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1];

describe('/contact/ without JavaScript', () => {
  it('renders on demand: a plain form with its own idempotency key and start time per visit', async () => {
    const [a, b] = await Promise.all([fetch(`${baseUrl}/contact/`), fetch(`${baseUrl}/contact/`)]);
    expect(a.status).toBe(200);
    expect(a.headers.get('cache-control')).toBe('no-store');
    const [first, second] = [await a.text(), await b.text()];
    // The plain form posts to the page itself, so errors show at its own address.
    expect(first).toMatch(/<form class="form-layout" method="post" action="\/contact\/" enctype="multipart\/form-data" novalidate>/);
    expect(hidden(first, 'idempotencyKey')).toMatch(/^[0-9a-f-]{36}$/);
    expect(hidden(first, 'idempotencyKey')).not.toBe(hidden(second, 'idempotencyKey'));
    expect(Number(hidden(first, 'startedAt'))).toBeGreaterThan(Date.now() - 60_000);
    for (const topic of site.topics) expect(first).toContain(`value="${topic.id}"`);
    expect(first.match(/<button type="submit"/g)).toHaveLength(2); // the site search's button and ours
    expect(existsSync(join(projectRoot, 'dist/client/contact/index.html'))).toBe(false);
  });

  it('labels every field and wires hints with aria-describedby', async () => {
    const html = await (await fetch(`${baseUrl}/contact/`)).text();
    const form = html.slice(html.indexOf('<form class="form-layout"'));
    for (const [, id] of form.matchAll(/<(?:input|textarea)[^>]*\sid="([^"]+)"/g)) expect(form, id).toContain(`for="${id}"`);
    expect(form).toContain('aria-describedby="contact-email-hint"');
  });

  it('keeps the rest of the site prerendered', () => {
    // (The search page is rendered on demand too: it lists results without JavaScript.)
    for (const page of ['index.html', 'troubleshoot/index.html', 'categories/account-access/index.html']) {
      expect(existsSync(join(projectRoot, 'dist/client', page)), page).toBe(true);
    }
  });

  it('preselects a topic named in the address', async () => {
    const html = await (await fetch(`${baseUrl}/contact/?topic=two-step`)).text();
    expect(html).toMatch(/<input type="radio" id="contact-topic-two-step" name="topic" value="two-step" checked/);
  });

  it('answers a valid post with 303 to the confirmation page, which shows the reference', async () => {
    const response = await postForm(baseUrl, validFormFields());
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    const reference = /^\/contact\/sent\/\?ref=(HC-[0-9A-Z]{4}-[0-9A-Z]{4})$/.exec(location)?.[1];
    expect(reference).toBeDefined();
    const page = await fetch(new URL(location, baseUrl));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(reference);
    expect(html).toContain('What happens next');
    const row = (await storedRows(dataDir)).tickets.find((e) => e.reference === reference);
    expect(row).toMatchObject({
      status: 'new',
      contact_email: 'grace@example.com',
      account_emails: '["grace@navy.example"]',
      transcript: null,
    });
  });

  it('sends a resubmitted form (same key, same fields) to the same reference', async () => {
    const fields = validFormFields();
    const [a, b] = await Promise.all([postForm(baseUrl, fields), postForm(baseUrl, fields)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.get('location')).toBe(b.headers.get('location'));
  });

  it('shows the form again (422) with the input kept, an error summary and each error by its field', async () => {
    const fields = validFormFields().map(([name, value]): [string, string] => {
      if (name === 'email') return [name, 'grace<at>example'];
      if (name === 'description') return [name, 'Too short'];
      return [name, value];
    });
    const response = await postForm(
      baseUrl,
      fields.filter(([name]) => name !== 'consent'),
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/<title>Error: Contact support/);
    const summary = /<div class="error-summary"[^>]*>(.*?)<\/div><\/div>/.exec(html)?.[1] ?? '';
    expect(summary).toContain('role="alert"');
    expect([...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(['contact-email', 'contact-description', 'contact-consent']);
    expect(html).toContain('value="grace&lt;at>example"');
    expect(html).toContain('>Too short</textarea>');
    expect(html).toContain('aria-describedby="contact-email-hint contact-email-error"');
    expect(html).toMatch(
      /<p class="error-message" id="contact-email-error"><span class="sr-only">Error:<\/span> Enter your email address in the correct format/,
    );
    // The same key and start time, so correcting and resending stays one request and is not "too fast".
    expect(hidden(html, 'idempotencyKey')).toBe(fields.find(([n]) => n === 'idempotencyKey')![1]);
    expect(hidden(html, 'startedAt')).toBe(fields.find(([n]) => n === 'startedAt')![1]);
  });

  it('explains when a sent form comes back changed, with a fresh key to send it as a new request', async () => {
    const fields = validFormFields();
    expect((await postForm(baseUrl, fields)).status).toBe(303);
    const changed = fields.map(([n, v]): [string, string] => [n, n === 'description' ? `${v} And one more thing.` : v]);
    const response = await postForm(baseUrl, changed);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('This form was already sent');
    expect(hidden(html, 'idempotencyKey')).not.toBe(fields.find(([n]) => n === 'idempotencyKey')![1]);
  });

  it('stores a post without the start time as spam but answers like success', async () => {
    const response = await postForm(
      baseUrl,
      validFormFields().filter(([name]) => name !== 'startedAt'),
    );
    expect(response.status).toBe(303);
    const reference = new URL(response.headers.get('location')!, baseUrl).searchParams.get('ref');
    const row = (await storedRows(dataDir)).tickets.find((e) => e.reference === reference);
    expect(row).toMatchObject({ status: 'spam', spam_reason: 'no-start-time' });
  });

  it('rejects a form posted from another site (403)', async () => {
    const response = await postForm(baseUrl, validFormFields(), { Origin: 'https://attacker.example' });
    expect(response.status).toBe(403);
  });

  it('takes only the form: JSON goes to the API, other methods are refused', async () => {
    const json = await fetch(`${baseUrl}/contact/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl },
      body: JSON.stringify({ email: 'ada@example.com' }),
    });
    expect(json.status).toBe(415);
    expect(((await json.json()) as { message: string }).message).toContain('/api/escalations');
    const put = await fetch(`${baseUrl}/contact/`, { method: 'PUT', headers: { Origin: baseUrl } });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, POST']);
  });

  it('answers 404 on the confirmation page without a valid reference', async () => {
    expect((await fetch(`${baseUrl}/contact/sent/?ref=HC-0000`)).status).toBe(404);
  });
});

describe('POST /api/escalations with a plain form (other clients)', () => {
  it('answers as before: 303 to the confirmation page, or the contact form again with its errors', async () => {
    const sent = await postForm(baseUrl, validFormFields(), {}, '/api/escalations');
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toMatch(/^\/contact\/sent\/\?ref=HC-/);
    const failed = await postForm(baseUrl, [['email', 'nope']], {}, '/api/escalations');
    expect(failed.status).toBe(422);
    const html = await failed.text();
    expect(html).toMatch(/<title>Error: Contact support/);
    expect(html).toContain('value="nope"');
  });
});
