import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { MIN_FILL_MS } from '../../src/server/tickets/spam.ts';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { storedInsights } from '../support/insights.ts';
import { storedRows } from '../support/support-requests.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const session = useBrowser();
const dataDir = inject('dataDir');
const DESCRIPTION = 'I forgot the answer to my security question and now I cannot sign in';

const suggestions = (page: Page) => page.getByRole('main').getByRole('region', { name: 'Before you send: these may solve it' });

/** Opens the contact form and describes the problem, as a reader types it. */
async function describeProblem(page: Page, description = DESCRIPTION): Promise<void> {
  const main = page.getByRole('main');
  await page.goto('/contact/');
  await main.getByRole('button', { name: 'Add another address' }).waitFor(); // hydrated
  await main.getByLabel('Your name').fill('Valerie');
  await main.getByLabel('Your email address').fill('valerie@example.com');
  await main.getByLabel('Describe the problem').pressSequentially(description, { delay: 10 });
}

/** Paths of the reader-event posts the page makes. */
function beacons(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/events') sent.push(request.postData() ?? '');
  });
  return sent;
}

describe('suggestions on the contact form', () => {
  test('suggest a matching article for the description; opening it and coming back keeps the draft; sending clears it', async () => {
    const page = await session.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/escalations')) requests.push(request.postData() ?? '');
    });
    await describeProblem(page);
    const links = suggestions(page).getByRole('link');
    await expect.poll(() => links.allInnerTexts(), { timeout: 15_000 }).toContain(KNOWN_ARTICLE.title);
    expect(await links.count()).toBeLessThanOrEqual(3);
    await expectNoAxeViolations(page);

    await links.filter({ hasText: KNOWN_ARTICLE.title }).click();
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);
    // The article shows the words the description shared with it.
    await expect.poll(() => page.getByRole('article').locator('mark').count()).toBeGreaterThan(0);
    await page.goBack();
    await page.waitForURL('**/contact/');

    const main = page.getByRole('main');
    await expect.poll(() => main.getByLabel('Describe the problem').inputValue()).toBe(DESCRIPTION);
    expect(await main.getByLabel('Your name').inputValue()).toBe('Valerie');
    expect(await main.getByLabel('Your email address').inputValue()).toBe('valerie@example.com');
    const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) }));
    expect(stored.session).toContain('signpost:draft:contact');
    expect(stored.local.filter((key) => key.includes('draft'))).toEqual([]);

    await main.getByLabel('Password reset').check();
    await main.getByLabel('The support team may contact me').check();
    await page.waitForTimeout(MIN_FILL_MS + 200);
    await main.getByRole('button', { name: 'Send to support' }).click();
    await page.waitForURL(/\/contact\/sent\//);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('signpost:draft')))).toEqual([]);

    // The tab id that ties the suggestion events together is on events only, never on the request or its ticket.
    const reference = new URL(page.url()).searchParams.get('ref')!;
    const tab = await page.evaluate(() => sessionStorage.getItem('signpost:tab'));
    expect(tab).toMatch(/^[0-9a-f-]{36}$/);
    expect(requests.join()).not.toContain(tab);
    const ticket = (await storedRows(dataDir)).tickets.find((row) => row.reference === reference);
    expect(ticket).toBeDefined();
    expect(JSON.stringify(ticket)).not.toContain(tab);

    await page.goto('/'); // leaving the page sends the queued events
    let events: Awaited<ReturnType<typeof storedInsights>>['events'] = [];
    await expect
      .poll(
        async () => {
          events = (await storedInsights(dataDir)).events.filter((event) => event.tab === tab);
          return events.some((event) => event.type === 'suggestion_request_sent');
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(events.find((event) => event.type === 'suggestions_shown')?.result_count).toBeGreaterThan(0);
    expect(events.find((event) => event.type === 'suggestion_open')).toMatchObject({ target: KNOWN_ARTICLE.path });
    expect(events.filter((event) => event.type === 'suggestion_request_sent')).toHaveLength(1);
  });

  test('with Global Privacy Control on, suggestions still help but no event is sent', async () => {
    const page = await session.newPage();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const sent = beacons(page);
    await describeProblem(page);
    const links = suggestions(page).getByRole('link');
    await expect.poll(() => links.allInnerTexts(), { timeout: 15_000 }).toContain(KNOWN_ARTICLE.title);
    await links.filter({ hasText: KNOWN_ARTICLE.title }).click();
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);
    await page.goto('/');
    await page.waitForTimeout(500);
    expect(sent).toEqual([]);
  });

  test('suggestions wait until the problem is described in a few words', async () => {
    const page = await session.newPage();
    await describeProblem(page, 'security question');
    await page.waitForTimeout(1500);
    expect(await suggestions(page).count()).toBe(0);
    await page.getByRole('main').getByLabel('Describe the problem').pressSequentially(' answer forgotten', { delay: 10 });
    await expect.poll(() => suggestions(page).getByRole('link').allInnerTexts(), { timeout: 15_000 }).toContain(KNOWN_ARTICLE.title);
  });
});
