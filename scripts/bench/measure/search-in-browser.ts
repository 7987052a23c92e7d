// Search as a reader gets it from a build, served by its own server (`npm run serve`) and used in Chromium: what
// the first results cost, and how long a typed query takes once the index is loaded.
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../../../harness/chromium.ts';
import { startServer } from '../../../harness/server-process.ts';
import { QUERY_PHRASES_FILE } from '../../../src/search/query.ts';
import { VOCABULARY_FILE } from '../../../src/search/vocabulary.ts';
import { median } from './report.ts';

export interface RequestLoad {
  bytes: number;
  requests: number;
  /** Bytes and requests by kind of file (page, CSS, JS, Pagefind's own kinds). */
  byKind: Map<string, { requests: number; bytes: number }>;
}

export interface BrowserSearch {
  first: RequestLoad & { status: string };
  /** On an article page, from the header search's focus to its first instant results (the page itself not counted). */
  instant: RequestLoad & { status: string };
  /** Typed queries after the first (which loads Pagefind): p95 and median of results-on-screen time. */
  typed: { queries: number; p95Ms: number; medianMs: number; warmUpMs: number } & RequestLoad;
}

export const kindOf = (path: string, resourceType: string): string => {
  if (!path.startsWith('/pagefind/')) {
    const known: Record<string, string> = { document: 'page (HTML)', stylesheet: 'CSS', script: 'JS' };
    return known[resourceType] ?? `${resourceType} ${path}`;
  }
  // Past /pagefind/<lang>/: each language has a bundle of its own.
  const name = path.slice('/pagefind/'.length).replace(/^[a-z]{2,3}(?:-[a-z0-9]+)*\//, '');
  if (name.startsWith('index/')) return 'Pagefind index chunks';
  if (name.startsWith('fragment/')) return 'Pagefind fragments';
  if (name.startsWith('filter/')) return 'Pagefind filters';
  if (name.endsWith('.pf_meta')) return 'Pagefind metadata';
  if (name.startsWith('wasm.')) return 'Pagefind wasm';
  if (name === VOCABULARY_FILE) return 'search vocabulary';
  if (name === QUERY_PHRASES_FILE) return 'search phrases';
  if (name.endsWith('.json')) return 'Pagefind entry';
  return `Pagefind ${name}`;
};

/** Adds up the responses of the requests a page makes while `during` runs (bytes as sent, after Content-Encoding). */
async function load(page: Page, during: () => Promise<void>): Promise<RequestLoad> {
  const pending: Promise<{ path: string; type: string; bytes: number }>[] = [];
  const record = (request: Request) =>
    pending.push(
      request
        .sizes()
        .then((sizes) => ({ path: new URL(request.url()).pathname, type: request.resourceType(), bytes: sizes.responseBodySize })),
    );
  page.on('requestfinished', record);
  try {
    await during();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('requestfinished', record);
  }
  const byKind = new Map<string, { requests: number; bytes: number }>();
  let bytes = 0;
  for (const { path, type, bytes: size } of await Promise.all(pending)) {
    const kind = kindOf(path, type);
    const entry = byKind.get(kind) ?? { requests: 0, bytes: 0 };
    entry.requests++;
    entry.bytes += size;
    byKind.set(kind, entry);
    bytes += size;
  }
  return { bytes, requests: pending.length, byKind };
}

/**
 * Serves the build in `siteDir` and, in a fresh Chromium context, opens the article at `articlePath` and types
 * `firstQuery` into the header search, up to its first instant results. Then, in another fresh context (nothing
 * cached: the page and its assets count as fetched again), opens `/search/?q=<firstQuery>` as the header search of an article does, then types `queries` one
 * by one into the page, timing each from the pause in typing to the results on screen (the page's own `search`
 * performance measure). The first typed query loads Pagefind and is reported apart.
 */
export async function measureBrowserSearch(
  siteDir: string,
  firstQuery: string,
  queries: string[],
  articlePath: string,
): Promise<BrowserSearch> {
  const server = await startServer({ root: siteDir });
  const browser = await launchBrowser();
  try {
    const reader = await (await browser.newContext()).newPage();
    let instantStatus = '';
    await reader.goto(`${server.url}${articlePath}`);
    await reader.waitForLoadState('networkidle');
    // What the results cost once the reader is on the article: the query code and Pagefind load on focus.
    const instant = await load(reader, async () => {
      await reader.locator('[data-instant-search]').focus();
      await reader.keyboard.type(firstQuery);
      await reader.locator('[role=option]').first().waitFor({ timeout: 60_000 });
      instantStatus = (await reader.locator('header [role=status]').textContent()) ?? '';
    });
    await reader.context().close();

    const page = await (await browser.newContext()).newPage();
    let status = '';
    const first = await load(page, async () => {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(firstQuery)}`);
      status = (await page.textContent('search-results .status')) ?? '';
    });
    const field = page.locator('#search-page-field');
    const times: number[] = [];
    const typed = await load(page, async () => {
      for (const query of queries) {
        await field.fill(query);
        await field.press('Enter');
        await page.waitForFunction((q) => document.querySelector<HTMLElement>('search-results')?.dataset.query === q, query, {
          timeout: 60_000,
        });
        times.push(await page.evaluate(() => performance.getEntriesByName('search').at(-1)!.duration));
      }
    });
    const [warmUpMs, ...rest] = times;
    const sorted = [...rest].sort((a, b) => a - b);
    return {
      first: { ...first, status },
      instant: { ...instant, status: instantStatus },
      typed: {
        ...typed,
        queries: rest.length,
        warmUpMs,
        medianMs: median(sorted),
        p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN,
      },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
