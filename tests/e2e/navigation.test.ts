import { describe, expect, test } from 'vitest';
import { useBrowser } from '../support/browser.ts';
import { KNOWN_ARTICLE, hasFocus, isInViewport } from '../support/site.ts';

const session = useBrowser();

describe('browsing from the home page to an article', () => {
  test('home → category card → article shows breadcrumbs, title and "In this article"', async () => {
    const page = await session.newPage();
    await page.goto('/');

    await page.getByRole('region', { name: 'Browse by topic' }).getByRole('link', { name: KNOWN_ARTICLE.category.title }).click();
    await page.waitForURL(`**${KNOWN_ARTICLE.category.path}`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(KNOWN_ARTICLE.category.title);

    await page.getByRole('main').getByRole('link', { name: KNOWN_ARTICLE.title }).click();
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);

    const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await breadcrumbs.getByRole('link', { name: 'Help center' }).getAttribute('href')).toBe('/');
    expect(await breadcrumbs.getByRole('link', { name: KNOWN_ARTICLE.category.title }).getAttribute('href')).toBe(
      KNOWN_ARTICLE.category.path,
    );
    expect(await breadcrumbs.locator('[aria-current="page"]').innerText()).toBe(KNOWN_ARTICLE.title);

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(KNOWN_ARTICLE.title);
    const toc = page.getByRole('navigation', { name: 'In this article' });
    expect(await toc.getByRole('link').count()).toBeGreaterThan(0);
  });

  test('the home page has one search, in its hero, and "/" focuses it', async () => {
    const page = await session.newPage();
    await page.goto('/');
    const boxes = page.getByRole('searchbox', { name: 'Search the help center' });
    expect(await boxes.count()).toBe(1);
    expect(await page.getByRole('banner').getByRole('searchbox').count()).toBe(0);
    const hero = page.getByRole('region', { name: 'How can we help?' });
    expect(await hero.getByRole('searchbox', { name: 'Search the help center' }).isVisible()).toBe(true);

    await page.keyboard.press('/');
    await expect.poll(() => hasFocus(hero.getByRole('combobox', { name: 'Search the help center' }))).toBe(true);
  });

  test('each category card says how many articles its topic has, in plain English', async () => {
    const page = await session.newPage();
    await page.goto('/');
    const topics = page.getByRole('region', { name: 'Browse by topic' }).getByRole('listitem');
    const cards = await topics.filter({ has: page.locator('a[href^="/categories/"]') }).allInnerTexts();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const count = /(\d+) (articles?)\s*$/.exec(card);
      expect(count, card).not.toBeNull();
      expect(`${count![1]} ${count![2]}`, card).toBe(`${count![1]} ${count![1] === '1' ? 'article' : 'articles'}`);
    }
  });

  test('a link in "In this article" moves to its heading', async () => {
    const page = await session.newPage({ viewport: { width: 1024, height: 500 } });
    await page.goto(KNOWN_ARTICLE.path);

    const tocLink = page.getByRole('navigation', { name: 'In this article' }).getByRole('link').last();
    const text = await tocLink.innerText();
    const hash = (await tocLink.getAttribute('href'))!;
    expect(hash).toMatch(/^#./);
    const heading = page.getByRole('main').getByRole('heading', { name: text, exact: true });
    expect(await isInViewport(heading)).toBe(false);

    await tocLink.click();

    await expect.poll(() => new URL(page.url()).hash).toBe(hash);
    expect(await heading.getAttribute('id')).toBe(decodeURIComponent(hash.slice(1)));
    await expect.poll(() => isInViewport(heading)).toBe(true);
  });
});
