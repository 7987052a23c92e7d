// Where an opened search result leaves its words for the page it opens (search-handoff.ts); its own module so the
// header's loader can check for it without loading anything else.
export const HANDOFF_KEY = 'signpost:from-search';
