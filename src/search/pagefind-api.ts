/**
 * The part of Pagefind's generated `pagefind.js` (its JS API, 1.6) that search uses, in the browser and in Node.
 * Only src/search/ talks to Pagefind; everything else asks src/search/search.ts.
 */

export interface PagefindFragment {
  url: string;
  /** The page's indexed text. */
  content: string;
  /** Text with every `<`/`>` escaped and the matched words in `<mark>`. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  /** The page's headings with ids, in order. */
  anchors?: { element: string; text: string }[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export type PagefindFilters = Record<string, { any: string[] }>;

export interface PagefindResponse {
  results: PagefindResult[];
  /** Values of each filter among the matching pages before the chosen filters apply, with their counts. */
  totalFilters: Record<string, Record<string, number>>;
}

/** An instance from `createInstance()`; the module's own singleton functions are never used. */
export interface PagefindInstance {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  /** `null` finds every page the filters allow. */
  search(term: string | null, options?: { filters?: PagefindFilters }): Promise<PagefindResponse>;
  /** Every filter's values in the index; also loads the filter files, without which searches count no values. */
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

export interface PagefindModule {
  createInstance(options: { basePath: string; noWorker?: boolean }): PagefindInstance;
}
