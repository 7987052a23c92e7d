/**
 * How Pagefind ranks and quotes, the same in the browser and in Node. Pagefind's order is the first of two: search.ts
 * looks again at its ten best pages for a title, heading or keyword that says the query (FIELD_WEIGHTS), so these
 * settings mostly decide which pages reach those ten. Chosen on the tuning half of the golden query set
 * (content/search/queries.yaml) with `npm run bench:search -- --sweep`, which shows each setting on the tuning half
 * and on the held-out half beside it.
 */
export const PAGEFIND_OPTIONS = {
  /** Words around the match in an excerpt: two lines of a result on a phone. */
  excerptLength: 24,
  ranking: {
    // Pagefind's defaults: on the sweep no other value of these did better on the tuning half than within one query.
    termFrequency: 1.0,
    termSimilarity: 1.0,
    pageLength: 0.75,
    termSaturation: 1.4,
    metaWeights: {
      // A title that holds the words (default 5), or says them with synonyms, counts most.
      title: 5,
      title_variants: 5,
      description: 2,
      // The editor's keywords, then what the synonym groups add for what a page is about, then synonyms of words the
      // text only mentions. Without keywords the tuning half loses 1.4 points of hit@3; a weight on synonyms of
      // the text above 3 pulls pages that merely mention a term ahead of pages about it (hit@1 falls 2 to 20 points).
      keywords: 3,
      synonyms: 2,
      related: 1,
    },
  },
};
