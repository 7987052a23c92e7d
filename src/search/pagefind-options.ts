/**
 * How Pagefind ranks and quotes, the same in the browser and in Node. Pagefind's order is the first of two: rank.ts
 * looks again at its ten best pages, field by field (FIELD_WEIGHTS, RANK_WEIGHTS), so these settings mostly decide
 * which pages reach those ten; since that second look weighs every field, the sweep moves the tuning half by at most
 * one query either way. Chosen on the tuning half of the golden query set
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
      // Also in the text: a little more there (0 to 3 made no difference on the sweep; rank.ts weighs it itself).
      description: 2,
      // The editor's keywords, then what the synonym groups add for what a page is about, then synonyms of words the
      // text only mentions. Without keywords the tuning half loses a query of hit@3; a weight on synonyms of the text
      // of 8 or more pulls pages that merely mention a term ahead of pages about it (hit@1 falls half a point).
      keywords: 3,
      synonyms: 2,
      related: 1,
      // The words as said elsewhere on the page, only without their accents: rank.ts weighs them where they are said.
      unaccented: 1,
    },
  },
};
