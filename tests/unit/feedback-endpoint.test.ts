import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/i18n/messages.ts';
import { createFeedbackEndpoint, type FeedbackFormProblem } from '../../src/server/feedback/feedback-endpoint.ts';
import type { EndpointSettings } from '../../src/server/settings.ts';
import { useTestDatabase } from '../support/test-database.ts';

const settings: EndpointSettings = { rateLimitPerMinute: 0, trustedProxyHops: 0, publicOrigin: undefined };
const articles = async () => new Set(['forgot-password', 'account-locked', 'avoid-scams']);
const NOW = Date.parse('2025-03-01T10:00:00Z');

const json = (payload: unknown, headers: Record<string, string> = {}) =>
  new Request('http://help.test/api/feedback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': 'test-browser', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
const form = (fields: string, headers: Record<string, string> = {}) =>
  new Request('http://help.test/api/feedback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: fields,
  });

const db = useTestDatabase();

describe('feedback endpoint', () => {
  const handle = createFeedbackEndpoint({ settings, articles, db: async () => db(), now: () => NOW });

  it('stores a vote (201 with its id) and refuses the same reader’s repeat on that article (409)', async () => {
    const first = (await handle(json({ article: 'forgot-password', helpful: true }), '10.0.0.1')) as Response;
    expect(first.status).toBe(201);
    const { vote } = (await first.json()) as { vote: string };
    const row = await db().selectFrom('feedback_votes').selectAll().where('id', '=', vote).executeTakeFirstOrThrow();
    expect({ ...row }).toEqual({
      id: vote,
      article: 'forgot-password',
      answer: 'yes',
      reasons: null,
      comment: null,
      created_at: '2025-03-01T10:00:00.000Z',
      detailed_at: null,
      language: 'en',
    });

    const again = (await handle(json({ article: 'forgot-password', helpful: false }), '10.0.0.1')) as Response;
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error).toBe('already-voted');
    // Another article, another network or another browser is another vote.
    expect(((await handle(json({ article: 'account-locked', helpful: true }), '10.0.0.1')) as Response).status).toBe(201);
    expect(((await handle(json({ article: 'forgot-password', helpful: true }), '10.0.0.2')) as Response).status).toBe(201);
    const otherBrowser = json({ article: 'forgot-password', helpful: true }, { 'User-Agent': 'another-browser' });
    expect(((await handle(otherBrowser, '10.0.0.1')) as Response).status).toBe(201);
  });

  it('records the language of the page the vote came from: the form names it, else the Referer does', async () => {
    const language = async (request: Request) => {
      const answer = (await handle(request, `10.0.1.${Math.floor(Math.random() * 250)}`)) as Response;
      const vote =
        answer.status === 303
          ? new URL(answer.headers.get('location')!, 'http://help.test').searchParams.get('vote')!
          : ((await answer.json()) as { vote: string }).vote;
      return (await db().selectFrom('feedback_votes').select('language').where('id', '=', vote).executeTakeFirstOrThrow()).language;
    };
    expect(
      await language(json({ article: 'account-locked', helpful: true }, { Referer: 'http://help.test/es/articles/account-locked/' })),
    ).toBe('es');
    expect(await language(json({ article: 'account-locked', helpful: true, language: 'es' }, { 'User-Agent': 'other' }))).toBe('es');
    expect(await language(json({ article: 'account-locked', helpful: true }, { 'User-Agent': 'third' }))).toBe('en');
    // Another site's page says nothing about ours.
    expect(
      await language(
        json({ article: 'account-locked', helpful: true }, { 'User-Agent': 'fourth', Referer: 'https://elsewhere.example/es/' }),
      ),
    ).toBe('en');
    const plain = (await handle(form('article=account-locked&helpful=no&language=es', { 'User-Agent': 'fifth' }), '10.0.2.1')) as Response;
    expect(plain.headers.get('location')).toMatch(/^\/es\/feedback\/thanks\/\?article=account-locked&vote=/);
    expect(await language(form('article=avoid-scams&helpful=no&language=es', { 'User-Agent': 'sixth' }))).toBe('es');
  });

  it('answers in the language of the page the vote came from: Spanish errors, and the Spanish thank-you page', async () => {
    const bad = (await handle(json({ article: 'account-locked', helpful: 'tal vez', language: 'es' }), '10.0.3.1')) as Response;
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { message: string; fields: Record<string, string> };
    expect(body.message).toBe(messagesFor('es').t('api.invalid'));
    expect(body.fields.helpful).toBe(messagesFor('es').t('feedback.helpful.error.missing'));
    expect(body.fields.helpful).not.toBe(messagesFor('en').t('feedback.helpful.error.missing'));

    const plain = await handle(
      form('article=account-locked&helpful=tal-vez', { Referer: 'http://help.test/es/articles/account-locked/' }),
      '10.0.3.2',
    );
    expect(plain).not.toBeInstanceOf(Response);
    expect(plain).toMatchObject({ status: 422, language: 'es', message: messagesFor('es').t('api.invalid') });
  });

  it('stores one vote when copies arrive at once', async () => {
    const responses = (await Promise.all(
      Array.from({ length: 10 }, () => handle(json({ article: 'avoid-scams', helpful: false }), '192.0.2.7')),
    )) as Response[];
    expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array<number>(9).fill(409)]);
  });

  it('keeps no address: the claim is a salted hash, and the salt is per day', async () => {
    const claims = await db().selectFrom('vote_claims').select('key').execute();
    for (const { key } of claims) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const everything = JSON.stringify([claims, await db().selectFrom('feedback_votes').selectAll().execute()]);
    expect(everything).not.toMatch(/10\.0\.0\.1|192\.0\.2\.7|test-browser/);
    expect(await db().selectFrom('daily_salts').select('day').execute()).toEqual([{ day: '2025-03-01' }]);
  });

  it('adds reasons to a No once (200, then 409), and refuses them for a Yes or an unknown vote (422)', async () => {
    const no = (await handle(json({ article: 'account-locked', helpful: false }), '10.0.0.9')) as Response;
    const { vote } = (await no.json()) as { vote: string };
    const details = { vote, reasons: ['did-not-work'], comment: 'The unlock email never came.' };
    const added = (await handle(json(details), '10.0.0.9')) as Response;
    expect([added.status, await added.json()]).toEqual([200, { vote }]);
    const row = await db().selectFrom('feedback_votes').selectAll().where('id', '=', vote).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      reasons: '["did-not-work"]',
      comment: 'The unlock email never came.',
      detailed_at: '2025-03-01T10:00:00.000Z',
    });
    expect(((await handle(json(details), '10.0.0.9')) as Response).status).toBe(409);

    const yes = (await ((await handle(json({ article: 'account-locked', helpful: true }), '10.0.0.10')) as Response).json()) as {
      vote: string;
    };
    const onYes = (await handle(json({ ...details, vote: yes.vote }), '10.0.0.10')) as Response;
    expect([onYes.status, ((await onYes.json()) as { fields: object }).fields]).toEqual([422, { vote: 'Reasons can only follow a No.' }]);
    const unknown = (await handle(json({ ...details, vote: crypto.randomUUID() }), '10.0.0.10')) as Response;
    expect(unknown.status).toBe(422);
  });

  it('answers the plain form with 303 to the thank-you page, naming the vote only after a No', async () => {
    const yes = (await handle(form('article=forgot-password&helpful=yes'), '10.1.0.1')) as Response;
    expect(yes.status).toBe(303);
    expect(yes.headers.get('location')).toBe('/feedback/thanks/?article=forgot-password');
    const no = (await handle(form('article=avoid-scams&helpful=no'), '10.1.0.1')) as Response;
    expect(no.headers.get('location')).toMatch(/^\/feedback\/thanks\/\?article=avoid-scams&vote=[0-9a-f-]{36}$/);
    const vote = new URL(no.headers.get('location')!, 'http://x').searchParams.get('vote')!;
    const reasons = (await handle(form(`article=avoid-scams&vote=${vote}&reasons=unclear&comment=`), '10.1.0.1')) as Response;
    expect([reasons.status, reasons.headers.get('location')]).toEqual([303, `/feedback/thanks/?article=avoid-scams&vote=${vote}`]);
    // A repeat lands on the same thank-you page: to a reader it is no error.
    const repeat = (await handle(form('article=avoid-scams&helpful=yes'), '10.1.0.1')) as Response;
    expect([repeat.status, repeat.headers.get('location')]).toEqual([303, '/feedback/thanks/?article=avoid-scams']);
  });

  it('hands a failed plain form back to the thank-you page with the problem and what was sent', async () => {
    const result = (await handle(
      form('article=avoid-scams&vote=0b8f8a0e-5f5b-4a5e-9a57-0d2f4c3b1a11&comment=%20'),
      '10.1.0.2',
    )) as FeedbackFormProblem;
    expect(result).toMatchObject({
      status: 422,
      article: 'avoid-scams',
      vote: '0b8f8a0e-5f5b-4a5e-9a57-0d2f4c3b1a11',
      errors: { reasons: 'Select a reason or tell us what was wrong' },
      reasons: [],
      comment: ' ',
    });
  });

  it('answers client mistakes with 4xx, never 500', async () => {
    const status = async (request: Request) => {
      const result = await handle(request, '10.2.0.1');
      return result instanceof Response ? result.status : result.status;
    };
    expect(await status(json('{"article":'))).toBe(400);
    expect(await status(json('[]'))).toBe(400);
    expect(await status(json({ article: 'x'.repeat(70_000), helpful: true }))).toBe(413);
    expect(
      await status(new Request('http://help.test/api/feedback', { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: '<x/>' })),
    ).toBe(415);
    expect(await status(json({ article: 'forgot-password', helpful: true }, { Origin: 'https://elsewhere.example' }))).toBe(403);
    expect(await status(json({ article: 'nope', helpful: 'yes' }))).toBe(422);
  });

  it('answers 503 with Retry-After when the database fails', async () => {
    const broken = createFeedbackEndpoint({ settings, articles, db: () => Promise.reject(new Error('disk full')) });
    const response = (await broken(json({ article: 'forgot-password', helpful: true }), '10.3.0.1')) as Response;
    expect([response.status, response.headers.get('retry-after')]).toEqual([503, '5']);
  });

  it('limits posts per client and minute (429 with Retry-After)', async () => {
    const limited = createFeedbackEndpoint({
      settings: { ...settings, rateLimitPerMinute: 2 },
      articles,
      db: async () => db(),
      now: () => NOW,
    });
    const statuses = [];
    for (const article of ['forgot-password', 'account-locked', 'avoid-scams']) {
      statuses.push(((await limited(json({ article, helpful: true }), '10.4.0.1')) as Response).status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    const response = (await limited(json({ article: 'avoid-scams', helpful: true }), '10.4.0.1')) as Response;
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
