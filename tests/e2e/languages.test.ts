import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../harness/project-copy.ts';
import { expectNoAxeViolations, siteUrl, useBrowser } from '../support/browser.ts';
import { choose, openLoginFlow, troubleshooter, waitForIsland } from '../support/flow-page.ts';
import { readSearchResults } from '../support/search.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

const session = useBrowser();

// What the Spanish content says, read from its files, so the test follows the translators' words. (What is not
// translated yet: tests/build/languages-in-a-copy.test.ts, as the demo translates everything.)
const esTitle = (file: string) => /^title: (.*)$/m.exec(readFileSync(join(projectRoot, file), 'utf8'))![1];
const esLogin = parse(readFileSync(join(projectRoot, 'content/es/flows/login.yaml'), 'utf8')) as { steps: { id: string; title: string }[] };
const languageLink = (page: Page, name: string) =>
  page
    .getByRole('banner')
    .getByRole('navigation', { name: /^(Language|Idioma)$/ })
    .getByRole('link', { name });

describe('languages', () => {
  test('the switcher leads from an article to the same article in Spanish, and back', async () => {
    const page = await session.newPage();
    await page.goto(KNOWN_ARTICLE.path);
    await languageLink(page, 'Español').click();
    await page.waitForURL(siteUrl(`/es${KNOWN_ARTICLE.path}`));
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
      esTitle(`content/es/articles/account-access/${KNOWN_ARTICLE.slug}.mdx`),
    );
    await languageLink(page, 'English').click();
    await page.waitForURL(siteUrl(KNOWN_ARTICLE.path));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(KNOWN_ARTICLE.title);
  });

  test('the switcher leads from step 3 of the troubleshooter to the same step in Spanish', async () => {
    const page = await session.newPage();
    await openLoginFlow(page);
    await choose(page, 'I forgot my password', 'reset-password');
    await choose(page, "The reset email didn't arrive", 'check-spam');
    await languageLink(page, 'Español').click();
    await page.waitForURL(siteUrl('/es/troubleshoot/login/#check-spam'));
    await waitForIsland(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expect
      .poll(() => troubleshooter(page).headings.allInnerTexts())
      .toEqual([esLogin.steps.find((s) => s.id === 'check-spam')!.title]);
  });

  test('a browser in Spanish is offered the Spanish page on a first visit, never sent there, until it says no', async () => {
    const page = await session.newPage({ locale: 'es-ES' });
    await page.goto(KNOWN_ARTICLE.path);
    const suggestion = page.locator('.announcement[lang="es"]');
    await suggestion.waitFor();
    expect(page.url()).toBe(siteUrl(KNOWN_ARTICLE.path));
    expect(await suggestion.getByRole('link').getAttribute('href')).toBe(`/es${KNOWN_ARTICLE.path}`);
    await suggestion.getByRole('button').click();
    await page.reload();
    await page.locator('html[data-notices-script]').waitFor({ state: 'attached' });
    expect(await suggestion.isVisible()).toBe(false);

    const english = await session.newPage({ locale: 'en-GB' });
    await english.goto(KNOWN_ARTICLE.path);
    await english.locator('html[data-notices-script]').waitFor({ state: 'attached' });
    expect(await english.locator('.announcement[lang="es"]').isVisible()).toBe(false);
  });

  const spanishPages = ['/es/', `/es${KNOWN_ARTICLE.path}`, '/es/categories/account-access/', '/es/troubleshoot/login/', '/es/contact/'];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const path of spanishPages) {
      test(`axe finds no violations on ${path} (${colorScheme})`, async () => {
        const page = await session.newPage({ colorScheme });
        await page.goto(path);
        await expectNoAxeViolations(page);
      });
    }
  }

  test('a search on a Spanish page answers with Spanish articles under /es/; nothing found offers the same words in English', async () => {
    const page = await session.newPage();
    await page.goto('/es/search/?q=olvide%20mi%20contrasena');
    const results = await readSearchResults(page, 'olvide mi contrasena');
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.href, result.title).toMatch(/^\/es\//);
    expect(results.map((r) => r.title)).toContain(esTitle('content/es/articles/account-access/forgot-password.mdx'));

    await page.goto('/es/search/?q=xilofono%20cuarzo');
    const offer = page.getByRole('main').getByRole('link', { name: 'Busca las mismas palabras' });
    const target = new URL((await offer.getAttribute('href'))!, siteUrl('/'));
    expect([target.pathname, target.searchParams.get('q')]).toEqual(['/search/', 'xilofono cuarzo']);
  });
});
