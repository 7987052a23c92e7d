// The search page's URL: its path and parameters, for the server, the markup and the browser code.

export const SEARCH_PATH = '/search/';

/** "Search instead for …": search the words as typed, without correcting them. */
export const AS_TYPED_PARAM = 'exact';

/** Filters a reader can narrow results by (URL parameters); a group shows when results span two values. */
export const FILTER_NAMES = ['category', 'audience'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
