import { describe, expect, it } from 'vitest';
import { createEventStore, type EventBatch } from '../../src/server/db/reader-events.ts';
import { createEventEndpoint } from '../../src/server/events/event-endpoint.ts';
import { parseEventBatch } from '../../src/server/events/event-schema.ts';
import { normalizeQuery } from '../../src/server/events/search-query.ts';
import type { EndpointSettings } from '../../src/server/settings.ts';
import { useTestDatabase } from '../support/test-database.ts';

const settings: EndpointSettings = { rateLimitPerMinute: 0, trustedProxyHops: 0, publicOrigin: undefined };
const flows = new Map([
  ['login', { start: 'what-is-wrong', steps: [{ id: 'what-is-wrong' }, { id: 'reset-password' }, { id: 'resolved' }] }],
]) as unknown as Parameters<typeof parseEventBatch>[1];
const NOW = Date.parse('2025-03-01T10:00:00Z');

const beacon = (body: unknown, headers: Record<string, string> = {}) =>
  new Request('http://help.test/api/events', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const batch = {
  events: [
    { type: 'search', query: '  Password   RESET ', results: 4 },
    { type: 'search_open', query: 'password reset', target: '/articles/forgot-password/', rank: 2 },
    { type: 'step_viewed', flow: 'login', step: 'what-is-wrong' },
    { type: 'step_viewed', flow: 'login', step: 'reset-password', from: 'what-is-wrong', version: '0123456789ab' },
    { type: 'outcome', flow: 'login', step: 'resolved', result: 'resolved', version: '0123456789ab' },
  ],
};

const db = useTestDatabase();

describe('search queries as stored', () => {
  it('are trimmed, lower case, single-spaced and cut to 200 characters', () => {
    expect(normalizeQuery('  Reset\tMy   PASSWORD ')).toBe('reset my password');
    expect(normalizeQuery('x'.repeat(300))).toHaveLength(200);
    expect(normalizeQuery('reset\u0000password\u001b')).toBe('reset password');
  });

  it('lose what looks like an email address or a long number', () => {
    expect(normalizeQuery('account ada.l@example.co.uk locked')).toBe('account [email] locked');
    expect(normalizeQuery('call me +44 20 7946 0958')).toBe('call me [number]');
    expect(normalizeQuery('card 4111111111111111 declined')).toBe('card [number] declined');
    expect(normalizeQuery('error 404 after 2 tries in 2024')).toBe('error 404 after 2 tries in 2024');
  });
});

describe('event batches', () => {
  it('accept the four event types and name problems otherwise', () => {
    expect(parseEventBatch(batch, flows)).toMatchObject({ ok: true, events: { length: 5 } });
    expect(parseEventBatch({ events: [] }, flows).ok).toBe(false);
    expect(parseEventBatch({ events: Array(21).fill(batch.events[0]) }, flows).ok).toBe(false);
    expect(parseEventBatch({ events: [{ type: 'click', x: 1 }] }, flows).ok).toBe(false);
    expect(parseEventBatch({ events: [{ ...batch.events[1], target: 'https://evil.example/' }] }, flows).ok).toBe(false);
    expect(parseEventBatch({ events: [{ type: 'search', query: '   ', results: 0 }] }, flows).ok).toBe(false);
    expect(parseEventBatch({ events: [{ type: 'step_viewed', flow: 'login', step: 'nowhere' }] }, flows)).toEqual({
      ok: false,
      problems: ['events.0: "login" has no step "nowhere"'],
    });
    expect(parseEventBatch({ events: [{ type: 'outcome', flow: 'dance', step: 'x', result: 'resolved' }] }, flows)).toEqual({
      ok: false,
      problems: ['events.0.flow: there is no troubleshooter "dance"'],
    });
    // A hand-over names the step it came from in the other flow.
    expect(
      parseEventBatch({ events: [{ type: 'step_viewed', flow: 'login', step: 'what-is-wrong', from: 'login/reset-password' }] }, flows).ok,
    ).toBe(true);
    expect(parseEventBatch({ events: [{ type: 'step_viewed', flow: 'login', step: 'what-is-wrong', from: 'dance/x' }] }, flows)).toEqual({
      ok: false,
      problems: ['events.0: "dance" has no step "x"'],
    });
    // Escalations are counted from tickets; a version is 12 hex digits.
    expect(parseEventBatch({ events: [{ type: 'outcome', flow: 'login', step: 'resolved', result: 'escalated' }] }, flows).ok).toBe(false);
    expect(parseEventBatch({ events: [{ type: 'step_viewed', flow: 'login', step: 'resolved', version: 'v2' }] }, flows).ok).toBe(false);
  });
});

describe('suggestion events', () => {
  const tab = crypto.randomUUID();
  it('are tied by a random tab id, and each field is checked', () => {
    const suggestions = [
      { type: 'suggestions_shown', tab, count: 3 },
      { type: 'suggestion_open', tab, target: '/articles/forgot-password/', rank: 1 },
      { type: 'suggestion_request_sent', tab },
    ];
    expect(parseEventBatch({ events: suggestions }, flows)).toEqual({ ok: true, events: suggestions });
    expect(parseEventBatch({ events: [{ type: 'suggestion_request_sent', tab: 'ada@example.com' }] }, flows)).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^events\.0\.tab: /)],
    });
    expect(parseEventBatch({ events: [{ type: 'suggestion_request_sent' }] }, flows).ok).toBe(false);
    expect(parseEventBatch({ events: [{ type: 'suggestions_shown', tab, count: 0 }] }, flows).ok).toBe(false);
    expect(parseEventBatch({ events: [{ ...suggestions[1], target: 'https://evil.example/' }] }, flows).ok).toBe(false);
    expect(parseEventBatch({ events: [{ ...suggestions[1], reference: 'HC-1234' }] }, flows).ok).toBe(false);
  });
});

