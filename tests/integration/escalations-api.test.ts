import { describe, expect, inject, it } from 'vitest';
import { postJson, storedRows, validSupportRequest } from '../support/support-requests.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const REFERENCE = /^HC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('POST /api/escalations (JSON)', () => {
  it('answers 201 with a reference and stores the ticket once committed', async () => {
    const response = await postJson(baseUrl, validSupportRequest({ description: 'A unique description for the 201 test.' }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { reference: string; createdAt: string };
    expect(body.reference).toMatch(REFERENCE);
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    const { tickets } = await storedRows(dataDir);
    const row = tickets.find((e) => e.reference === body.reference)!;
    expect(row).toMatchObject({
      status: 'new',
      contact_email: 'ada@example.com',
      topic: 'sign-in',
      account_emails: '["ada.old@example.com"]',
      created_at: body.createdAt,
    });
    expect(JSON.parse(row.transcript!)).toEqual({ flow: 'login', steps: [{ step: 'what-is-wrong', choice: 'reset-password' }] });
  });

  it('fills in browser and operating system from the User-Agent', async () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0';
    const { reference } = (await (await postJson(baseUrl, validSupportRequest(), { 'User-Agent': ua })).json()) as { reference: string };
    const row = (await storedRows(dataDir)).tickets.find((e) => e.reference === reference)!;
    expect([row.browser, row.os]).toEqual(['edge', 'windows']);
  });

  it('gives every ticket its own reference', async () => {
    const refs = await Promise.all(
      [1, 2, 3, 4].map(async () => ((await (await postJson(baseUrl, validSupportRequest())).json()) as { reference: string }).reference),
    );
    expect(new Set(refs).size).toBe(4);
  });

  it('accepts a transcript that starts mid-flow (a deep link) and no transcript at all', async () => {
    const midFlow = { flow: 'login', steps: [{ step: 'check-spam', choice: 'not-fixed' }] };
    expect((await postJson(baseUrl, validSupportRequest({ transcript: midFlow }))).status).toBe(201);
    expect((await postJson(baseUrl, validSupportRequest({ transcript: undefined }))).status).toBe(201);
    expect((await postJson(baseUrl, validSupportRequest({ transcript: null }))).status).toBe(201);
  });

  it('answers 422 with a message per field', async () => {
    const response = await postJson(baseUrl, {
      email: 'not-an-email',
      accountEmails: ['ok@example.com', 'broken@', ''],
      topic: 'weather',
      description: 'Too short',
      consent: false,
    });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toBe('invalid');
    expect(body.fields).toEqual({
      email: 'Enter your email address in the correct format, like name@example.com',
      'accountEmails.1': 'Enter address 2 in the correct format, like name@example.com',
      topic: 'Select what your request is about',
      description: 'Description must be 20 characters or more',
      consent: 'Confirm that we may contact you about this request',
    });
  });

  it('allows up to five account emails', async () => {
    const six = ['a@b.co', 'c@d.co', 'e@f.co', 'g@h.co', 'i@j.co', 'k@l.co'];
    const response = await postJson(baseUrl, validSupportRequest({ accountEmails: six }));
    expect(((await response.json()) as { fields: Record<string, string> }).fields).toEqual({
      accountEmails: 'Enter up to 5 email addresses your account may use',
    });
    expect((await postJson(baseUrl, validSupportRequest({ accountEmails: six.slice(1) }))).status).toBe(201);
  });

  it('names the missing required fields', async () => {
    const body = (await (await postJson(baseUrl, {})).json()) as { fields: Record<string, string> };
    expect(body.fields).toEqual({
      email: 'Enter your email address',
      topic: 'Select what your request is about',
      description: 'Enter a description of the problem',
      consent: 'Confirm that we may contact you about this request',
    });
  });

  it('rejects a description over 5,000 characters and a transcript choice its step does not offer', async () => {
    const response = await postJson(
      baseUrl,
      validSupportRequest({
        description: 'x'.repeat(5001),
        transcript: { flow: 'login', steps: [{ step: 'what-is-wrong', choice: 'dance' }] },
      }),
    );
    expect(response.status).toBe(422);
    const { fields } = (await response.json()) as { fields: Record<string, string> };
    expect(fields.description).toBe('Description must be 5,000 characters or fewer');
    expect(fields.transcript).toContain('offers no choice "dance"');
  });

  it('answers 400 to a body that is not JSON, not an object, or not UTF-8, and to a malformed key', async () => {
    expect((await postJson(baseUrl, '{"email":')).status).toBe(400);
    expect((await postJson(baseUrl, '[1,2]')).status).toBe(400);
    expect((await postJson(baseUrl, 'null')).status).toBe(400);
    const latin1 = await fetch(`${baseUrl}/api/escalations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
    });
    expect(latin1.status).toBe(400);
    expect((await postJson(baseUrl, validSupportRequest(), { 'Idempotency-Key': 'short' })).status).toBe(400);
  });

  it('answers 413 over 64 KB, whether the length is declared or streamed', async () => {
    const big = JSON.stringify(validSupportRequest({ name: 'x'.repeat(70_000) }));
    expect((await postJson(baseUrl, big)).status).toBe(413);
    const streamed = await fetch(`${baseUrl}/api/escalations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 415 to other content types', async () => {
    for (const type of ['application/xml', 'text/plain']) {
      const response = await fetch(`${baseUrl}/api/escalations`, {
        method: 'POST',
        headers: { 'Content-Type': type, Origin: baseUrl },
        body: '<x/>',
      });
      expect(response.status, type).toBe(415);
    }
    expect((await fetch(`${baseUrl}/api/escalations`, { method: 'POST', headers: { Origin: baseUrl } })).status).toBe(415);
  });

  it('answers 400 to a multipart body without its boundary', async () => {
    const response = await fetch(`${baseUrl}/api/escalations`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data', Origin: baseUrl },
      body: '<x/>',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The multipart body has no boundary.');
  });

  it('answers 403 when Origin names another site, and accepts its own origin or none', async () => {
    const cross = await postJson(baseUrl, validSupportRequest(), { Origin: 'https://attacker.example' });
    expect(cross.status).toBe(403);
    expect((await postJson(baseUrl, validSupportRequest(), { Origin: 'null' })).status).toBe(403);
    expect((await postJson(baseUrl, validSupportRequest(), { Origin: baseUrl })).status).toBe(201);
    expect((await postJson(baseUrl, validSupportRequest())).status).toBe(201);
  });

  it('answers 405 with Allow to other methods', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      // With the site's own Origin: Astro's checkOrigin answers 403 to a bodyless cross-site PUT/PATCH/DELETE first.
      const response = await fetch(`${baseUrl}/api/escalations`, { method, headers: { Origin: baseUrl } });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
  });
});

