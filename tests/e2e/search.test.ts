import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { readSearchResults, searchStatus, words } from '../support/search.ts';
import { KNOWN_ARTICLE, hasFocus, headerSearchField } from '../support/site.ts';

const session = useBrowser();

describe('search', () => {
  test('"maiden name" finds the security question article with a highlighted excerpt and its category', async () => {
    const page = await session.newPage();
    await page.goto('/search/?q=maiden%20name');

    const results = await readSearchResults(page, 'maiden name');
    const rank = results.findIndex((r) => r.title === KNOWN_ARTICLE.title);
    expect(rank, `results: ${JSON.stringify(results.map((r) => r.title))}`).toBeGreaterThanOrEqual(0);
    expect(rank).toBeLessThan(2);

    const result = results[rank];
    expect(result.href).toBe(KNOWN_ARTICLE.path);
    expect(result.category).toBe(KNOWN_ARTICLE.category.title);
    expect(result.highlighted.length).toBeGreaterThan(0);
    expect(result.highlighted.map((w) => w.toLowerCase()).join(' ')).toMatch(/maiden|name/);
  });

  test('a result excerpt quotes text the reader can see in the article', async () => {
    const page = await session.newPage();
    await page.goto('/search/?q=maiden%20name');
    const result = (await readSearchResults(page, 'maiden name')).find((r) => r.title === KNOWN_ARTICLE.title);
    expect(result).toBeDefined();

    await page.goto(KNOWN_ARTICLE.path);
    const visible = words(await page.getByRole('main').innerText()).join(' ');
    const quoted = words(result!.excerpt).join(' ');
    expect(visible.includes(quoted), `the excerpt "${result!.excerpt}" is not text a reader sees on ${KNOWN_ARTICLE.path}`).toBe(true);
  });

  test('a query without results says so once and offers the troubleshooters and contact support', async () => {
    const page = await session.newPage();
    await page.goto('/search/?q=xylophone%20quartz');

    expect(await readSearchResults(page, 'xylophone quartz')).toEqual([]);
    const main = page.getByRole('main');
    expect(await searchStatus(page).innerText()).toBe('No articles match “xylophone quartz”.');
    expect(await main.getByText(/no articles match/i).count()).toBe(1);
    expect(await main.getByRole('heading', { name: 'Let us help you directly' }).isVisible()).toBe(true);
    expect(await main.getByRole('link', { name: 'Use a troubleshooter' }).getAttribute('href')).toBe('/troubleshoot/');
    expect(await main.getByRole('link', { name: 'Contact support' }).getAttribute('href')).toBe('/contact/');
    // Nothing to filter: the filter box takes no room.
    expect(await main.getByRole('group', { name: 'Narrow your results' }).count()).toBe(0);
  });

  test('a typo typed in the page shows the correction line, the closest articles and the help', async () => {
    const page = await session.newPage();
    await page.goto('/search/');
    await page.getByRole('main').getByRole('searchbox').fill('pasword');

    const results = await readSearchResults(page, 'pasword');
    const main = page.getByRole('main');
    expect(await main.locator('.correction').innerText()).toBe('Showing results for password · Search instead for pasword');
    expect(await main.getByRole('heading', { name: 'No exact match: closest articles' }).isVisible()).toBe(true);
    expect(results.map((r) => r.title)).toContain('I forgot my password');
    expect(await main.getByRole('link', { name: 'Contact support' }).isVisible()).toBe(true);

    await main.getByRole('link', { name: 'pasword', exact: true }).click();
    await page.waitForURL('**/search/?q=pasword&exact=1');
    await readSearchResults(page, 'pasword');
    expect(await main.locator('.correction').count()).toBe(0);
  });

  test('a sign-in problem typed in the page offers the troubleshooter first', async () => {
    const page = await session.newPage();
    await page.goto('/search/');
    await page.getByRole('main').getByRole('searchbox').fill('cant log in');

    const [first] = await readSearchResults(page, 'cant log in');
    expect(first).toMatchObject({ title: "Troubleshooter: I can't sign in", href: '/troubleshoot/login/', category: 'Troubleshooter' });
  });

  test('typing in the header search of an article and pressing Enter shows results', async () => {
    const page = await session.newPage();
    await page.goto(KNOWN_ARTICLE.path);

    await headerSearchField(page).fill('security question');
    await headerSearchField(page).press('Enter');
    await page.waitForURL('**/search/?q=security+question');

    const results = await readSearchResults(page, 'security question');
    expect(results.map((r) => r.title)).toContain(KNOWN_ARTICLE.title);
    expect(await page.getByRole('main').getByRole('searchbox').inputValue()).toBe('security question');
  });

  test('pressing / on an article focuses the header search field', async () => {
    const page = await session.newPage();
    await page.goto(KNOWN_ARTICLE.path);
    expect(await hasFocus(headerSearchField(page))).toBe(false);

    await page.keyboard.press('/');

    expect(await hasFocus(headerSearchField(page))).toBe(true);
    expect(await headerSearchField(page).inputValue()).toBe('');
  });

  test('the topic filter narrows results to the chosen category', async () => {
    const page = await session.newPage();
    await page.goto('/search/?q=account');
    const before = await readSearchResults(page, 'account');
    expect(before.length).toBeGreaterThan(0);

    // The demo content spans several topics, so the page offers a topic filter.
    const topics = page.getByRole('main').getByRole('group', { name: 'Topic' });
    await topics.waitFor();

    // Troubleshooters have no topic: pick the topic of the first article.
    const chosen = before.find((r) => r.category !== 'Troubleshooter')!.category;
    const countBefore = await matchCount(page);
    await topics.getByRole('checkbox', { name: chosen, exact: true }).check();

    await expect.poll(() => new URL(page.url()).searchParams.getAll('category')).toEqual([chosen]);
    await expect
      .poll(async () => new Set((await readSearchResults(page, 'account')).map((r) => r.category)), { timeout: 10_000 })
      .toEqual(new Set([chosen]));
    const countAfter = await matchCount(page);
    if (new Set(before.map((r) => r.category)).size > 1) expect(countAfter).toBeLessThan(countBefore);
    else expect(countAfter).toBeLessThanOrEqual(countBefore);
  });
});

/** The number of matching articles the status line announces. */
async function matchCount(page: Page): Promise<number> {
  const text = await searchStatus(page).innerText();
  const count = /^(\d+) articles? match/.exec(text);
  if (!count) throw new Error(`the search status does not say how many articles match: "${text}"`);
  return Number(count[1]);
}
