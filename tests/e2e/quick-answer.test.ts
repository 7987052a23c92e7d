import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';

const session = useBrowser();

describe('the Quick answer region on /search/', () => {
  test('follows the query as the reader types: a region named "Quick answer" for a sure match, none for a weak one', async () => {
    const page = await session.newPage();
    await page.goto('/search/');
    const field = page.getByRole('main').getByRole('searchbox');
    const region = page.getByRole('region', { name: 'Quick answer' });
    expect(await region.count()).toBe(0);

    await field.fill('forgot password');
    await region.waitFor();
    const source = region.getByRole('link').last();
    expect(await source.getAttribute('href')).toMatch(/^\/articles\/forgot-password\/#/);
    expect(await region.getByRole('listitem').count()).toBeGreaterThan(0);

    await field.fill('how do i fill in my tax forms');
    await page.waitForFunction(
      () => document.querySelector('search-results')?.getAttribute('data-query') === 'how do i fill in my tax forms',
    );
    await region.waitFor({ state: 'detached' });
  });
});
