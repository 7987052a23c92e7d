// The benchmarks in Chromium (the one the tests use): whether it is there, and every request a page makes with the
// bytes transferred, for figures only a real browser shows.
import type { Browser, Page, Request } from 'playwright-core';
import { findChromium } from '../../../harness/chromium.ts';

/** Why there is no Chromium to measure with (the figures that need it are then skipped), or undefined. */
export function chromiumMissing(): string | undefined {
  try {
    findChromium();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface RecordedRequest {
  url: string;
  path: string;
  resourceType: string;
  status: number;
  /** Response body bytes as transferred (after Content-Encoding); Chromium reports 0 for worker scripts. */
  encodedBodyBytes: number;
  headerBytes: number;
  failed: boolean;
}

/**
 * Opens `url` in a fresh context (empty cache) and records every request the page and its workers
 * make until `ready(page)` resolves and the network has been idle.
 */
export async function recordRequests(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<void> = async () => {},
): Promise<RecordedRequest[]> {
  const context = await browser.newContext();
  const pending: Promise<RecordedRequest>[] = [];
  const record = (request: Request, failed: boolean) => {
    pending.push(
      (async () => {
        const response = failed ? null : await request.response();
        const sizes = failed ? null : await request.sizes();
        return {
          url: request.url(),
          path: new URL(request.url()).pathname,
          resourceType: request.resourceType(),
          status: response?.status() ?? 0,
          encodedBodyBytes: sizes?.responseBodySize ?? 0,
          headerBytes: sizes?.responseHeadersSize ?? 0,
          failed,
        };
      })(),
    );
  };
  context.on('requestfinished', (r) => record(r, false));
  context.on('requestfailed', (r) => record(r, true));
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    return await Promise.all(pending);
  } finally {
    await context.close();
  }
}
