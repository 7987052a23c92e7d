import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../harness/chromium.ts';
import { astroBin, copyProject, projectRoot, userEnv } from '../../harness/project-copy.ts';
import { serveStatic, type StaticServer } from '../../scripts/bench/measure/static-server.ts';
import { KNOWN_ARTICLE } from '../support/site.ts';

// Layout in logical properties mirrors itself for a right-to-left language: a test-only one (tests/fixtures/rtl-language)
// is added to a copy of the project, built, and its pages measured in Chromium.
const fixture = JSON.parse(readFileSync(join(projectRoot, 'tests/fixtures/rtl-language/language.json'), 'utf8')) as {
  language: { code: string; name: string; dir: string };
  locale: string;
  breadcrumbsHome: string;
};

describe('a right-to-left language', () => {
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
    const build = spawnSync(process.execPath, [astroBin, 'build'], { cwd: project.dir, encoding: 'utf8', env: userEnv({ NO_COLOR: '1' }) });
    if (build.status !== 0) throw new Error(stripVTControlCharacters(`${build.stdout}\n${build.stderr}`).slice(-3000));
    server = await serveStatic(join(project.dir, 'dist/client'));
    browser = await launchBrowser();
  }, 400_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    project?.remove();
  });

  const open = async (width: number) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.origin}/${fixture.language.code}${KNOWN_ARTICLE.path}`);
    return page;
  };

  it('runs the breadcrumbs from right to left', async () => {
    const page = await open(1280);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const crumbs = page.locator('.breadcrumbs li');
    expect(await crumbs.first().innerText()).toContain(fixture.breadcrumbsHome);
    const [first, second] = [(await crumbs.nth(0).boundingBox())!, (await crumbs.nth(1).boundingBox())!];
    expect(first.x).toBeGreaterThan(second.x);
    await page.close();
  });

  it('puts the contents column left of the article at 1280 px', async () => {
    const page = await open(1280);
    const toc = (await page.locator('.toc').first().boundingBox())!;
    const body = (await page.locator('article h1').first().boundingBox())!;
    expect(toc.x + toc.width).toBeLessThanOrEqual(body.x);
    await page.close();
  });
});
