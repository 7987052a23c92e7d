/**
 * What an opened search result hands to the page it opens, for the tab only and read once: the words to highlight and
 * the section to scroll to. Written by every place that opens results (the header's instant results, the search page,
 * the contact form's suggestions); read by the header's loader, which loads the highlighting only when there is one.
 */
import type { SearchHit } from '../search/search.ts';
import { HANDOFF_KEY } from './search-handoff-key.ts';

export interface SearchHandoff {
  path: string;
  words: string[];
  /** The id of the heading whose section matched best. */
  section?: string;
}

/** The words Pagefind marked in an excerpt (`<mark>…</mark>`): the page's own forms of the words searched for. */
export function markedWords(excerpt: string): string[] {
  return [...new Set([...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1].toLowerCase()))];
}

export function handOff(handoff: SearchHandoff): void {
  try {
    sessionStorage.setItem(HANDOFF_KEY, JSON.stringify(handoff));
  } catch {
    // Storage refused (a private mode): the page opens without highlighting.
  }
}

/** The handoff for the page at `path`, removed so a reload or a later visit shows the page plain. */
export function takeHandoff(path: string): SearchHandoff | undefined {
  try {
    const handoff = JSON.parse(sessionStorage.getItem(HANDOFF_KEY) ?? 'null') as SearchHandoff | null;
    sessionStorage.removeItem(HANDOFF_KEY);
    return handoff?.path === path ? handoff : undefined;
  } catch {
    return undefined;
  }
}

/** Hands over what a hit matched: the words Pagefind marked in its excerpt, and its best section. */
export function handOffHit(hit: SearchHit): void {
  handOff({ path: new URL(hit.url, location.href).pathname, words: markedWords(hit.excerpt), section: hit.section });
}
