import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { postEvents, postFeedback, randomWord, storedInsights } from '../support/insights.ts';
import { startServer, type ServerProcess } from '../../harness/server-process.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');

const batchFor = (query: string) => ({
  events: [
    { type: 'search', query, results: 0 },
    { type: 'step_viewed', flow: 'login', step: 'what-is-wrong' },
  ],
});
const storedQueries = async () => (await storedInsights(dataDir)).events.map((e) => e.query);

describe('POST /api/events', () => {
  it('stores a beacon batch and answers 204', async () => {
    const query = `stored ${randomWord()}`;
    const response = await postEvents(baseUrl, batchFor(query));
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toBeNull();
    const { events } = await storedInsights(dataDir);
    expect(events.find((e) => e.query === query)).toMatchObject({ type: 'search', result_count: 0 });
  });

  it('drops a request carrying Sec-GPC: 1 or DNT: 1: 204, and nothing stored', async () => {
    const gpc = `gpc ${randomWord()}`;
    const dnt = `dnt ${randomWord()}`;
    expect((await postEvents(baseUrl, batchFor(gpc), { 'Sec-GPC': '1' })).status).toBe(204);
    expect((await postEvents(baseUrl, batchFor(dnt), { DNT: '1' })).status).toBe(204);
    const queries = await storedQueries();
    expect(queries).not.toContain(gpc);
    expect(queries).not.toContain(dnt);
  });

  it('answers client mistakes with 4xx, never 500', async () => {
    expect((await postEvents(baseUrl, '{"events":')).status).toBe(400);
    expect((await postEvents(baseUrl, { events: [{ type: 'search', query: 'x' }] })).status).toBe(422);
    expect((await postEvents(baseUrl, { events: [{ type: 'step_viewed', flow: 'login', step: 'no-such-step' }] })).status).toBe(422);
    expect((await postEvents(baseUrl, 'x'.repeat(70_000))).status).toBe(413);
    expect((await postEvents(baseUrl, '<x/>', { 'Content-Type': 'application/xml' })).status).toBe(415);
    expect((await postEvents(baseUrl, batchFor('cross'), { Origin: 'https://elsewhere.example' })).status).toBe(403);
    const asJson = { 'Content-Type': 'application/json', Origin: 'https://elsewhere.example' };
    expect((await postEvents(baseUrl, batchFor('cross'), asJson)).status).toBe(403);
    const get = await fetch(`${baseUrl}/api/events`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('stores suggestion events with the tab id that ties them together; none with GPC; a bad tab id is named', async () => {
    const [tab, private_] = [crypto.randomUUID(), crypto.randomUUID()];
    const suggestions = (id: string) => ({
      events: [
        { type: 'suggestions_shown', tab: id, count: 3 },
        { type: 'suggestion_open', tab: id, target: KNOWN_ARTICLE.path, rank: 2 },
        { type: 'suggestion_request_sent', tab: id },
      ],
    });
    expect((await postEvents(baseUrl, suggestions(tab))).status).toBe(204);
    expect((await postEvents(baseUrl, suggestions(private_), { 'Sec-GPC': '1' })).status).toBe(204);
    const { events } = await storedInsights(dataDir);
    // One batch: the same time received, so in no particular order.
    const stored = events
      .filter((e) => e.tab === tab)
      .map(({ type, target, result_rank, result_count }) => [type, target, result_rank, result_count]);
    expect(stored.sort()).toEqual([
      ['suggestion_open', KNOWN_ARTICLE.path, 2, null],
      ['suggestion_request_sent', null, null, null],
      ['suggestions_shown', null, null, 3],
    ]);
    expect(events.filter((e) => e.tab === private_)).toEqual([]);

    const bad = await postEvents(baseUrl, { events: [{ type: 'suggestion_request_sent', tab: 'ada@example.com' }] });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('events.0.tab');
  });
});

describe('rate limits (FEEDBACK_RATE_LIMIT=2, EVENT_RATE_LIMIT=2)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ env: { FEEDBACK_RATE_LIMIT: '2', EVENT_RATE_LIMIT: '2' } });
  });
  afterAll(() => server.stop());

  it('answers 429 with Retry-After once a client used its batches or votes for the minute', async () => {
    const events = [];
    for (let i = 0; i < 3; i++) events.push((await postEvents(server.url, batchFor('limited'))).status);
    expect(events).toEqual([204, 204, 429]);
    const votes = [];
    for (let i = 0; i < 3; i++) {
      const response = await postFeedback(server.url, { article: KNOWN_ARTICLE.slug, helpful: true }, { 'User-Agent': `ua-${i}` });
      votes.push(response.status);
      if (response.status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(votes).toEqual([201, 201, 429]);
  });
});
