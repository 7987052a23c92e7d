import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
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

  test('the search page says search needs JavaScript and lists every topic', async () => {
    const home = await session.newPage({ javaScriptEnabled: false });
    await home.goto('/');
    const topics = await home.getByRole('region', { name: 'Browse by topic' }).getByRole('heading', { level: 3 }).allInnerTexts();
    expect(topics).toContain(KNOWN_ARTICLE.category.title);

    const page = await session.newPage({ javaScriptEnabled: false });
    await page.goto('/search/?q=maiden%20name');
    const main = page.getByRole('main');
    expect(await main.getByText('Search needs JavaScript').isVisible()).toBe(true);
    for (const topic of topics) {
      const link = main.getByRole('link', { name: topic, exact: true });
      expect(await link.isVisible(), topic).toBe(true);
      expect(await link.getAttribute('href'), topic).toMatch(/^\/categories\/[a-z0-9-]+\/$/);
    }
    expect(await main.getByRole('link', { name: KNOWN_ARTICLE.category.title, exact: true }).getAttribute('href')).toBe(
      KNOWN_ARTICLE.category.path,
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
