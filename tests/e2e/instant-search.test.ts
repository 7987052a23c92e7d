import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { searchResultLink } from '../support/search.ts';
import { KNOWN_ARTICLE, hasFocus, isInViewport } from '../support/site.ts';

const session = useBrowser();

/** The site search ("/" focuses it): in the header, or on the home page the one in its hero. */
const siteSearch = (page: Page) => page.getByRole('search').filter({ has: page.locator('[aria-keyshortcuts]') });
const popup = (page: Page) => siteSearch(page).getByRole('listbox', { name: 'Instant results' });
const combobox = (page: Page) => siteSearch(page).getByRole('combobox', { name: 'Search the help center' });
const status = (page: Page) => siteSearch(page).getByRole('status');

/** Paths of the requests the page makes from now on. */
function requested(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

/** Types into the header search by keyboard only ("/" focuses it) and waits for the instant results of the whole query. */
async function typeQuery(page: Page, query: string): Promise<string[]> {
  await page.keyboard.press('/');
  await page.keyboard.type(query);
  // Results for what was typed so far may show first: the last option names the query they are for.
  const options = popup(page).getByRole('option');
  await expect.poll(() => options.last().innerText(), { timeout: 15_000 }).toBe(`See all results for “${query}”`);
  await expect.poll(() => status(page).innerText()).toMatch(/results?\./);
  return options.allInnerTexts();
}

/** The option the field points at (aria-activedescendant), as the screen reader announces it. */
async function activeOption(page: Page): Promise<string | null> {
  const id = await combobox(page).getAttribute('aria-activedescendant');
  return id ? page.locator(`[id="${id}"]`).innerText() : null;
}

describe('instant results in the header search', () => {
  test('nothing of search loads at idle; the first focus loads it, and the results come with a count the screen reader hears', async () => {
    const page = await session.newPage();
    const paths = requested(page);
    await page.goto(KNOWN_ARTICLE.category.path);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    expect(paths.filter((p) => p.startsWith('/pagefind/') || p.includes('instant-search'))).toEqual([]);

    const options = await typeQuery(page, 'security question');
    expect(paths.some((p) => p.startsWith('/pagefind/'))).toBe(true);
    // At most five results, then "See all results"; each article with its topic.
    expect(options.length).toBeGreaterThan(1);
    expect(options.length).toBeLessThanOrEqual(6);
    expect(options).toContain(`${KNOWN_ARTICLE.title}\n${KNOWN_ARTICLE.category.title}`);
    expect(options.at(-1)).toBe('See all results for “security question”');
    // A polite live region (role status) with the number of results.
    expect(await status(page).getAttribute('role')).toBe('status');
    expect(await status(page).innerText()).toMatch(/^\d+ results?\. Use the up and down arrows to choose\.$/);
    expect(await combobox(page).getAttribute('aria-expanded')).toBe('true');
  });

  test('by keyboard only: arrows move through the results while focus stays in the field, Escape closes, Enter opens one', async () => {
    const page = await session.newPage();
    await page.goto('/');
    const options = await typeQuery(page, 'security question');
    const known = options.findIndex((text) => text.startsWith(KNOWN_ARTICLE.title));

    expect(await activeOption(page)).toBeNull();
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).toBe(options[0]);
    await page.keyboard.press('ArrowUp');
    expect(await activeOption(page)).toBe(options.at(-1));
    await page.keyboard.press('ArrowDown');
    expect(await activeOption(page)).toBe(options[0]);
    expect(await hasFocus(combobox(page))).toBe(true);
    expect(await popup(page).getByRole('option', { selected: true }).innerText()).toBe(options[0]);

    await page.keyboard.press('Escape');
    expect(await popup(page).isVisible()).toBe(false);
    expect(await combobox(page).getAttribute('aria-expanded')).toBe('false');
    expect(await combobox(page).inputValue()).toBe('security question');

    for (let i = 0; i <= known; i++) await page.keyboard.press('ArrowDown');
    expect(await popup(page).isVisible()).toBe(true);
    expect(await activeOption(page)).toBe(options[known]);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);
  });

  test('"See all results" leads to the search page for the query, and Enter without a choice still searches', async () => {
    const page = await session.newPage();
    await page.goto(KNOWN_ARTICLE.path);
    await typeQuery(page, 'maiden name');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=maiden+name');

    await typeQuery(page, 'security question');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=security+question');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 320]) {
      test(`axe finds no violations with the results closed and open (${colorScheme}, ${width} px)`, async () => {
        const page = await session.newPage({ colorScheme, viewport: { width, height: 800 } });
        await page.goto(KNOWN_ARTICLE.path);
        await expectNoAxeViolations(page);
        await typeQuery(page, 'password');
        await page.keyboard.press('ArrowDown');
        expect(await popup(page).isVisible()).toBe(true);
        await expectNoAxeViolations(page);
        // The open list fits the screen: nothing to scroll sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const box = (await popup(page).boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      });
    }
  }
});

describe('the searched words on the opened article', () => {
  test('opened from the instant results: the words are highlighted and the matching section is scrolled to', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 600 } });
    await page.goto('/');
    const options = await typeQuery(page, 'recovery email never arrived');
    const known = options.findIndex((text) => text.startsWith(KNOWN_ARTICLE.title));
    expect(known).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= known; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);

    const marks = page.getByRole('article').locator('mark');
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    const marked = new Set((await marks.allInnerTexts()).map((word) => word.toLowerCase()));
    expect([...marked].some((word) => ['recovery', 'email', 'arrived'].includes(word))).toBe(true);
    const section = page.getByRole('heading', { name: 'The recovery email never arrived. What can I do?' });
    await expect.poll(() => isInViewport(section)).toBe(true);
  });

  test('opened from the search page: the words are highlighted', async () => {
    const page = await session.newPage();
    await page.goto('/search/?q=maiden%20name');
    await searchResultLink(page, KNOWN_ARTICLE.title).click();
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);
    await expect.poll(() => page.getByRole('article').locator('mark').count()).toBeGreaterThan(0);
  });

  test('a direct visit, or coming back later, shows the article plain and loads no highlighting', async () => {
    const page = await session.newPage();
    const paths = requested(page);
    await page.goto(KNOWN_ARTICLE.path);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('article').locator('mark').count()).toBe(0);
    expect(paths.filter((p) => p.includes('search-highlight'))).toEqual([]);

    await page.goto('/search/?q=maiden%20name');
    await searchResultLink(page, KNOWN_ARTICLE.title).click();
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);
    await expect.poll(() => page.getByRole('article').locator('mark').count()).toBeGreaterThan(0);
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('article').locator('mark').count()).toBe(0);
  });
});
