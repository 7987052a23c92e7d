/**
 * Help-center search: the one module that asks the index, in the browser (browser-search.ts) and in Node
 * (node-search.ts). It turns what a reader typed into words (query.ts), asks Pagefind for pages holding all of
 * them, and when that is weak, corrects typos against the index's vocabulary and falls back to the most
 * informative words. Nothing else calls Pagefind.
 */
import { stemmer } from 'stemmer';
import type { PagefindFilters, PagefindFragment, PagefindInstance, PagefindResult } from './pagefind-api.ts';
import { queryWords } from './query.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * A result set is weak when it has fewer pages than this, or when its best page does not hold every word searched
 * for: Pagefind leaves out a word it finds nowhere ("api access" finds pages with "access"), and takes a word it
 * cannot find by the longest indexed word it begins with ("careers" by "care"). Then the vocabulary is loaded, typos
 * corrected and unknown words left out. A single page holding every word is kept as the answer.
 */
export const WEAK_RESULT_COUNT = 2;
/** Searches a query may cost beyond the first, for corrections and fallback together. */
export const MAX_EXTRA_SEARCHES = 4;
export const DEFAULT_RESULT_LIMIT = 10;

export type HitKind = 'article' | 'troubleshooter';

export interface SearchHit {
  url: string;
  title: string;
  kind: HitKind;
  /** The article's topic (its category title); none for troubleshooters. */
  category?: string;
  /** Text from the page with every `<`/`>` escaped and the matched words in `<mark>`. */
  excerpt: string;
}

export interface SearchOutcome {
  query: string;
  /**
   * exact: pages holding every word typed; closest: found only after correcting or leaving out words (shown as
   * "No exact match: closest articles"); none: nothing found, or nothing to search for.
   */
  match: 'exact' | 'closest' | 'none';
  /** The query as corrected, when typos were corrected ("Showing results for …"). */
  correctedQuery?: string;
  /** Pages found in all; `hits` holds the first of them. */
  total: number;
  hits: SearchHit[];
  /** Each filter's values among the pages found, with counts (before the chosen filters narrow them). */
  filterCounts: Record<string, Record<string, number>>;
}

export interface SearchRequest {
  query: string;
  /** Chosen filter values by filter name, e.g. `{ category: ['Payments and withdrawals'] }`. */
  filters?: Record<string, string[]>;
  /** Search the words as typed, without correcting them ("Search instead for …"). */
  asTyped?: boolean;
  limit?: number;
}

export interface SearchDependencies {
  index: PagefindInstance;
  /** Loaded once, the first time a result is weak. */
  loadVocabulary(): Promise<Vocabulary>;
  /** Where troubleshooter pages live (`/troubleshoot/`): their results are labelled as troubleshooters. */
  flowPathPrefix: string;
  /** The product's name, left out of queries: every article says it. */
  productName: string;
}

export type Search = (request: SearchRequest) => Promise<SearchOutcome>;

interface Found {
  results: PagefindResult[];
  filterCounts: Record<string, Record<string, number>>;
}

export function createSearch({ index, loadVocabulary, flowPathPrefix, productName }: SearchDependencies): Search {
  // Pagefind counts filter values (for the filter box) only once its filter files are loaded.
  const filtersLoaded = index.filters();
  let vocabulary: Promise<Vocabulary> | undefined;
  const vocabularyOnce = () =>
    (vocabulary ??= loadVocabulary().catch((error: unknown) => ((vocabulary = undefined), Promise.reject(error))));

  return async ({ query, filters = {}, asTyped = false, limit = DEFAULT_RESULT_LIMIT }) => {
    const chosen: PagefindFilters = Object.fromEntries(
      Object.entries(filters)
        .filter(([, values]) => values.length > 0)
        .map(([name, values]) => [name, { any: values }]),
    );
    await filtersLoaded;
    const find = async (words: string[]): Promise<Found> => {
      const response = await index.search(words.join(' '), { filters: chosen });
      return { results: response.results, filterCounts: response.totalFilters };
    };
    const outcome = async (match: SearchOutcome['match'], found: Found, correctedQuery?: string): Promise<SearchOutcome> => ({
      query,
      match: found.results.length ? match : 'none',
      ...(correctedQuery ? { correctedQuery } : {}),
      total: found.results.length,
      hits: await Promise.all(found.results.slice(0, limit).map((result) => hitOf(result, flowPathPrefix))),
      filterCounts: found.filterCounts,
    });

    const words = queryWords(query, productName);
    if (!words.length) return { query, match: 'none', total: 0, hits: [], filterCounts: {} };
    const exact = await find(words);
    const best = exact.results[0] && (await exact.results[0].data());
    const complete = best !== undefined && words.every((word) => holdsWord(best, word));
    if (complete && exact.results.length >= WEAK_RESULT_COUNT) return outcome('exact', exact);

    const known = await vocabularyOnce().catch(() => undefined);
    if (!known) return outcome(complete ? 'exact' : 'closest', exact);
    const { words: better, corrections } = correctWords(words, known, !asTyped);
    const correctedQuery = corrections.size ? withCorrections(query, corrections) : undefined;
    let searches = MAX_EXTRA_SEARCHES;
    if (better.join(' ') === words.join(' ')) {
      // Every word is known after all (the best page holds it in a form the check above missed).
      if (exact.results.length) return outcome('exact', exact);
    } else {
      if (!better.length) return outcome('none', { results: [], filterCounts: {} });
      const found = await find(better);
      searches--;
      if (found.results.length) return outcome('closest', found, correctedQuery);
    }
    // No page holds all the words: the pages holding most of them, the rarest words first.
    if (better.length < 2) return outcome('none', { results: [], filterCounts: {} }, correctedQuery);
    const lists = await Promise.all(fallbackWords(better, known, searches).map((word) => find([word])));
    return outcome('closest', rankByWordsMatched(lists), correctedQuery);
  };
}

