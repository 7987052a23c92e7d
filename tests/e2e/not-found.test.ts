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

  test('offers search, the most popular articles, the troubleshooters and contact support', async () => {
    const page = await session.newPage();
    const response = await page.goto('/articles/no-such-article-here/');
    expect(response?.status()).toBe(404);
    const main = page.getByRole('main');

    expect(await main.getByRole('searchbox', { name: 'Search the help center' }).isVisible()).toBe(true);

    const popular = main.getByRole('region', { name: 'Popular articles' }).getByRole('link');
    expect(await popular.count()).toBeGreaterThan(0);
    for (const href of await popular.evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      expect(href).toMatch(/^\/articles\//);

    const flows = main.getByRole('region', { name: 'Troubleshooters' });
    expect(await flows.getByRole('link').count()).toBeGreaterThan(0);
    await flows.getByRole('link').first().click();
    await page.waitForURL('**/troubleshoot/**');

    await page.goBack();
    await page.getByRole('main').getByRole('link', { name: 'Contact support' }).click();
    await page.waitForURL('**/contact/');
  });
});
