import { describe, expect, test } from 'vitest';
import { expectNoAxeViolations, useBrowser } from '../support/browser.ts';
import { readSearchResults } from '../support/search.ts';
import { KNOWN_ARTICLE, hasFocus } from '../support/site.ts';

const session = useBrowser();

const PAGES = [
  { name: 'home', path: '/' },
  { name: 'a category', path: KNOWN_ARTICLE.category.path },
  { name: 'an article', path: KNOWN_ARTICLE.path },
  { name: 'search with results', path: '/search/?q=maiden%20name', query: 'maiden name' },
  { name: 'search with a correction and the closest articles', path: '/search/?q=pasword', query: 'pasword' },
  { name: 'search without results', path: '/search/?q=xylophone%20quartz', query: 'xylophone quartz', none: true },
  { name: 'the 404 page', path: '/no-such-page-here/' },
];

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 320]) {
      for (const { name, path, query, none } of PAGES) {
        test(`axe finds no violations on ${name} (${colorScheme} colour scheme, ${width} px)`, async () => {
          const page = await session.newPage({ colorScheme, viewport: { width, height: 800 } });
          await page.goto(path);
          if (query) expect((await readSearchResults(page, query)).length > 0).toBe(!none);
          await expectNoAxeViolations(page);
        });
      }
    }
  }

  for (const { name, path } of PAGES) {
    test(`${name} fits a 320 px wide screen without horizontal scrolling`, async () => {
      const page = await session.newPage({ viewport: { width: 320, height: 640 } });
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }

  for (const { name, path } of PAGES) {
    test(`on ${name}, the first Tab reaches "Skip to content" and Enter moves focus to the main content`, async () => {
      const page = await session.newPage();
      await page.goto(path);

      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to content' });
      expect(await hasFocus(skip)).toBe(true);
      expect(await skip.isVisible()).toBe(true);

      await page.keyboard.press('Enter');
      await expect.poll(() => hasFocus(page.getByRole('main'))).toBe(true);
    });
  }
});
