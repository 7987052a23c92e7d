import { describe, expect, it, vi } from 'vitest';
import type { NewTicket, RecordOutcome } from '../../src/server/db/new-tickets.ts';
import { createSupportRequestEndpoint, type FormRerender } from '../../src/server/tickets/support-request-endpoint.ts';
import type { EndpointSettings } from '../../src/server/settings.ts';

const settings: EndpointSettings = { rateLimitPerMinute: 0, trustedProxyHops: 0, publicOrigin: undefined };
const flows = async () => new Map();
const stored: NewTicket[] = [];
const record = async (e: NewTicket): Promise<RecordOutcome> => {
  stored.push(e);
  return { outcome: 'created', reference: 'HC-TEST-0001', createdAt: e.createdAt.toISOString() };
};
const body = { email: 'ada@example.com', topic: 'sign-in', description: 'I cannot sign in since yesterday.', consent: true };
const json = (payload: unknown, headers: Record<string, string> = {}) =>
  new Request('http://help.test/api/escalations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
const form = (fields: string, headers: Record<string, string> = {}) =>
  new Request('http://help.test/api/escalations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: fields,
  });

describe('support request endpoint', () => {
  it('answers 503 with Retry-After, not 500, when the database fails', async () => {
    const handle = createSupportRequestEndpoint({ settings, flows, record: () => Promise.reject(new Error('disk full')) });
    const response = (await handle(json(body), '127.0.0.1')) as Response;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('counts submissions per client and answers 429 with Retry-After', async () => {
    const handle = createSupportRequestEndpoint({ settings: { ...settings, rateLimitPerMinute: 2 }, flows, record });
    const statuses = [];
    for (const address of ['10.0.0.1', '10.0.0.1', '10.0.0.1', '10.0.0.2'])
      statuses.push(((await handle(json(body), address)) as Response).status);
    expect(statuses).toEqual([201, 201, 429, 201]);
    const limited = (await handle(json(body), '10.0.0.1')) as Response;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('accepts the public origin (SITE_URL) as well as its own, and nothing else', async () => {
    const handle = createSupportRequestEndpoint({ settings: { ...settings, publicOrigin: 'https://help.example.com' }, flows, record });
    const status = async (origin: string) => ((await handle(json(body, { Origin: origin }), '::1')) as Response).status;
    expect(await status('https://help.example.com')).toBe(201);
    expect(await status('http://help.test')).toBe(201);
    expect(await status('https://help.example.com.evil.test')).toBe(403);
  });

  it('hands a failed form back for the page to render, with its key, start time and input', async () => {
    const handle = createSupportRequestEndpoint({ settings, flows, record });
    const result = (await handle(
      form('name=Ada&email=nope&idempotencyKey=key-123456&startedAt=42&accountEmails=&accountEmails=x'),
      '::1',
    )) as FormRerender;
    expect(result).toMatchObject({
      status: 422,
      idempotencyKey: 'key-123456',
      startedAt: 42,
      values: { name: 'Ada', email: 'nope', accountEmails: ['', 'x'], consent: false },
    });
    expect(Object.keys(result.errors)).toEqual(['email', 'accountEmails.1', 'topic', 'description', 'consent']);
  });

  it('fills in browser and system from the User-Agent and attaches no key when none was sent', async () => {
    const handle = createSupportRequestEndpoint({ settings, flows, record, now: () => Date.parse('2025-03-01T10:00:00Z') });
    stored.length = 0;
    const ua = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
    const response = (await handle(
      json({ ...body, startedAt: Date.parse('2025-03-01T09:59:00Z') }, { 'User-Agent': ua }),
      '::1',
    )) as Response;
    expect(await response.json()).toEqual({ reference: 'HC-TEST-0001', createdAt: '2025-03-01T10:00:00.000Z' });
    expect(stored[0]).toMatchObject({ browser: 'safari', os: 'macos', spamReason: null, idempotency: undefined });
  });

  it('logs the ticket by its reference only, and why storing one failed', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await createSupportRequestEndpoint({ settings, flows, record })(json({ ...body, website: 'spam.example' }), '::1');
      await createSupportRequestEndpoint({ settings, flows, record: () => Promise.reject(new Error('disk full')) })(json(body), '::1');
      expect(log.mock.calls).toEqual([['ticket HC-TEST-0001 created (flagged as spam: honeypot)']]);
      expect(error.mock.calls).toEqual([['ticket not stored: disk full']]);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});
