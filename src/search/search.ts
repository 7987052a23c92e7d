/**
 * Help-center search: the one module that asks the index, in the browser (browser-search.ts) and in Node
 * (node-search.ts). It turns what a reader typed into words (query.ts), asks Pagefind for pages holding all of
 * them, and when that is weak, corrects typos against the index's vocabulary and falls back to the most
 * informative words. Nothing else calls Pagefind.
 */
import type { PagefindFilters, PagefindFragment, PagefindInstance, PagefindResult, PagefindSubResult } from './pagefind-api.ts';
import { TROUBLESHOOTER_FILTER } from './index-fields.ts';
import { analyseQuery, type QueryPhrase } from './query.ts';
import { english, type QueryLanguage } from './query-language.ts';
import { rankCandidates, titleHolds, type RankedPage } from './rank.ts';
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
/** The longest query searched (the search page, quick answers, the MCP server); longer ones are refused or cut. */
export const MAX_QUERY_LENGTH = 200;

export type HitKind = 'article' | 'troubleshooter';

export interface SearchHit {
  url: string;
  title: string;
  kind: HitKind;
  /** The article's topic (its category title); none for troubleshooters. */
  category?: string;
  /** Text from the page with every `<`/`>` escaped and the matched words in `<mark>`. */
  excerpt: string;
  /** How well the page answers the query by its fields (rank.ts), about 0 to 2.5: what a quick answer trusts. */
  relevance: number;
  /** The id of the heading whose section matches the words best (Pagefind's sub-results); none when it is the page's top. */
  section?: string;
}

export interface SearchOutcome {
  query: string;
  /**
   * exact: at least WEAK_RESULT_COUNT pages hold every word typed; closest: fewer, so the pages holding every
   * word (after correcting typos and leaving out unknown words) come first, then the pages holding most of the words
   * (shown as the closest articles, with the help for searches that found nothing); none: nothing found, or
   * nothing to search for.
   */
  match: 'exact' | 'closest' | 'none';
  /** How many of the first hits hold every word searched for: all of them for an exact match. */
  exactHits: number;
  /** The query as corrected, when typos were corrected ("Showing results for …"). */
  correctedQuery?: string;
  /** The words searched for, as the query was understood (after corrections): what a quick answer looks for. */
  words: string[];
  /** Pages that hold every word searched for; `hits` starts with the first of them. */
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
  /**
   * How many of Pagefind's best pages are ranked again, at least `limit` (RERANK_DEPTH by default): each one's text
   * is a request in the browser.
   */
  depth?: number;
  /**
   * Count each filter's values among the pages found (`filterCounts`, for a filter box): loads every filter file of
   * the index first. Without it, `filterCounts` holds only what the searches themselves loaded.
   */
  countFilters?: boolean;
}

export interface SearchDependencies {
  index: PagefindInstance;
  /** Loaded once, the first time a result is weak. */
  loadVocabulary(): Promise<Vocabulary>;
  /** Where troubleshooter pages live (`/troubleshoot/`): their results are labelled as troubleshooters. */
  flowPathPrefix: string;
  /** The product's name, left out of queries: every article says it. */
  productName: string;
  /** The domain's phrases said with filler words, searched as their terms (synonyms.ts). */
  phrases?: QueryPhrase[];
  /** The language of the index's pages and of the queries (English unless said). */
  language?: QueryLanguage;
}

export type Search = (request: SearchRequest) => Promise<SearchOutcome>;

interface Found {
  results: PagefindResult[];
  filterCounts: Record<string, Record<string, number>>;
  /** For pages found word by word: how many of the words each holds, by result id. */
  wordsMatched?: Map<string, number>;
}

