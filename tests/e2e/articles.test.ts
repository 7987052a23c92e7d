import { describe, expect, test } from 'vitest';
import { siteUrl, useBrowser } from '../support/browser.ts';
import { readArticleSources } from '../support/content.ts';

const session = useBrowser();
const published = readArticleSources().filter((article) => !article.draft);

describe('article addresses', () => {
  test('every published article is served at /articles/<slug>/ under its title', async () => {
    expect(published.length).toBeGreaterThan(0);
    const page = await session.newPage();
    for (const article of published) {
      const response = await page.goto(`/articles/${article.slug}/`);
      expect(response?.status(), article.file).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).innerText(), article.file).toBe(article.title);
    }
  });

  // One test per alias an editor has declared in frontmatter (`aliases: [old-slug]`); none exist until someone adds one.
  for (const article of published) {
    for (const alias of article.aliases) {
      test(`the old address /articles/${alias}/ brings the reader to /articles/${article.slug}/`, async () => {
        const page = await session.newPage();
        await page.goto(`/articles/${alias}/`);
        await page.waitForURL(`**/articles/${article.slug}/`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(article.title);
      });

      test(`/articles/${alias}/ answers with a permanent redirect, so links and search engines follow the move`, async () => {
        const response = await fetch(siteUrl(`/articles/${alias}/`), { redirect: 'manual' });
        expect([301, 308], `status of /articles/${alias}/`).toContain(response.status);
        expect(new URL(response.headers.get('location') ?? '', siteUrl('/')).pathname).toBe(`/articles/${article.slug}/`);
      });
    }
  }
});
