// One search module in the browser and on the server: for every answerable golden query, the results the browser
// finds as the reader types and the ones the page without JavaScript lists start with the same three.
import { describe, expect, test } from 'vitest';
import { readGoldenQueries } from '../../harness/search-quality.ts';
import { siteUrl, useBrowser } from '../support/browser.ts';

const session = useBrowser();
const queries = readGoldenQueries().filter((q) => q.answers.length > 0);

/** The first three result links of a search page's HTML, as the server rendered it. */
async function serverTopThree(query: string): Promise<string[]> {
  const html = await (await fetch(siteUrl(`/search/?q=${encodeURIComponent(query)}`))).text();
  return [...html.matchAll(/<li><h[23]><a href="([^"]+)"/g)].slice(0, 3).map((m) => m[1]);
}

describe('the browser and the server search alike', () => {
  test(`the same top three for all ${queries.length} answerable golden queries`, { timeout: 300_000 }, async () => {
    const page = await session.newPage();
    await page.goto('/search/');
    const field = page.getByRole('main').getByRole('searchbox');
    const differences: string[] = [];
    for (const { query } of queries) {
      await field.fill(query);
      await field.press('Enter');
      await page.waitForFunction((q) => document.querySelector<HTMLElement>('search-results')?.dataset.query === q, query.trim());
      const browser = await page
        .locator('search-results .results > li')
        .evaluateAll((items) => items.slice(0, 3).map((item) => item.querySelector('a')!.getAttribute('href')));
      const server = await serverTopThree(query);
      if (browser.join(' ') !== server.join(' '))
        differences.push(`"${query}": browser ${browser.join(', ')}; server ${server.join(', ')}`);
    }
    expect(differences).toEqual([]);
  });
});
