/**
 * How Pagefind ranks and quotes, the same in the browser and in Node. Chosen on the tuning half of the golden
 * query set (content/search/queries.yaml) with `npm run bench:search -- --sweep`; the held-out half confirmed each
 * choice. The reasons are next to each value.
 */
export const PAGEFIND_OPTIONS = {
  excerptLength: 24,
  ranking: {
    termFrequency: 1.0,
    termSimilarity: 1.0,
    pageLength: 0.75,
    termSaturation: 1.4,
    metaWeights: { title: 5, title_variants: 5, keywords: 3, related: 1, troubleshooter: 6 },
  },
};
