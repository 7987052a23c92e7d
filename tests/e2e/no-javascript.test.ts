import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { readSearchResults } from '../support/search.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const session = useBrowser();

describe('without JavaScript', () => {
  test('an article renders completely', async () => {
    const withJs = await session.newPage();
    await withJs.goto(KNOWN_ARTICLE.path);
    const page = await session.newPage({ javaScriptEnabled: false });
    await page.goto(KNOWN_ARTICLE.path);

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(KNOWN_ARTICLE.title);
    expect(
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: KNOWN_ARTICLE.category.title }).isVisible(),
    ).toBe(true);
    const tocLinks = await page.getByRole('navigation', { name: 'In this article' }).getByRole('link').allInnerTexts();
    expect(tocLinks.length).toBeGreaterThan(0);
    for (const text of tocLinks) {
      expect(await page.getByRole('main').getByRole('heading', { name: text, exact: true }).isVisible(), text).toBe(true);
    }
    // Nothing on the page waits for a script: the reader sees exactly what a browser with JavaScript shows.
    expect(await page.getByRole('main').innerText()).toBe(await withJs.getByRole('main').innerText());
    expect(await page.getByRole('banner').getByRole('searchbox').isVisible()).toBe(true);
  });

  test('the search page lists results rendered by the server, and the header search and filters work', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    await page.goto(KNOWN_ARTICLE.path);
    await page.getByRole('banner').getByRole('searchbox').fill('maiden name');
    await page.getByRole('banner').getByRole('searchbox').press('Enter');
    await page.waitForURL('**/search/?q=maiden+name');

    const results = await readSearchResults(page, 'maiden name');
    expect(results[0]).toMatchObject({ title: KNOWN_ARTICLE.title, href: KNOWN_ARTICLE.path, category: KNOWN_ARTICLE.category.title });
    expect(results[0].highlighted.length).toBeGreaterThan(0);

    await page.goto('/search/?q=account');
    const before = await readSearchResults(page, 'account');
    const topics = page.getByRole('main').getByRole('group', { name: 'Topic' });
    await topics.getByRole('checkbox', { name: KNOWN_ARTICLE.category.title, exact: true }).check();
    await page.getByRole('main').getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/category=/);
    const narrowed = await readSearchResults(page, 'account');
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(before.length + 1);
    expect(new Set(narrowed.map((r) => r.category))).toEqual(new Set([KNOWN_ARTICLE.category.title]));
  });

  test('a typo gets the correction line and the closest articles without JavaScript too', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    await page.goto('/search/?q=pasword');
    await readSearchResults(page, 'pasword');
    expect(await page.getByRole('main').locator('.correction').innerText()).toBe(
      'Showing results for password · Search instead for pasword',
    );
  });

  test('a contact form sent with errors shows them at /contact/, with the input kept', async () => {
    const page = await session.newPage({ javaScriptEnabled: false });
    await page.goto('/contact/');
    const main = page.getByRole('main');
    await main.getByLabel('Your name').fill('Mary Jackson');
    await main.getByLabel('Your email address').fill('mary.example.com');
    await main.getByLabel('Address 1').fill('mary@');
    await main.getByLabel('Describe the problem').fill('Too short');
    await main.getByRole('button', { name: 'Send to support' }).click();
    await main.locator('.error-summary').waitFor();

    expect(new URL(page.url()).pathname).toBe('/contact/');
    expect(await page.title()).toMatch(/^Error: Contact support/);
    expect(await page.getByRole('region', { name: 'Notices' }).getByText('This is a demo help center').isVisible()).toBe(true);
    expect(await main.locator('.error-summary li').allInnerTexts()).toEqual([
      'Enter your email address in the correct format, like name@example.com',
      'Enter address 1 in the correct format, like name@example.com',
      'Select what your request is about',
      'Description must be 20 characters or more',
      'Confirm that we may contact you about this request',
    ]);
    expect(await main.getByLabel('Your name').inputValue()).toBe('Mary Jackson');
    expect(await main.getByLabel('Your email address').inputValue()).toBe('mary.example.com');
    expect(await main.getByLabel('Address 1').inputValue()).toBe('mary@');
    expect(await main.getByLabel('Describe the problem').inputValue()).toBe('Too short');
  });
});