describe('POST /api/events', () => {
  const store = createEventStore(async () => db());
  const handle = createEventEndpoint({ settings, flows: async () => flows, record: store, now: () => NOW });

  it('stores a batch (204) with the time received and nothing about the reader', async () => {
    const response = await handle(beacon(batch, { 'User-Agent': 'secret-agent' }), '203.0.113.5');
    expect(response.status).toBe(204);
    const rows = await db().selectFrom('reader_events').selectAll().orderBy('type').orderBy('step').execute();
    expect(rows.map(({ id: _id, ...row }) => ({ ...row }))).toEqual([
      {
        created_at: '2025-03-01T10:00:00.000Z',
        type: 'outcome',
        flow: 'login',
        step: 'resolved',
        from_step: null,
        outcome: 'resolved',
        query: null,
        result_count: null,
        target: null,
        result_rank: null,
        flow_version: '0123456789ab',
        tab: null,
        language: 'en',
      },
      {
        created_at: '2025-03-01T10:00:00.000Z',
        type: 'search',
        flow: null,
        step: null,
        from_step: null,
        outcome: null,
        query: 'password reset',
        result_count: 4,
        target: null,
        result_rank: null,
        flow_version: null,
        tab: null,
        language: 'en',
      },
      {
        created_at: '2025-03-01T10:00:00.000Z',
        type: 'search_open',
        flow: null,
        step: null,
        from_step: null,
        outcome: null,
        query: 'password reset',
        result_count: null,
        target: '/articles/forgot-password/',
        result_rank: 2,
        flow_version: null,
        tab: null,
        language: 'en',
      },
      {
        created_at: '2025-03-01T10:00:00.000Z',
        type: 'step_viewed',
        flow: 'login',
        step: 'reset-password',
        from_step: 'what-is-wrong',
        outcome: null,
        query: null,
        result_count: null,
        target: null,
        result_rank: null,
        flow_version: '0123456789ab',
        tab: null,
        language: 'en',
      },
      {
        created_at: '2025-03-01T10:00:00.000Z',
        type: 'step_viewed',
        flow: 'login',
        step: 'what-is-wrong',
        from_step: null,
        outcome: null,
        query: null,
        result_count: null,
        target: null,
        result_rank: null,
        flow_version: null,
        tab: null,
        language: 'en',
      },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/203\.0\.113\.5|secret-agent/);
  });

  it('answers 204 and stores nothing when the request carries Sec-GPC: 1 or DNT: 1', async () => {
    const stored: EventBatch[] = [];
    const counting = createEventEndpoint({ settings, flows: async () => flows, record: async (b) => void stored.push(b) });
    const optOuts: Record<string, string>[] = [{ 'Sec-GPC': '1' }, { DNT: '1' }, { 'Sec-GPC': '1', Origin: 'https://elsewhere.example' }];
    for (const headers of optOuts) {
      expect((await counting(beacon(batch, headers), '::1')).status).toBe(204);
    }
    // Even a malformed body: it is never read.
    expect((await counting(beacon('{', { DNT: '1' }), '::1')).status).toBe(204);
    expect(stored).toEqual([]);
    expect((await counting(beacon(batch, { DNT: '0', 'Sec-GPC': '0' }), '::1')).status).toBe(204);
    expect(stored).toHaveLength(1);
  });

  it('answers client mistakes with 4xx and a failing database with 503, never 500', async () => {
    const status = async (request: Request) => (await handle(request, '::1')).status;
    expect(await status(beacon('{"events":'))).toBe(400);
    expect(await status(beacon('null'))).toBe(400);
    expect(await status(beacon({ events: [{ type: 'search' }] }))).toBe(422);
    expect(await status(beacon('x'.repeat(70_000)))).toBe(413);
    expect(
      await status(
        new Request('http://help.test/api/events', { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: '<x/>' }),
      ),
    ).toBe(415);
    expect(await status(beacon(batch, { Origin: 'https://elsewhere.example' }))).toBe(403);
    expect(
      await status(
        new Request('http://help.test/api/events', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(batch),
        }),
      ),
    ).toBe(204);
    const broken = createEventEndpoint({ settings, flows: async () => flows, record: () => Promise.reject(new Error('disk full')) });
    const response = await broken(beacon(batch), '::1');
    expect([response.status, response.headers.get('retry-after')]).toEqual([503, '5']);
  });

  it('limits batches per client and minute', async () => {
    const limited = createEventEndpoint({
      settings: { ...settings, rateLimitPerMinute: 2 },
      flows: async () => flows,
      record: async () => {},
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited(beacon(batch), '198.51.100.4')).status);
    expect(statuses).toEqual([204, 204, 429]);
  });
});
