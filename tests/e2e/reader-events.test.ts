import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { choose, openLoginFlow } from '../support/flow-page.ts';
import { noMatchQuery, storedInsights } from '../support/insights.ts';
import { readSearchResults, searchResultLink, searchStatus } from '../support/search.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const session = useBrowser();
const dataDir = inject('dataDir');

/** Events the server stored since `since` (ISO), polled until `ready` says they are all there. */
async function eventsSince(since: string, ready: (events: Awaited<ReturnType<typeof storedInsights>>['events']) => boolean) {
  let events: Awaited<ReturnType<typeof storedInsights>>['events'] = [];
  await expect
    .poll(
      async () => {
        events = (await storedInsights(dataDir)).events.filter((e) => e.created_at >= since);
        return ready(events);
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return events;
}

/** Turns Global Privacy Control on, as a browser with it enabled reports it (Chromium has no switch for it). */
async function withGpc(page: Page): Promise<void> {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
}

describe('reader events', () => {
  test('a search with no results stores its final query, not each keystroke, once the reader leaves the page', async () => {
    const since = new Date().toISOString();
    const query = noMatchQuery();
    const page = await session.newPage();
    await page.goto('/search/');
    await expect.poll(() => searchStatus(page).innerText()).toContain('Type a question');
    // Slower than the page's search-as-you-type, so every prefix is searched and shown on the way.
    await page.getByRole('main').getByRole('searchbox').pressSequentially(query, { delay: 300 });
    expect(await readSearchResults(page, query)).toEqual([]);
    await page.goto('/');

    const events = await eventsSince(since, (list) => list.some((e) => e.query === query));
    expect(events.filter((e) => e.type === 'search' && e.query?.startsWith('z'))).toEqual([
      expect.objectContaining({ query, result_count: 0 }),
    ]);
  });

  test('opening a search result stores the query and which result was opened', async () => {
    const since = new Date().toISOString();
    const page = await session.newPage();
    await page.goto('/search/?q=maiden%20name');
    const results = await readSearchResults(page, 'maiden name');
    const rank = results.findIndex((r) => r.href === KNOWN_ARTICLE.path) + 1;
    // The count stored is the number of articles the status line says match every word.
    const matching = Number(/^(\d+) articles? match/.exec(await searchStatus(page).innerText())?.[1]);
    await searchResultLink(page, KNOWN_ARTICLE.title).click();
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);

    const events = await eventsSince(since, (list) => list.some((e) => e.type === 'search_open' && e.query === 'maiden name'));
    expect(matching).toBeGreaterThan(0);
    expect(events.find((e) => e.type === 'search' && e.query === 'maiden name')).toMatchObject({ result_count: matching });
    expect(events.find((e) => e.type === 'search_open' && e.query === 'maiden name')).toMatchObject({
      target: KNOWN_ARTICLE.path,
      result_rank: rank,
    });
  });

  test('walking the troubleshooter to an escalation stores each step shown and the outcome', async () => {
    const since = new Date().toISOString();
    const page = await session.newPage();
    await openLoginFlow(page);
    await choose(page, 'I forgot my password', 'reset-password');
    await choose(page, "The reset email didn't arrive", 'check-spam');
    await choose(page, "It isn't there either", 'resend-reset');
    await choose(page, 'I sent it again', 'check-again');
    await choose(page, 'Still nothing after 15 minutes', 'escalate-reset');
    await page.goto('/');

    const events = await eventsSince(since, (list) => list.some((e) => e.type === 'outcome'));
    const walk = events.filter((e) => e.flow === 'login').map((e) => [e.type, e.step, e.from_step ?? e.outcome]);
    expect(walk).toEqual([
      ['step_viewed', 'what-is-wrong', null],
      ['step_viewed', 'reset-password', 'what-is-wrong'],
      ['step_viewed', 'check-spam', 'reset-password'],
      ['step_viewed', 'resend-reset', 'check-spam'],
      ['step_viewed', 'check-again', 'resend-reset'],
      ['step_viewed', 'escalate-reset', 'check-again'],
      ['outcome', 'escalate-reset', 'escalated'],
    ]);
  });

  test('with Global Privacy Control on, the browser sends no events at all', async () => {
    const page = await session.newPage();
    await withGpc(page);
    const beacons: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/events') beacons.push(request.url());
    });
    await openLoginFlow(page);
    await choose(page, 'I forgot my password', 'reset-password');
    await page.goto('/search/?q=xylophone%20quartz');
    expect(await readSearchResults(page, 'xylophone quartz')).toEqual([]);
    await page.goto('/');
    await page.waitForTimeout(500);
    expect(beacons).toEqual([]);
  });

  test('with Do Not Track on, the browser sends no events either', async () => {
    const page = await session.newPage({ extraHTTPHeaders: { DNT: '1' } });
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }));
    const beacons: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/events') beacons.push(request.url());
    });
    await openLoginFlow(page);
    await choose(page, 'I forgot my password', 'reset-password');
    await page.goto('/');
    await page.waitForTimeout(500);
    expect(beacons).toEqual([]);
  });
});
