import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../harness/chromium.ts';
import { astroBin, copyProject, projectRoot, runNode } from '../../harness/project-copy.ts';
import { serveStatic, type StaticServer } from '../../scripts/bench/measure/static-server.ts';
import { site } from '../../src/site.config.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

// Built once, in a copy of the project: a test-only right-to-left language (tests/fixtures/rtl-language) added to
// the configuration, and one Spanish article and one Spanish troubleshooter taken away (the demo translates them
// all), so the pages of what is not translated yet can be seen. Served as static files, measured in Chromium.
const fixture = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/rtl-language/language.json'), 'utf8')) as {
  language: { code: string; name: string; dir: string };
  locale: string;
  breadcrumbsHome: string;
  untranslated: { article: string; flow: string };
};
const es = JSON.parse(readFileSync(join(projectRoot, 'content/messages/es.json'), 'utf8')) as Record<string, string>;
const { article, flow } = fixture.untranslated;

let project: ReturnType<typeof copyProject>;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  project = copyProject();
  const config = join(project.dir, 'src/site.config.ts');
  const text = readFileSync(config, 'utf8');
  // After the languages there are, so the default stays the first.
  const last = /languages: \[\n(?: {6}\{.*\},\n)+/.exec(text)!;
  writeFileSync(config, text.replace(last[0], `${last[0]}      ${JSON.stringify(fixture.language)},\n`));
  const en = JSON.parse(readFileSync(join(projectRoot, 'content/messages/en.json'), 'utf8')) as Record<string, unknown>;
  const messages = { ...en, 'intl.locale': fixture.locale, 'breadcrumbs.home': fixture.breadcrumbsHome };
  writeFileSync(join(project.dir, `content/messages/${fixture.language.code}.json`), `${JSON.stringify(messages, null, 2)}\n`);
  rmSync(join(project.dir, `content/es/articles/${article}.mdx`));
  rmSync(join(project.dir, `content/es/flows/${flow}.yaml`));
  const build = runNode(project.dir, [astroBin, 'build']);
  if (build.status !== 0) throw new Error(build.output.slice(-3000));
  server = await serveStatic(join(project.dir, 'dist/client'));
  browser = await launchBrowser();
}, 400_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  project?.remove();
});

const open = async (path: string, options: { width?: number; colorScheme?: 'light' | 'dark' } = {}) => {
  // A context of its own: axe-core needs one made by newContext().
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme });
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
};
const slug = article.split('/')[1];

describe('a right-to-left language', () => {
  const articlePath = `/${fixture.language.code}${KNOWN_ARTICLE.path}`;

  it('runs the breadcrumbs from right to left', async () => {
    const page = await open(articlePath);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const crumbs = page.locator('.breadcrumbs li');
    expect(await crumbs.first().innerText()).toContain(fixture.breadcrumbsHome);
    const [first, second] = [(await crumbs.nth(0).boundingBox())!, (await crumbs.nth(1).boundingBox())!];
    expect(first.x).toBeGreaterThan(second.x);
    await page.context().close();
  });

  it('puts the contents column left of the article at 1280 px', async () => {
    const page = await open(articlePath);
    const toc = (await page.locator('.toc').first().boundingBox())!;
    const body = (await page.locator('article h1').first().boundingBox())!;
    expect(toc.x + toc.width).toBeLessThanOrEqual(body.x);
    await page.context().close();
  });
});

describe('what is not translated yet', () => {
  it('an article shows the English text under a notice in Spanish, noindex, its canonical the original, unindexed', async () => {
    const page = await open(`/es/articles/${slug}/`);
    expect(await page.getByRole('note').innerText()).toBe(es['article.untranslated.notice']);
    expect(await page.locator('article').getAttribute('lang')).toBe('en');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(`${site.baseUrl}/articles/${slug}/`);
    expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
    expect(await page.locator('link[hreflang]').count()).toBe(0);
    await page.context().close();
  });

  it('the English article offers Spanish readers the Spanish home, and neither the sitemap nor /es/llms*.txt list it', async () => {
    const page = await open(`/articles/${slug}/`);
    expect(await page.getByRole('banner').getByRole('link', { name: 'Español' }).getAttribute('href')).toBe('/es/');
    await page.context().close();
    const sitemap = readFileSync(join(project.dir, 'dist/client/sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`/articles/${slug}/`);
    expect(sitemap).not.toContain(`/es/articles/${slug}/`);
    expect(readFileSync(join(project.dir, 'dist/client/es/llms.txt'), 'utf8')).not.toContain(`/es/articles/${slug}.md`);
    const full = readFileSync(join(project.dir, 'dist/client/es/llms-full.txt'), 'utf8');
    expect(full).not.toContain(`/articles/${slug}/`);
    expect(full).toContain('Source: '); // the other Spanish articles are there
  });

  it('a troubleshooter shows its English steps under a notice in Spanish, noindex', async () => {
    const page = await open(`/es/troubleshoot/${flow}/`);
    expect(await page.getByRole('note').innerText()).toBe(es['flow.untranslated.notice']);
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe finds no violations on the untranslated article's Spanish page (${colorScheme})`, async () => {
      const page = await open(`/es/articles/${slug}/`, { colorScheme });
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.context().close();
    });
  }
});
