// Shared e2e plumbing: one browser per test worker, a fresh context per page, the server's URL, axe checks.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, beforeAll, expect, inject } from 'vitest';
import { launchBrowser } from '../../harness/chromium.ts';

/** Origin of the help center started by tests/support/serve-build.setup.ts, e.g. `http://127.0.0.1:40123`. */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** Absolute URL of a path on the help center under test. */
export function siteUrl(path: string): string {
  return new URL(path, baseUrl()).href;
}

export interface BrowserSession {
  /** A page in a new, isolated context (closed after the test); relative `goto` paths resolve against the server. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * One Chromium for the whole worker. The projects against a server run their files one after another in one worker
 * (`isolate: false`), so they share it rather than each paying about a second to launch one; every test still gets
 * contexts of its own. A browser that went away is launched again for the next file.
 */
let shared: Promise<Browser> | undefined;
function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser().then((browser) => {
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  });
  return shared;
}

/** Call once at the top of a test file: the worker's Chromium for the file's tests, each test's contexts closed after it. */
export function useBrowser(): BrowserSession {
  let browser: Browser | undefined;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close()));
  });

  return {
    async newPage(options = {}) {
      if (!browser) throw new Error('useBrowser(): the browser is not running yet (call newPage inside a test).');
      const context = await browser.newContext({ baseURL: baseUrl(), ...options });
      open.push(context);
      return context.newPage();
    },
  };
}

/** Runs axe (WCAG 2.x A/AA and best practices) on the page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.flatMap((v) =>
    v.nodes.map(
      (node) => `${v.id} (${v.impact}) ${node.target.join(' ')}: ${v.help}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`,
    ),
  );
  expect(report, `axe violations on ${page.url()}:\n${report.join('\n')}`).toEqual([]);
}

/** Collects console errors and uncaught page errors from the moment it is called. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
