// The search page's URL: its path and parameters, for the server, the markup and the browser code.

export const SEARCH_PATH = '/search/';

/** "Search instead for …": search the words as typed, without correcting them. */
export const AS_TYPED_PARAM = 'exact';

/** Filters a reader can narrow results by (URL parameter → label); a group shows when results span two values. */
export const FILTER_LABELS: Record<string, string> = { category: 'Topic', audience: 'Written for' };