/**
 * The words to search one by one when no page holds them all: the rarest first (a word on few pages says more
 * about what the reader wants), as many as the searches left allow.
 */
export function fallbackWords(words: string[], vocabulary: Vocabulary, searches: number): string[] {
  return words
    .map((word, position) => ({ word, position, pages: vocabulary.pageCount(word) || vocabulary.prefixPageCount(word) }))
    .sort((a, b) => a.pages - b.pages || a.position - b.position)
    .slice(0, searches)
    .map((w) => w.word);
}

/** Pages found by several one-word searches, those matching more of the words first, then by summed score. */
export function rankByWordsMatched(lists: Found[]): Found {
  const pages = new Map<string, { result: PagefindResult; words: number; score: number }>();
  for (const { results } of lists) {
    for (const result of results) {
      const seen = pages.get(result.id);
      if (seen) {
        seen.words++;
        seen.score += result.score;
      } else pages.set(result.id, { result, words: 1, score: result.score });
    }
  }
  const ranked = [...pages.values()].sort((a, b) => b.words - a.words || b.score - a.score);
  const filterCounts: Found['filterCounts'] = {};
  for (const { filterCounts: counts } of lists) {
    for (const [name, values] of Object.entries(counts)) {
      for (const [value, count] of Object.entries(values)) {
        const group = (filterCounts[name] ??= {});
        group[value] = Math.max(group[value] ?? 0, count);
      }
    }
  }
  return { results: ranked.map((p) => p.result), filterCounts };
}

/**
 * Words the index does not hold, corrected to the nearest word it does ("pasword" → "password") when `correct`.
 * A word kept as typed: one the index holds or that begins an indexed word ("mileston"), a common English word
 * the vocabulary protects from correction whose stem the index holds ("invites" for "invitation"). Any other word
 * is left out.
 */
export function correctWords(
  words: string[],
  vocabulary: Vocabulary,
  correct = true,
): { words: string[]; corrections: Map<string, string> } {
  const corrections = new Map<string, string>();
  const kept: string[] = [];
  for (const word of words) {
    if (vocabulary.prefixPageCount(word) > 0) {
      kept.push(word);
      continue;
    }
    const better = correct ? vocabulary.correction(word) : undefined;
    if (better) {
      corrections.set(word, better);
      kept.push(...better.split(' '));
    } else if (vocabulary.prefixPageCount(stemmer(word)) > 0) kept.push(word);
  }
  return { words: [...new Set(kept)], corrections };
}

/**
 * Whether a page holds a word of the query as typed: some word of its text or searchable metadata begins with it.
 * Stricter than Pagefind, which also matches by stem: "cashe" is "cash" to a stemmer but a typo of "cache" to a
 * reader, and only the vocabulary can tell. A word held only by its stem makes the result weak, so the vocabulary
 * decides (a plural such as "invites" is then kept as it is).
 */
function holdsWord(page: PagefindFragment, word: string): boolean {
  const text = [page.content, ...Object.values(page.meta)].join(' ').toLowerCase().replace(/['’]/g, '');
  // Query words are letters and digits only (query.ts): nothing to escape.
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${word}`, 'u').test(text);
}

/** The query as typed with each corrected word replaced, for "Showing results for …". */
function withCorrections(query: string, corrections: Map<string, string>): string {
  return query.replace(/[\p{L}\p{N}'’]+/gu, (token) => corrections.get(token.toLowerCase().replace(/['’]/g, '')) ?? token);
}

async function hitOf(result: PagefindResult, flowPathPrefix: string): Promise<SearchHit> {
  const data = await result.data();
  const kind: HitKind = data.url.startsWith(flowPathPrefix) ? 'troubleshooter' : 'article';
  const category = data.filters.category?.[0];
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    kind,
    ...(kind === 'article' && category ? { category } : {}),
    excerpt: data.excerpt,
  };
}