export function createSearch({
  index,
  loadVocabulary,
  flowPathPrefix,
  productName,
  phrases = [],
  language = english,
}: SearchDependencies): Search {
  const analyse = (text: string) => analyseQuery(text, { productName, phrases, language });
  // Pagefind counts filter values (for the filter box) only once its filter files are loaded: loaded with the first
  // search that counts them.
  let filtersLoaded: Promise<unknown> | undefined;
  let vocabulary: Promise<Vocabulary> | undefined;
  const vocabularyOnce = () =>
    (vocabulary ??= loadVocabulary().catch((error: unknown) => ((vocabulary = undefined), Promise.reject(error))));

  return async ({
    query,
    filters = {},
    asTyped = false,
    limit = DEFAULT_RESULT_LIMIT,
    depth: rerankDepth = RERANK_DEPTH,
    countFilters = true,
  }) => {
    const chosen: PagefindFilters = Object.fromEntries(
      Object.entries(filters)
        .filter(([, values]) => values.length > 0)
        .map(([name, values]) => [name, { any: values }]),
    );
    if (countFilters) await (filtersLoaded ??= index.filters());
    const { words, problem } = analyse(query);
    // Every troubleshooter, for a reader who says something fails (there are few: one search finds them all), asked
    // for beside the other searches.
    const troubleshooters = { [TROUBLESHOOTER_FILTER.name]: { any: [TROUBLESHOOTER_FILTER.value] } };
    const guides = problem && words.length ? index.search(null, { filters: { ...chosen, ...troubleshooters } }) : undefined;
    // Awaited below; should another search fail first, its failure is the one reported, not an unhandled rejection.
    guides?.catch(() => undefined);
    const find = async (words: string[]): Promise<Found> => {
      const response = await index.search(words.join(' '), { filters: chosen });
      return { results: response.results, filterCounts: response.totalFilters };
    };
    /**
     * `holdingAll`: the pages holding every word searched for (as typed when `typed`), ranked first; `holdingMost`:
     * pages found word by word, after them.
     */
    const outcome = async (
      holdingAll: Found,
      holdingMost: Found | undefined,
      { typed = false, correctedQuery }: { typed?: boolean; correctedQuery?: string } = {},
    ): Promise<SearchOutcome> => {
      const searched = correctedQuery ? analyse(correctedQuery).words : words;
      const depth = Math.max(limit, rerankDepth);
      const rank = async (results: PagefindResult[], tiers?: Map<string, number>) =>
        rankCandidates(
          (await pagesOf(results)).map((page, i) => ({ page, score: results[i].score, tier: tiers?.get(results[i].id) })),
          searched,
          { productName, problem, language, isTroubleshooter: (page) => page.url.startsWith(flowPathPrefix) },
        );
      // A stuck reader whose words name the problem a troubleshooter solves (its title) is offered it among the best
      // pages, on its fields alone (Pagefind scored no words for it).
      const guideResults = guides ? (await guides).results : [];
      const guidePages = await pagesOf(guideResults);
      const offered = guideResults
        .filter((_, i) => titleHolds(guidePages[i], searched, productName, language))
        .map((result) => ({ ...result, score: 0 }));
      const pool = [...offered, ...holdingAll.results.slice(0, depth)];
      const exactPages = await rank([...new Map(pool.map((r) => [r.id, r])).values()]);
      const seen = new Set(exactPages.map(({ page }) => page.url));
      // Only as many of the closest pages as can still be shown: each one's text is a request in the browser.
      const others = holdingMost ? holdingMost.results.slice(0, Math.max(0, limit - exactPages.length)) : [];
      const closePages = (await rank(others, holdingMost?.wordsMatched)).filter(({ page }) => !seen.has(page.url));
      const hits = [...exactPages, ...closePages].slice(0, limit).map((ranked) => hitOf(ranked, flowPathPrefix));
      // Exact only when the pages hold every word as typed: not after a correction or leaving a word out.
      const strong = typed && holdingAll.results.length >= WEAK_RESULT_COUNT;
      return {
        query,
        match: !hits.length ? 'none' : strong ? 'exact' : 'closest',
        exactHits: Math.min(exactPages.length, hits.length),
        ...(correctedQuery ? { correctedQuery } : {}),
        words: searched,
        total: holdingAll.results.length,
        hits,
        filterCounts: holdingAll.results.length ? holdingAll.filterCounts : (holdingMost?.filterCounts ?? {}),
      };
    };
    const nothing: Found = { results: [], filterCounts: {} };
    if (!words.length) return outcome(nothing, undefined);
    let searches = MAX_EXTRA_SEARCHES - (guides ? 1 : 0);
    const exact = await find(words);
    const best = exact.results[0] && (await exact.results[0].data());
    const complete = best !== undefined && words.every((word) => holdsWord(best, word));
    if (complete && exact.results.length >= WEAK_RESULT_COUNT) return outcome(exact, undefined, { typed: true });

    const known = await vocabularyOnce().catch(() => undefined);
    if (!known) return complete ? outcome(exact, undefined, { typed: true }) : outcome(nothing, exact);
    const { words: better, corrections, alternatives } = correctWords(words, known, !asTyped, language);
    let holdingAll = nothing;
    let correctedQuery = corrections.size ? withCorrections(query, corrections) : undefined;
    const typed = better.join(' ') === words.join(' ');
    if (typed) {
      // Every word is known after all (the best page holds it in a form the check above missed).
      holdingAll = exact;
    } else if (better.length) {
      holdingAll = await find(better);
      searches--;
      // A typo as near to two words ("clear cashe": "cash", "cache"): the one that goes with the other words finds
      // a page that matches them better (Pagefind's best score).
      for (const alternative of alternatives.slice(0, 1)) {
        const words = better.map((w) => (w === alternative.instead ? alternative.word : w));
        const found = await find(words);
        searches--;
        if ((found.results[0]?.score ?? 0) > (holdingAll.results[0]?.score ?? 0)) {
          holdingAll = found;
          corrections.set(alternative.typed, alternative.word);
          correctedQuery = withCorrections(query, corrections);
        }
      }
    }
    if (holdingAll.results.length >= WEAK_RESULT_COUNT || better.length < 2)
      return outcome(holdingAll, undefined, { typed, correctedQuery });
    // Few or no pages hold all the words: then the pages holding most of them, the rarest words first.
    const lists = await Promise.all(fallbackWords(better, known, searches).map((word) => find([word])));
    return outcome(holdingAll, rankByWordsMatched(lists), { typed, correctedQuery });
  };
}

