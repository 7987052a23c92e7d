import { describe, expect, it } from 'vitest';
import { markedWords } from '../../src/client/search-handoff.ts';
import type { PagefindInstance } from '../../src/search/pagefind-api.ts';
import { createSearch, RERANK_DEPTH } from '../../src/search/search.ts';
import { fakeIndex, fakeVocabulary, type FakePage } from '../support/fake-pagefind.ts';

// Twelve pages about passwords: more than the search page ranks again.
const PAGES: FakePage[] = Array.from({ length: 12 }, (_, i) => ({
  url: `/articles/password-${i}/`,
  title: `Password help ${i}`,
  text: `Reset your password, step ${i}.`,
  category: 'Signing in',
}));

/** The fake index, counting what the browser would fetch: filter files, and each page's text (a fragment, fetched once). */
function counted(index: PagefindInstance) {
  const counts = { filterLoads: 0, fragments: new Set<string>() };
  const instance: PagefindInstance = {
    ...index,
    filters: async () => (counts.filterLoads++, {}),
    async search(term, options) {
      const response = await index.search(term, options);
      const results = response.results.map((result) => ({ ...result, data: () => (counts.fragments.add(result.id), result.data()) }));
      return { ...response, results };
    },
  };
  return { instance, counts };
}

function setup(index: PagefindInstance = fakeIndex(PAGES)) {
  const { instance, counts } = counted(index);
  const search = createSearch({
    index: instance,
    flowPathPrefix: '/troubleshoot/',
    productName: 'Loomwork',
    loadVocabulary: async () => fakeVocabulary(PAGES, []),
  });
  return { search, counts };
}

describe('search for instant results and suggestions', () => {
  it('loads every filter file only for a search that counts filter values, and only once', async () => {
    const { search, counts } = setup();
    await search({ query: 'password', countFilters: false });
    expect(counts.filterLoads).toBe(0);
    await search({ query: 'password' });
    await search({ query: 'reset password' });
    expect(counts.filterLoads).toBe(1);
  });

  it('reads the text of only as many pages as it is asked to rank again', async () => {
    const instant = setup();
    const outcome = await instant.search({ query: 'password', limit: 5, depth: 5 });
    expect(outcome.hits).toHaveLength(5);
    expect(instant.counts.fragments.size).toBe(5);

    const page = setup();
    await page.search({ query: 'password', limit: 5 });
    expect(page.counts.fragments.size).toBe(RERANK_DEPTH);
  });

  it("gives each hit the heading of its best-matching section, from Pagefind's sub-results", async () => {
    const index = fakeIndex(PAGES.slice(0, 2));
    const scores = [
      [0.5, 2, 1],
      [3, 0.2, 0.1],
    ];
    const withSections: PagefindInstance = {
      ...index,
      async search(term, options) {
        const response = await index.search(term, options);
        const results = response.results.map((result, i) => ({
          ...result,
          data: async () => ({
            ...(await result.data()),
            sub_results: scores[i].map((score, part) => ({
              url: part ? `${result.id}#part-${part}` : result.id,
              ...(part ? { anchor: { id: `part-${part}` } } : {}),
              weighted_locations: [{ balanced_score: score }],
            })),
          }),
        }));
        return { ...response, results };
      },
    };
    const { hits } = await setup(withSections).search({ query: 'password' });
    // The first page matched best in its first section; the second at its top, before any heading.
    expect(hits.map((hit) => hit.section)).toEqual(['part-1', undefined]);
  });
});

describe('what an opened result hands to its page', () => {
  it('is the words Pagefind marked in the excerpt, each once and in lower case', () => {
    expect(markedWords('Choose a new <mark>Password</mark>: the <mark>reset</mark> link and <mark>password</mark> rules')).toEqual([
      'password',
      'reset',
    ]);
    expect(markedWords('Nothing marked here')).toEqual([]);
  });
});
