import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { readSearchResults } from '../support/search.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const session = useBrowser();

describe('an unknown address', () => {
  test('answers 404 with a page that offers search', async () => {
    const page = await session.newPage();
    const response = await page.goto('/articles/no-such-article-here/');

    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/couldn.t find that page/i);
    const search = page.getByRole('main').getByRole('searchbox', { name: 'Search the help center' });
    expect(await search.isVisible()).toBe(true);

    await search.fill('security question');
    await search.press('Enter');
    await page.waitForURL('**/search/?q=security+question');
    expect((await readSearchResults(page, 'security question')).map((r) => r.title)).toContain(KNOWN_ARTICLE.title);
  });
});
