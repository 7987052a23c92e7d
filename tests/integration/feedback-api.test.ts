import { describe, expect, inject, it } from 'vitest';
import { postFeedback, postFeedbackForm, storedInsights } from '../support/insights.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const ARTICLE = KNOWN_ARTICLE.slug;

/** Each test votes as its own reader: the repeat check keys on network and browser. */
const reader = () => ({ 'User-Agent': `feedback-test ${crypto.randomUUID()}` });

describe('POST /api/feedback', () => {
  it('stores a vote (201), refuses the same reader’s second vote on the article (409), and sets no cookie', async () => {
    const as = reader();
    const first = await postFeedback(baseUrl, { article: ARTICLE, helpful: true }, as);
    expect(first.status).toBe(201);
    expect(first.headers.get('set-cookie')).toBeNull();
    const { vote } = (await first.json()) as { vote: string };
    expect((await storedInsights(dataDir)).votes.find((v) => v.id === vote)).toMatchObject({ article: ARTICLE, answer: 'yes' });
    const second = await postFeedback(baseUrl, { article: ARTICLE, helpful: false }, as);
    expect(second.status).toBe(409);
  });

  it('takes reasons after a No, once', async () => {
    const as = reader();
    const { vote } = (await (await postFeedback(baseUrl, { article: ARTICLE, helpful: false }, as)).json()) as { vote: string };
    const details = { vote, reasons: ['out-of-date'], comment: 'The settings page looks different now.' };
    expect((await postFeedback(baseUrl, details, as)).status).toBe(200);
    expect((await postFeedback(baseUrl, details, as)).status).toBe(409);
    expect((await storedInsights(dataDir)).votes.find((v) => v.id === vote)).toMatchObject({
      reasons: '["out-of-date"]',
      comment: 'The settings page looks different now.',
    });
  });

  it('answers client mistakes with 4xx, never 500', async () => {
    expect((await postFeedback(baseUrl, '{"article":')).status).toBe(400);
    expect((await postFeedback(baseUrl, { article: 'no-such-article', helpful: true })).status).toBe(422);
    expect((await postFeedback(baseUrl, { vote: crypto.randomUUID(), comment: 'x'.repeat(501) })).status).toBe(422);
    expect((await postFeedback(baseUrl, 'x'.repeat(70_000))).status).toBe(413);
    expect((await postFeedback(baseUrl, '<x/>', { 'Content-Type': 'application/xml' })).status).toBe(415);
    expect((await postFeedback(baseUrl, { article: ARTICLE, helpful: true }, { Origin: 'https://elsewhere.example' })).status).toBe(403);
    expect((await postFeedbackForm(baseUrl, [['article', ARTICLE]], { Origin: 'https://elsewhere.example' })).status).toBe(403);
    const get = await fetch(`${baseUrl}/api/feedback`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });
});

describe('feedback without JavaScript', () => {
  it('votes No, lands on the thank-you page, which asks why, then thanks for the reasons', async () => {
    const as = reader();
    const vote = await postFeedbackForm(
      baseUrl,
      [
        ['article', ARTICLE],
        ['helpful', 'no'],
      ],
      as,
    );
    expect(vote.status).toBe(303);
    const location = vote.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/feedback/thanks/\\?article=${ARTICLE}&vote=[0-9a-f-]{36}$`));
    const voteId = new URL(location, baseUrl).searchParams.get('vote')!;

    const page = await fetch(new URL(location, baseUrl));
    expect([page.status, page.headers.get('cache-control'), page.headers.get('set-cookie')]).toEqual([200, 'no-store', null]);
    const html = await page.text();
    expect(html).toContain('<h1>Thank you for your feedback</h1>');
    expect(html).toContain('our editors use them to decide which articles to improve first');
    expect(html).toContain(`<input type="hidden" name="vote" value="${voteId}">`);
    expect(html).toContain(`href="${KNOWN_ARTICLE.path}"`);

    const empty = await postFeedbackForm(
      baseUrl,
      [
        ['article', ARTICLE],
        ['vote', voteId],
        ['comment', ''],
      ],
      as,
    );
    expect(empty.status).toBe(422);
    const again = await empty.text();
    expect(again).toContain('There is a problem');
    expect(again).toContain('Select a reason or tell us what was wrong');

    const reasons = await postFeedbackForm(
      baseUrl,
      [
        ['article', ARTICLE],
        ['vote', voteId],
        ['reasons', 'unclear'],
        ['reasons', 'did-not-work'],
        ['comment', 'Step two mentions a button I cannot find.'],
      ],
      as,
    );
    expect([reasons.status, reasons.headers.get('location')]).toEqual([303, location]);
    const after = await (await fetch(new URL(location, baseUrl))).text();
    expect(after).toContain('Thank you for telling us more');
    expect(after).not.toContain('name="vote"');
  });

  it('thanks a Yes without asking why, and answers 404 for an article that does not exist', async () => {
    const yes = await postFeedbackForm(
      baseUrl,
      [
        ['article', ARTICLE],
        ['helpful', 'yes'],
      ],
      reader(),
    );
    expect(yes.headers.get('location')).toBe(`/feedback/thanks/?article=${ARTICLE}`);
    const html = await (await fetch(new URL(yes.headers.get('location')!, baseUrl))).text();
    expect(html).toContain('Thank you for your feedback');
    expect(html).not.toContain('What was wrong?');
    expect((await fetch(`${baseUrl}/feedback/thanks/?article=no-such-article`)).status).toBe(404);
  });

  it('shows why a plain-form vote was refused instead of failing', async () => {
    const response = await postFeedbackForm(baseUrl, [['article', 'no-such-article']], reader());
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Your answer was not sent');
    expect(html).toContain('There is no such article');
  });
});
