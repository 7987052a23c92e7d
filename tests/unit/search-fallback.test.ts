import { describe, expect, it } from 'vitest';
import { createSearch, fallbackWords, MAX_EXTRA_SEARCHES } from '../../src/search/search.ts';
import { fakeIndex, fakeVocabulary, type FakePage } from '../support/fake-pagefind.ts';

const PAGES: FakePage[] = [
  {
    url: '/articles/forgot-password/',
    title: 'I forgot my password',
    text: 'Ask for a reset link, then choose a new password.',
    category: 'Signing in',
  },
  {
    url: '/articles/reset-email/',
    title: 'The reset email did not arrive',
    text: 'Look in spam and junk for the reset link.',
    category: 'Signing in',
  },
  { url: '/articles/fees/', title: 'Fees explained', text: 'A service fee on each payment, and a withdrawal fee.', category: 'Payments' },
  {
    url: '/articles/withdraw/',
    title: 'Withdraw your earnings',
    text: 'Send your balance to a bank account or a card.',
    category: 'Payments',
  },
  { url: '/troubleshoot/login/', title: "I can't sign in", text: 'Answer a few questions and we find the way back in.' },
];

function setup(english: string[] = []) {
  const index = fakeIndex(PAGES);
  let vocabularyLoads = 0;
  const search = createSearch({
    index,
    flowPathPrefix: '/troubleshoot/',
    productName: 'Loomwork',
    loadVocabulary: async () => {
      vocabularyLoads++;
      return fakeVocabulary(PAGES, english);
    },
  });
  return { search, index, loads: () => vocabularyLoads };
}

describe('search: exact results, corrections and fallback', () => {
  it('answers with the pages holding every word, without loading the vocabulary', async () => {
    const { search, index, loads } = setup();
    const outcome = await search({ query: 'where is the reset link??' });
    expect(outcome).toMatchObject({ match: 'exact', total: 2 });
    expect(outcome.hits.map((h) => h.url).sort()).toEqual(['/articles/forgot-password/', '/articles/reset-email/']);
    expect(index.searches).toEqual(['reset link']);
    expect(loads()).toBe(0);
  });

  it('puts a single page holding every word first, once the vocabulary finds nothing to correct', async () => {
    const { search, index, loads } = setup();
    const outcome = await search({ query: 'how do I reset my password' });
    // One page is a weak result: shown as the page holding every word, with the help for searches that find little.
    expect(outcome).toMatchObject({ match: 'closest', total: 1, exactHits: 1 });
    expect(outcome.hits[0].url).toBe('/articles/forgot-password/');
    expect(index.searches[0]).toBe('reset password');
    expect(loads()).toBe(1);
  });

  it('labels troubleshooters and gives articles their category', async () => {
    const { search } = setup();
    const outcome = await search({ query: 'sign in' });
    expect(outcome.hits[0]).toMatchObject({ url: '/troubleshoot/login/', kind: 'troubleshooter', title: "I can't sign in" });
    expect(outcome.hits[0].category).toBeUndefined();
    const fees = await search({ query: 'fee' });
    expect(fees.hits[0]).toMatchObject({ kind: 'article', category: 'Payments' });
  });

  it('corrects a typo and says what it searched for instead', async () => {
    const { search } = setup();
    const outcome = await search({ query: 'Forgot my pasword' });
    expect(outcome.match).toBe('closest');
    expect(outcome.correctedQuery).toBe('Forgot my password');
    expect(outcome.hits[0].url).toBe('/articles/forgot-password/');
  });

  it('searches the words as typed when asked, leaving out the ones the index lacks', async () => {
    const { search } = setup();
    const outcome = await search({ query: 'forgot pasword', asTyped: true });
    expect(outcome.correctedQuery).toBeUndefined();
    expect(outcome.match).toBe('closest');
    expect(outcome.hits.map((h) => h.url)).toEqual(['/articles/forgot-password/']);
  });

  it('does not take a word Pagefind could not find as an exact match', async () => {
    const { search } = setup();
    // The fake, like Pagefind, ignores "xylophone" and finds pages with "fee".
    const outcome = await search({ query: 'xylophone fee' });
    expect(outcome.match).toBe('closest');
    expect(outcome.hits[0].url).toBe('/articles/fees/');
  });

  it('falls back to the pages holding most words, the rarest words first, within the extra searches allowed', async () => {
    const { search, index } = setup();
    const outcome = await search({ query: 'reset my bank card' });
    expect(outcome.match).toBe('closest');
    // No page holds all three words: the withdrawal page holds two ("bank", "card"), the reset pages one.
    expect(outcome.hits[0].url).toBe('/articles/withdraw/');
    expect(
      outcome.hits
        .slice(1)
        .map((h) => h.url)
        .sort(),
    ).toEqual(['/articles/forgot-password/', '/articles/reset-email/']);
    expect(index.searches).toEqual(['reset bank card', 'bank', 'card', 'reset']);
    expect(index.searches.length).toBeLessThanOrEqual(1 + MAX_EXTRA_SEARCHES);
  });

  it('finds nothing, with nothing to correct or fall back to', async () => {
    const { search } = setup();
    expect(await search({ query: 'xylophone quartz' })).toMatchObject({ match: 'none', total: 0, hits: [] });
    expect(await search({ query: 'how do I' })).toMatchObject({ match: 'none', hits: [] });
  });

  it('orders fallback words rarest first, then as typed', () => {
    const vocabulary = fakeVocabulary(PAGES);
    expect(fallbackWords(['reset', 'link', 'bank', 'card'], vocabulary, 4)).toEqual(['bank', 'card', 'reset', 'link']);
    expect(fallbackWords(['reset', 'link', 'bank', 'card'], vocabulary, 2)).toEqual(['bank', 'card']);
  });

  it('offers a reader who says something fails the troubleshooter whose title names it, with one more search', async () => {
    const pages: FakePage[] = [
      { url: '/articles/page-will-not-load/', title: 'The sign-in page will not load', text: 'Clear the cache, then open the page.' },
      { url: '/articles/cookies/', title: 'Clear your cookies', text: 'Old cookies can stop the sign-in page from loading.' },
      { url: '/articles/withdraw/', title: 'Withdraw your earnings', text: 'Send your balance to a bank account.' },
      { url: '/troubleshoot/login/', title: "I can't sign in", text: 'Answer a few questions and we find the way back in.' },
    ];
    const index = fakeIndex(pages);
    const search = createSearch({
      index,
      flowPathPrefix: '/troubleshoot/',
      productName: 'Loomwork',
      loadVocabulary: async () => fakeVocabulary(pages),
    });
    const urls = async (query: string) => (await search({ query })).hits.map((h) => h.url);

    expect(await urls('sign in page not working')).toContain('/troubleshoot/login/');
    expect(index.searches).toEqual(['(every page)', 'sign page']);
    // Asking how, not saying it fails: the pages holding the words only.
    expect(await urls('sign in page')).not.toContain('/troubleshoot/login/');
    // Stuck, but on something no troubleshooter's title names.
    expect(await urls('withdraw not working')).toEqual(['/articles/withdraw/']);
  });
});