/** The stored text of each result (Pagefind caches it, so asking twice costs nothing). */
function pagesOf(results: PagefindResult[]): Promise<PagefindFragment[]> {
  return Promise.all(results.map((result) => result.data()));
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
  return { results: ranked.map((p) => p.result), filterCounts, wordsMatched: new Map(ranked.map((p) => [p.result.id, p.words])) };
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
  language: QueryLanguage = english,
): { words: string[]; corrections: Map<string, string>; alternatives: { typed: string; instead: string; word: string }[] } {
  const corrections = new Map<string, string>();
  const alternatives: { typed: string; instead: string; word: string }[] = [];
  const kept: string[] = [];
  for (const word of words) {
    if (vocabulary.prefixPageCount(word) > 0) {
      kept.push(word);
      continue;
    }
    const [better, ...others] = correct ? vocabulary.corrections(word) : [];
    if (better) {
      corrections.set(word, better);
      kept.push(...better.split(' '));
      for (const other of others)
        if (!other.includes(' ') && !better.includes(' ')) alternatives.push({ typed: word, instead: better, word: other });
    } else if (vocabulary.prefixPageCount(language.stem(word)) > 0) kept.push(word);
  }
  return { words: [...new Set(kept)], corrections, alternatives };
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

function hitOf({ page: data, score }: RankedPage, flowPathPrefix: string): SearchHit {
  const kind: HitKind = data.url.startsWith(flowPathPrefix) ? 'troubleshooter' : 'article';
  const category = data.filters.category?.[0];
  return {
    url: data.url,
    title: data.meta.title ?? data.url,
    kind,
    ...(kind === 'article' && category ? { category } : {}),
    excerpt: data.excerpt,
    relevance: score,
    ...sectionOf(data),
  };
}

/** The section where the searched words weigh most, for scrolling to it on the opened page. */
function sectionOf(data: PagefindFragment): { section?: string } {
  const weight = (part: { weighted_locations: { balanced_score: number }[] }) =>
    part.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
  const best = (data.sub_results ?? []).reduce<PagefindSubResult | undefined>((a, b) => (a && weight(a) >= weight(b) ? a : b), undefined);
  return best?.anchor ? { section: best.anchor.id } : {};
}

/** How many of Pagefind's best pages are ranked again on their fields (rank.ts). */
export const RERANK_DEPTH = 10;
