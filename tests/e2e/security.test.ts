import { describe, expect, test } from 'vitest';
import { SECURITY_HEADERS } from '../../src/server/http/server.ts';
import { collectPageErrors, siteUrl, useBrowser } from '../support/browser.ts';
import { readSearchResults, searchResultLink } from '../support/search.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const session = useBrowser();

function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    // A page's policy is its own (from its <meta>) with ours, frame-ancestors, added.
    if (name === 'Content-Security-Policy' && what.endsWith('/'))
      expect(headers[name.toLowerCase()], what).toMatch(/script-src 'self'.*; frame-ancestors 'none'$/);
    else expect(headers[name.toLowerCase()], `${name} on ${what}`).toBe(value);
  }
}

describe('security', () => {
  test('an article response carries the security headers', async () => {
    const page = await session.newPage();
    const response = await page.goto(KNOWN_ARTICLE.path);
    expect(response?.status()).toBe(200);
    expectSecurityHeaders(response!.headers(), KNOWN_ARTICLE.path);
  });

  test('static files (the search script) carry the security headers too', async () => {
    const response = await fetch(siteUrl('/pagefind/en/pagefind.js'));
    expect(response.status).toBe(200);
    expectSecurityHeaders(Object.fromEntries(response.headers), '/pagefind/en/pagefind.js');
  });

  test('an article carries a Content Security Policy <meta> that limits scripts', async () => {
    const page = await session.newPage();
    await page.goto(KNOWN_ARTICLE.path);
    const policy = await page.locator('head meta[http-equiv="content-security-policy" i]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src [^;]*'self'/);
    expect(policy).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  });

  test('searching from an article raises no CSP violation and no script error', async () => {
    const page = await session.newPage();
    const errors = collectPageErrors(page);
    await page.goto(KNOWN_ARTICLE.path);

    await page.keyboard.press('/');
    await page.keyboard.type('security question');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=security+question');
    expect((await readSearchResults(page, 'security question')).length).toBeGreaterThan(0);

    // Refine the query in place (the page searches as you type) and open a result.
    const field = page.getByRole('main').getByRole('searchbox');
    await field.fill('maiden name');
    expect((await readSearchResults(page, 'maiden name')).length).toBeGreaterThan(0);
    await searchResultLink(page, KNOWN_ARTICLE.title).click();
    await page.waitForURL(`**${KNOWN_ARTICLE.path}`);

    const cspViolations = errors.filter((e) => /Content Security Policy|Refused to/i.test(e));
    expect(cspViolations).toEqual([]);
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
