// The search page as a reader sees it: a status line, then a list of results (title link, category, excerpt).
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface SearchResult {
  title: string;
  href: string;
  category: string;
  /** Excerpt text with its highlighted (`<mark>`) words. */
  excerpt: string;
  highlighted: string[];
}

/** The status line that announces how many articles match. */
export function searchStatus(page: Page): Locator {
  return page.getByRole('main').getByRole('status');
}

/** Waits until the search page has finished a search (the status names the query), then reads the results. */
export async function readSearchResults(page: Page, query: string): Promise<SearchResult[]> {
  const status = searchStatus(page);
  await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain(`“${query}”`);
  // Read every result in one go: the list is replaced whole when a new search (or a filter) finishes,
  // and reading item by item could straddle two renderings.
  return page
    .getByRole('main')
    .getByRole('list')
    .filter({ has: page.getByRole('heading') })
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((item) => {
        const link = item.querySelector('h2 a, h3 a') as HTMLAnchorElement | null;
        const paragraphs = item.querySelectorAll('p');
        return {
          title: link?.innerText ?? '',
          href: link?.getAttribute('href') ?? '',
          category: paragraphs[0]?.innerText ?? '',
          excerpt: paragraphs[paragraphs.length - 1]?.innerText ?? '',
          highlighted: [...item.querySelectorAll('mark')].map((m) => (m as HTMLElement).innerText),
        };
      }),
    );
}

/** A result's title link in the results list (the Quick answer above the list may link to the same article). */
export function searchResultLink(page: Page, title: string): Locator {
  return page
    .getByRole('main')
    .getByRole('list')
    .filter({ has: page.getByRole('heading') })
    .getByRole('link', { name: title, exact: true });
}

/** Lower-case words of a text, for comparing runs of words regardless of punctuation and spacing. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}
