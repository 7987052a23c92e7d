import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSearchIndexes, type BuiltIndex } from '../../src/search/build-index.ts';
import { bundleOf, pageSays } from '../../src/search/built-pages.ts';
import { loadPagefindBundle, SearchUnavailableError } from '../../src/search/node-bundle.ts';
import { languageBundleDir, openNodeSearch } from '../../src/search/node-search.ts';
import { QUERY_PHRASES_FILE } from '../../src/search/query.ts';
import { VOCABULARY_FILE, type VocabularyFile } from '../../src/search/vocabulary.ts';

// Real Pagefind bundles of a site in two languages, built as the site's build does, read in this process without any
// HTTP: two English pages; under /es/ two Spanish ones, an untranslated page (the English text, `lang="en"`) and a
// Spanish page marked noindex, which no bundle may hold.
let site: string;
let bundle: string;
let built: BuiltIndex[];
beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'signpost-bundle-'));
  const page = (lang: string, title: string, text: string, keywords: string, head = '') =>
    `<!doctype html><html lang="${lang}" dir="ltr"><head><title>${title}</title>${head}</head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p>` +
    `<span hidden data-pagefind-meta="keywords:${keywords}"></span></main></body></html>`;
  const pages: [string, string][] = [
    ['articles/forgot-password', page('en', 'I forgot my password', 'Ask for a reset link from the sign-in page.', 'new password')],
    ['articles/withdraw', page('en', 'Withdraw your earnings', 'Send your balance to your bank account.', 'payout, cash out')],
    [
      'es/articles/forgot-password',
      page('es', 'Olvidé mi contraseña', 'Pide un enlace para restablecerla desde la página de inicio de sesión.', 'nueva contraseña'),
    ],
    ['es/articles/withdraw', page('es', 'Retira tus ganancias', 'Envía tu saldo a tu cuenta bancaria.', 'cobrar, retiro')],
    ['es/articles/use-milestones', page('en', 'Use milestones', 'Split a contract into milestones and pay each one.', 'milestone')],
    [
      'es/articles/draft',
      page('es', 'Borrador de hitos', 'Divide un contrato en hitos y paga cada uno.', 'hito', '<meta name="robots" content="noindex">'),
    ],
  ];
  for (const [path, html] of pages) {
    mkdirSync(join(site, path), { recursive: true });
    writeFileSync(join(site, path, 'index.html'), html);
  }
  const synonyms: Record<string, string[][]> = {
    en: [['sign in', 'log in', 'let me in']],
    es: [['iniciar sesión', 'entrar', 'no me deja entrar']],
  };
  built = await buildSearchIndexes(site, (language) => synonyms[language] ?? []);
  bundle = languageBundleDir(site, 'en');
}, 60_000);
afterAll(() => rmSync(site, { recursive: true, force: true }));

/** A copy of the bundle to break. */
function copyOfBundle(): string {
  const copy = mkdtempSync(join(tmpdir(), 'signpost-broken-bundle-'));
  cpSync(bundle, copy, { recursive: true });
  return copy;
}

