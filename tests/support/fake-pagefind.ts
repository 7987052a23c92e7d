// A small stand-in for a Pagefind index, for testing the search module without a build: pages found by words, as
// Pagefind finds them (every word must match, a word matches the words it begins, a word found nowhere is ignored
// while another word is found; no words finds every page the filters allow). It counts the searches asked of it.
import { TROUBLESHOOTER_FILTER } from '../../src/search/index-fields.ts';
import type { PagefindFilters, PagefindFragment, PagefindInstance, PagefindResult } from '../../src/search/pagefind-api.ts';
import { createVocabulary, type Vocabulary } from '../../src/search/vocabulary.ts';

export interface FakePage {
  url: string;
  title: string;
  text: string;
  category?: string;
}

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/['’]/g, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];

export function fakeIndex(pages: FakePage[]): PagefindInstance & { searches: string[] } {
  const searches: string[] = [];
  const fragment = (page: FakePage): PagefindFragment => ({
    url: page.url,
    content: `${page.title}. ${page.text}`,
    excerpt: page.text.slice(0, 40),
    meta: { title: page.title },
    filters: filtersOf(page),
  });
  return {
    searches,
    options: async () => {},
    init: async () => {},
    destroy: async () => {},
    filters: async () => ({}),
    async search(term, options = {}) {
      searches.push(term ?? '(every page)');
      const allowed = pages.filter((page) => allows(options.filters ?? {}, page));
      const terms = wordsOf(term ?? '');
      const matching = terms.map((t) => new Set(allowed.filter((p) => wordsOf(`${p.title} ${p.text}`).some((w) => w.startsWith(t)))));
      const found = matching.filter((set) => set.size > 0);
      const hits = term === null ? allowed : found.length ? allowed.filter((p) => found.every((set) => set.has(p))) : [];
      const results: PagefindResult[] = hits.map((page) => ({
        id: page.url,
        // More of the query's words in the title ranks higher; then the order given.
        score: terms.filter((t) => wordsOf(page.title).some((w) => w.startsWith(t))).length + 1 / (pages.indexOf(page) + 2),
        data: async () => fragment(page),
      }));
      results.sort((a, b) => b.score - a.score);
      return { results, totalFilters: {} };
    },
  };
}

/** A page's filters as the site marks them: an article's category, a troubleshooter's kind. */
function filtersOf(page: FakePage): Record<string, string[]> {
  if (page.url.startsWith('/troubleshoot/')) return { [TROUBLESHOOTER_FILTER.name]: [TROUBLESHOOTER_FILTER.value] };
  return page.category ? { category: [page.category] } : {};
}

const allows = (filters: PagefindFilters, page: FakePage) =>
  Object.entries(filters).every(([name, { any }]) => (filtersOf(page)[name] ?? []).some((value) => any.includes(value)));

/** The vocabulary the build would write for these pages (and the given English words it protects). */
export function fakeVocabulary(pages: FakePage[], english: string[] = []): Vocabulary {
  const counts = new Map<string, number>();
  for (const page of pages)
    for (const word of new Set(wordsOf(`${page.title} ${page.text}`))) counts.set(word, (counts.get(word) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return createVocabulary({ pages: pages.length, words: sorted.map(([w]) => w), pageCounts: sorted.map(([, c]) => c), english });
}