describe('idempotency', () => {
  it('answers a retry with the same key and body with 200 and the same reference, storing one ticket', async () => {
    const key = crypto.randomUUID();
    const body = validSupportRequest();
    const first = await postJson(baseUrl, body, { 'Idempotency-Key': key });
    const retry = await postJson(baseUrl, body, { 'Idempotency-Key': key });
    expect([first.status, retry.status]).toEqual([201, 200]);
    const [a, b] = [await first.json(), await retry.json()];
    expect(b).toEqual(a);
    const { keys } = await storedRows(dataDir);
    expect(keys.filter((k) => k.key === key)).toHaveLength(1);
  });

  it('creates exactly one ticket when the same key arrives many times at once', async () => {
    const key = crypto.randomUUID();
    const body = validSupportRequest({ description: `Concurrent submission ${key}` });
    const responses = await Promise.all(Array.from({ length: 20 }, () => postJson(baseUrl, body, { 'Idempotency-Key': key })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(18).fill(200), 201].sort());
    const references = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { reference: string }).reference)));
    expect(references.size).toBe(1);
    const { tickets } = await storedRows(dataDir);
    expect(tickets.filter((e) => e.description === `Concurrent submission ${key}`)).toHaveLength(1);
  });

  it('answers 422 when a key comes back with a different body', async () => {
    const key = crypto.randomUUID();
    expect((await postJson(baseUrl, validSupportRequest(), { 'Idempotency-Key': key })).status).toBe(201);
    const changed = await postJson(baseUrl, validSupportRequest({ description: 'Something else entirely, said differently.' }), {
      'Idempotency-Key': key,
    });
    expect(changed.status).toBe(422);
    expect(((await changed.json()) as { error: string }).error).toBe('idempotency-key-reused');
  });

  it('treats a retry as the same body after trimming (what was stored is what counts)', async () => {
    const key = crypto.randomUUID();
    expect((await postJson(baseUrl, validSupportRequest({ email: 'ada@example.com' }), { 'Idempotency-Key': key })).status).toBe(201);
    expect((await postJson(baseUrl, validSupportRequest({ email: '  ada@example.com ' }), { 'Idempotency-Key': key })).status).toBe(200);
  });
});

describe('spam', () => {
  it('answers a filled honeypot like success but stores it flagged, never as new', async () => {
    const response = await postJson(baseUrl, validSupportRequest({ website: 'https://spam.example' }));
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    const row = (await storedRows(dataDir)).tickets.find((e) => e.reference === reference)!;
    expect(row).toMatchObject({ status: 'spam', spam_reason: 'honeypot' });
  });

  it('flags a form filled faster than a person could', async () => {
    const response = await postJson(baseUrl, validSupportRequest({ startedAt: Date.now() }));
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    expect((await storedRows(dataDir)).tickets.find((e) => e.reference === reference)).toMatchObject({
      status: 'spam',
      spam_reason: 'too-fast',
    });
  });
});
