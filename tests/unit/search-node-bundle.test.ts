import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndex } from '../../src/search/build-index.ts';
import { loadPagefindBundle, SearchUnavailableError } from '../../src/search/node-bundle.ts';
import { openNodeSearch } from '../../src/search/node-search.ts';
import { QUERY_PHRASES_FILE } from '../../src/search/query.ts';
import { VOCABULARY_FILE, type VocabularyFile } from '../../src/search/vocabulary.ts';

// A real Pagefind bundle of two pages, built as the site's build does, read in this process without any HTTP.
let site: string;
let bundle: string;
beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'signpost-bundle-'));
  const page = (title: string, text: string, keywords: string) =>
    `<!doctype html><html lang="en"><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p>` +
    `<span hidden data-pagefind-meta="keywords:${keywords}"></span></main></body></html>`;
  for (const [slug, title, text, keywords] of [
    ['forgot-password', 'I forgot my password', 'Ask for a reset link from the sign-in page.', 'new password'],
    ['withdraw', 'Withdraw your earnings', 'Send your balance to your bank account.', 'payout, cash out'],
  ]) {
    mkdirSync(join(site, 'articles', slug), { recursive: true });
    writeFileSync(join(site, 'articles', slug, 'index.html'), page(title, text, keywords));
  }
  await buildSearchIndex(site, 'en', [['sign in', 'log in', 'let me in']]);
  bundle = join(site, 'pagefind');
}, 60_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

/** A copy of the bundle to break. */
function copyOfBundle(): string {
  const copy = mkdtempSync(join(tmpdir(), 'signpost-broken-bundle-'));
  cpSync(bundle, copy, { recursive: true });
  return copy;
}

describe('the Pagefind bundle in Node', () => {
  it('searches the built bundle from disk, keywords included, and quotes the page text', async () => {
    const search = await openNodeSearch({ bundleDir: bundle, language: 'en', flowPathPrefix: '/troubleshoot/', productName: 'Loomwork' });
    const outcome = await search({ query: 'payout' });
    expect(outcome).toMatchObject({ total: 1, exactHits: 1 });
    expect(outcome.hits.map((h) => h.url)).toEqual(['/articles/withdraw/']);
    expect(outcome.hits[0].excerpt).not.toContain('payout');
    expect((await search({ query: 'reset link' })).hits[0].title).toBe('I forgot my password');
  });

  it("writes the synonym groups' phrases beside it, and searches a phrase said with filler words as its term", async () => {
    expect(JSON.parse(readFileSync(join(bundle, QUERY_PHRASES_FILE), 'utf8'))).toContainEqual({
      stems: ['let', 'me', 'in'],
      term: 'sign in',
    });
    const search = await openNodeSearch({ bundleDir: bundle, language: 'en', flowPathPrefix: '/troubleshoot/', productName: 'Loomwork' });
    expect((await search({ query: 'it just wont let me in' })).hits.map((h) => h.url)).toEqual(['/articles/forgot-password/']);
  });

  it('a bundle without its phrases is a SearchUnavailableError saying so', async () => {
    const copy = copyOfBundle();
    try {
      rmSync(join(copy, QUERY_PHRASES_FILE));
      const opening = openNodeSearch({ bundleDir: copy, language: 'en', flowPathPrefix: '/troubleshoot/', productName: 'Loomwork' });
      await expect(opening).rejects.toBeInstanceOf(SearchUnavailableError);
      await expect(opening).rejects.toThrow(QUERY_PHRASES_FILE);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('writes the vocabulary of the index beside it: text and metadata words, by pages', () => {
    const vocabulary = JSON.parse(readFileSync(join(bundle, VOCABULARY_FILE), 'utf8')) as VocabularyFile;
    expect(vocabulary.pages).toBe(2);
    expect(vocabulary.words).toEqual(expect.arrayContaining(['password', 'payout', 'earnings']));
    expect(vocabulary.words).not.toContain('my');
    expect(vocabulary.pageCounts[vocabulary.words.indexOf('password')]).toBe(1);
  });

  it.each([
    ['missing', (dir: string) => rmSync(dir, { recursive: true }), /no entry file/],
    ['entry file not JSON', (dir: string) => writeFileSync(join(dir, 'pagefind-entry.json'), '{'), /not valid JSON/],
    [
      'WebAssembly cut short',
      (dir: string) => writeFileSync(join(dir, 'wasm.en.pagefind'), readFileSync(join(dir, 'wasm.en.pagefind')).subarray(0, 500)),
      /damaged|not valid WebAssembly/,
    ],
    ['no page files', (dir: string) => rmSync(join(dir, 'fragment'), { recursive: true }), /no fragment\/ files/],
    [
      'another language',
      (dir: string) => {
        const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
        entry.languages = { fr: entry.languages.en };
        writeFileSync(join(dir, 'pagefind-entry.json'), JSON.stringify(entry));
      },
      /holds the languages \[fr\]/,
    ],
  ])('a bundle %s is a SearchUnavailableError saying so, and the process goes on', async (_, damage, message) => {
    const copy = copyOfBundle();
    try {
      damage(copy);
      const loading = loadPagefindBundle(copy, 'en');
      await expect(loading).rejects.toBeInstanceOf(SearchUnavailableError);
      await expect(loading).rejects.toThrow(message);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
