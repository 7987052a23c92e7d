/**
 * The suggestions' browser logic, loaded with the first search (Suggestions.tsx): searching what the reader wrote,
 * and reporting what was shown and opened (insights).
 */
import { handOffHit } from '../../client/search-handoff.ts';
import { suggestionOpened, suggestionsShown } from '../../client/suggestion-events.ts';
import { hitLabel } from '../../components/search/results-markup.ts';
import { browserSearch, type BrowserSearchOptions } from '../../search/browser-search.ts';
import type { SearchHit } from '../../search/search.ts';

/** At most this many suggestions. */
export const SUGGESTIONS = 3;

export interface Suggestion {
  hit: SearchHit;
  /** Its topic, or that it is a troubleshooter. */
  label: string;
}

export async function suggest(description: string, options: BrowserSearchOptions, troubleshooter: string): Promise<Suggestion[]> {
  const search = await browserSearch(options);
  const { hits } = await search({ query: description, limit: SUGGESTIONS, countFilters: false });
  return hits.map((hit) => ({ hit, label: hitLabel(hit, troubleshooter) }));
}

export const shown = (suggestions: Suggestion[]) => suggestionsShown(suggestions.length);

/** The reader opens suggestion number `rank`: counted, and its matched words handed to the page it opens. */
export function opened({ hit }: Suggestion, rank: number): void {
  suggestionOpened(new URL(hit.url, location.href).pathname, rank);
  handOffHit(hit);
}
