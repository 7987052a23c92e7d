import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { KNOWN_ARTICLE, isInViewport } from '../support/site.ts';

const session = useBrowser();

/** The middle of an element, where a reader would point or click (the card's link lies over its text). */
async function middleOf(element: Locator): Promise<[number, number]> {
  const box = (await element.boundingBox())!;
  return [box.x + box.width / 2, box.y + box.height / 2];
}

const contents = (page: Page) => page.getByRole('navigation', { name: 'In this article' });

describe('reading an article', () => {
  test('at 1280 px "In this article" sits beside the text, stays in view and marks the section being read; at 320 px it is above the text', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(KNOWN_ARTICLE.path);
    const title = page.getByRole('heading', { level: 1 });
    const titleBox = (await title.boundingBox())!;
    const tocBox = (await contents(page).boundingBox())!;
    expect(tocBox.x).toBeGreaterThanOrEqual(titleBox.x + titleBox.width);
    expect(tocBox.y).toBeLessThan(titleBox.y + titleBox.height);

    const links = contents(page).getByRole('link');
    const last = links.last();
    const heading = page.getByRole('main').getByRole('heading', { name: await last.innerText(), exact: true });
    await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));

    await expect.poll(() => last.getAttribute('aria-current')).toBe('true');
    expect(await isInViewport(contents(page))).toBe(true);
    expect(await contents(page).locator('[aria-current]').count()).toBe(1);

    await heading.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => contents(page).locator('[aria-current]').count()).toBe(0);

    const narrow = await session.newPage({ viewport: { width: 320, height: 640 } });
    await narrow.goto(KNOWN_ARTICLE.path);
    const firstSection = narrow.getByRole('main').getByRole('heading', { name: await links.first().innerText(), exact: true });
    const narrowToc = (await contents(narrow).boundingBox())!;
    expect(narrowToc.y + narrowToc.height).toBeLessThanOrEqual((await firstSection.boundingBox())!.y);
    expect(narrowToc.y).toBeGreaterThan((await narrow.getByRole('heading', { level: 1 }).boundingBox())!.y);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('at 1280 px the other articles of its topic are listed beside the article, without scrolling', async () => {
    const page = await session.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(KNOWN_ARTICLE.path);
    const topic = page.getByRole('navigation', { name: 'More in this topic' });
    expect(await isInViewport(topic)).toBe(true);
    expect(await topic.getByRole('link', { name: KNOWN_ARTICLE.category.title }).getAttribute('href')).toBe(KNOWN_ARTICLE.category.path);
    const here = topic.getByRole('link', { name: KNOWN_ARTICLE.title });
    expect(await here.getAttribute('aria-current')).toBe('page');
    expect(await topic.getByRole('link').count()).toBeGreaterThan(2);

    const other = topic.getByRole('listitem').nth(0).getByRole('link');
    const href = (await other.getAttribute('href'))!;
    await other.click();
    await page.waitForURL(`**${href}`);
  });
});

describe('cards and lists', () => {
  test('a topic card has exactly one link, named by its title, and a click anywhere on its text opens it', async () => {
    const page = await session.newPage();
    await page.goto('/');
    const card = page
      .getByRole('region', { name: 'Browse by topic' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: KNOWN_ARTICLE.category.title }) });
    expect(await card.getByRole('link').count()).toBe(1);
    expect(await card.getByRole('link').innerText()).toBe(KNOWN_ARTICLE.category.title);
    // Titles are not underlined until the pointer is over the card.
    const decoration = () => card.getByRole('link').evaluate((a) => getComputedStyle(a).textDecorationLine);
    expect(await decoration()).toBe('none');
    const text = await middleOf(card.getByRole('paragraph').first());
    await page.mouse.move(...text);
    expect(await decoration()).toBe('underline');

    await page.mouse.click(...text);
    await page.waitForURL(`**${KNOWN_ARTICLE.category.path}`);

    // The category's article list works the same way: a click on an article's summary opens it.
    const item = page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: KNOWN_ARTICLE.title }) });
    expect(await item.getByRole('link').count()).toBe(1);
    await page.mouse.click(...(await middleOf(item.getByRole('paragraph'))));
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);
  });

  test('the focused card shows a focus ring around the whole card', async () => {
    const page = await session.newPage();
    await page.goto('/');
    const link = page.getByRole('region', { name: 'Browse by topic' }).getByRole('link', { name: KNOWN_ARTICLE.category.title });
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await link.evaluate((a) => {
      const after = getComputedStyle(a, '::after');
      return { style: after.outlineStyle, position: after.position };
    });
    expect(ring).toEqual({ style: 'solid', position: 'absolute' });
  });
});