describe('one bundle per language', () => {
  const open = (language: string) =>
    openNodeSearch({
      bundleDir: languageBundleDir(site, language),
      language,
      flowPathPrefix: language === 'en' ? '/troubleshoot/' : `/${language}/troubleshoot/`,
      productName: 'Loomwork',
    });

  it('builds a bundle for each language at pagefind/<lang>/, each with only its own pages', () => {
    expect(built.map(({ language, pages }) => ({ language, pages }))).toEqual([
      { language: 'en', pages: 2 },
      { language: 'es', pages: 2 },
    ]);
    for (const language of ['en', 'es']) {
      const entry = JSON.parse(readFileSync(join(site, 'pagefind', language, 'pagefind-entry.json'), 'utf8'));
      expect(Object.keys(entry.languages)).toEqual([language]);
    }
  });

  it('finds English pages in the English bundle, never a Spanish one', async () => {
    const search = await open('en');
    expect((await search({ query: 'password' })).hits.map((h) => h.url)).toEqual(['/articles/forgot-password/']);
    expect((await search({ query: 'contraseña' })).hits).toEqual([]);
    // The untranslated page under /es/ is not the English page either.
    expect((await search({ query: 'milestones' })).hits).toEqual([]);
  });

  it('finds Spanish pages in the Spanish bundle, stemmed as Spanish, never an English one', async () => {
    const search = await open('es');
    expect((await search({ query: 'contraseñas' })).hits.map((h) => h.url)).toEqual(['/es/articles/forgot-password/']);
    expect((await search({ query: '¿Cómo restablezco mi contraseña?' })).hits.map((h) => h.url)).toEqual(['/es/articles/forgot-password/']);
    expect((await search({ query: 'password' })).hits).toEqual([]);
  });

  it('leaves untranslated pages (English under /es/) and noindex pages out of every bundle', async () => {
    const spanish = await open('es');
    expect((await spanish({ query: 'milestones' })).hits).toEqual([]);
    expect((await spanish({ query: 'hitos' })).hits).toEqual([]);
  });

  it("searches a Spanish phrase of the language's synonym groups as its term", async () => {
    expect(JSON.parse(readFileSync(join(site, 'pagefind', 'es', QUERY_PHRASES_FILE), 'utf8'))).toContainEqual({
      stems: ['no', 'me', 'dej', 'entrar'],
      term: 'iniciar sesión',
    });
    const search = await open('es');
    expect((await search({ query: 'no me deja entrar' })).hits.map((h) => h.url)).toEqual(['/es/articles/forgot-password/']);
  });

  it('sorts a built page by its path prefix, its <html lang> and its robots meta tag', () => {
    const languages = ['en', 'es'];
    const at = (file: string, head: string) => bundleOf({ file, ...pageSays(head) }, languages, 'en');
    expect(at('articles/x/index.html', '<html lang="en">')).toBe('en');
    expect(at('es/articles/x/index.html', '<html lang="es-419" dir="ltr">')).toBe('es');
    expect(at('es/articles/x/index.html', '<html lang="en">')).toBeUndefined();
    expect(at('articles/x/index.html', '<html lang="es">')).toBeUndefined();
    expect(at('es/x/index.html', '<html lang="es"><meta content="noindex, nofollow" name="robots">')).toBeUndefined();
    expect(at('index.html', '<html>')).toBeUndefined();
  });
});

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

describe("the build's search step", () => {
  /** Every file of a folder and its bytes, by path. */
  const filesOf = (dir: string) =>
    Object.fromEntries(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => [
          join(entry.parentPath, entry.name).slice(dir.length),
          readFileSync(join(entry.parentPath, entry.name)).toString('base64'),
        ]),
    );

  it('writes the same bundle, byte for byte, each time it indexes the same pages (unchanged index files keep their names)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signpost-same-bundle-'));
    try {
      // Pages of very different lengths, so reading them takes very different times.
      for (let i = 0; i < 160; i++) {
        const words = `payout ${i} invoice refund withdrawal bank `.repeat(1 + ((i * 37) % 11) ** 3);
        mkdirSync(join(dir, 'articles', `a${i}`), { recursive: true });
        writeFileSync(
          join(dir, 'articles', `a${i}`, 'index.html'),
          `<!doctype html><html lang="en"><head><title>Article ${i}</title></head><body><main data-pagefind-body><h1>Article ${i}</h1><p>${words}</p></main></body></html>`,
        );
      }
      await buildSearchIndexes(dir, () => [], ['en']);
      const first = filesOf(join(dir, 'pagefind'));
      for (let build = 0; build < 2; build++) {
        rmSync(join(dir, 'pagefind'), { recursive: true });
        await buildSearchIndexes(dir, () => [], ['en']);
        expect(filesOf(join(dir, 'pagefind'))).toEqual(first);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
