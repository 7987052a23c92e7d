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
  const items = page
    .getByRole('main')
    .getByRole('list')
    .filter({ has: page.getByRole('heading') })
    .getByRole('listitem');
  // The list may be replaced while it is read (a filter was just changed): then an item is gone, and rather than
  // wait for it, reading fails fast so a polling caller reads the new list.
  const timeout = 1000;
  return Promise.all(
    (await items.all()).map(async (item) => {
      const link = item.getByRole('heading').getByRole('link');
      const paragraphs = item.locator('p');
      return {
        title: await link.innerText({ timeout }),
        href: (await link.getAttribute('href', { timeout })) ?? '',
        category: await paragraphs.first().innerText({ timeout }),
        excerpt: await paragraphs.last().innerText({ timeout }),
        highlighted: await item.locator('mark').allInnerTexts(),
      };
    }),
  );
}

/** Lower-case words of a text, for comparing runs of words regardless of punctuation and spacing. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}
