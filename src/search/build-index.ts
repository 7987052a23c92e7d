/**
 * The build's search step: Pagefind indexes the built pages in `dist/client` into one bundle per language,
 * `dist/client/pagefind/<lang>/`, then the vocabulary of that bundle (vocabulary.ts) and the phrases of the language's
 * synonym groups that queries say with filler words (synonyms.ts) are written beside it. Run by scripts/build.ts after
 * Astro has exited.
 *
 * Which page goes into which bundle: a page under `/<lang>/` (a configured language other than the default) belongs
 * to that language, any other page to the default language; it is indexed only when its `<html lang>` says that
 * language and it has no `<meta name="robots" content="noindex">`. So an untranslated page shown under `/es/` in
 * English (marked `noindex`, or `lang="en"`) is in no bundle. The languages are indexed one after another, each by a
 * Pagefind process of its own that ends before the next starts: the build's peak memory is that of the largest
 * language, not of all of them.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { isFiller, QUERY_PHRASES_FILE } from './query.ts';
import { withoutAccents } from './languages/types.ts';
import { queryLanguage, type QueryLanguage } from './query-language.ts';
import { queryPhrases, type SynonymGroups } from './synonyms.ts';
import { commonWords, nearWords } from './english-words.ts';
import { bundlePath, defaultLanguage, languageCode, siteLanguages } from './site-languages.ts';
import { VOCABULARY_FILE, type VocabularyFile } from './vocabulary.ts';

/** Meta fields that hold no words a reader types. */
const NOT_TEXT_META = new Set(['image', 'image_alt']);
/** Pages handed to Pagefind at once: enough to keep it busy, few enough that their text costs little memory. */
const PAGES_IN_FLIGHT = 32;
/**
 * Pages between two garbage collections of this process while Pagefind indexes: each page's text is read, encoded
 * and sent, and V8 would otherwise let that garbage grow its heap by hundreds of MB beside Pagefind's own process.
 */
const PAGES_BETWEEN_COLLECTIONS = 256;

/** V8's full garbage collection, exposed for this process. */
const collectGarbage = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

export interface BuiltIndex {
  language: string;
  /** Pages in the language's bundle. */
  pages: number;
  /** How long the language took to index (Pagefind, then its vocabulary). */
  ms: number;
}

/** A built page as the indexer sorts it: where it lies and what it says about itself. */
export interface BuiltPage {
  /** Relative to the site's root, with `/` separators: `es/articles/forgot-password/index.html`. */
  file: string;
  /** Its `<html lang>`, if any. */
  lang: string | undefined;
  /** Whether it asks search engines not to index it. */
  noindex: boolean;
}

/**
 * Builds one bundle per language under `clientDir/pagefind/`; `synonymsOf` gives each language's synonym groups.
 * `languages` defaults to those of the built pages (site-languages.ts).
 */
export async function buildSearchIndexes(
  clientDir: string,
  synonymsOf: (language: string) => SynonymGroups,
  languages?: string[],
): Promise<BuiltIndex[]> {
  const pages = await builtPages(clientDir);
  const codes = languages ?? siteLanguages(pages.map((page) => ({ prefix: prefixOf(page.file), lang: page.lang })));
  // Pagefind for every language first, then the vocabularies: working out a vocabulary grows this process's heap,
  // which it keeps, and it would sit beside the next language's Pagefind process, adding to the build's peak.
  const indexed: { language: string; files: string[]; ms: number }[] = [];
  for (const language of codes) {
    const files = pages.filter((page) => bundleOf(page, codes) === language).map((page) => page.file);
    indexed.push({ language, files, ms: await indexLanguage(clientDir, language, files) });
  }
  const built: BuiltIndex[] = [];
  for (const { language, files, ms } of indexed) {
    const started = Date.now();
    const pages = await writeWordLists(clientDir, language, files.length > 0, synonymsOf(language));
    built.push({ language, pages, ms: ms + Date.now() - started });
  }
  return built;
}

/** The language whose bundle a page goes into, or undefined for none (see the module's comment). */
export function bundleOf(page: BuiltPage, languages: string[], fallback = defaultLanguage()): string | undefined {
  if (page.noindex || !page.lang) return undefined;
  const prefix = prefixOf(page.file);
  const language = prefix && prefix !== fallback && languages.includes(prefix) ? prefix : fallback;
  return languageCode(page.lang) === language ? language : undefined;
}

const prefixOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);

/** Pagefind's bundle of one language's pages, in a Pagefind process that ends before this returns; the time it took. */
async function indexLanguage(clientDir: string, language: string, files: string[]): Promise<number> {
  const started = Date.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (let at = 0; at < files.length; at += PAGES_IN_FLIGHT) {
      const added = await Promise.all(
        files
          .slice(at, at + PAGES_IN_FLIGHT)
          .map(async (file) => index.addHTMLFile({ url: urlOf(file), content: await readFile(join(clientDir, file), 'utf8') })),
      );
      const failed = added.flatMap((response, i) => response.errors.map((error) => `${files[at + i]}: ${error}`));
      if (failed.length) throw new Error(`Pagefind indexing failed: ${failed.join('; ')}`);
      if ((at / PAGES_IN_FLIGHT + 1) % (PAGES_BETWEEN_COLLECTIONS / PAGES_IN_FLIGHT) === 0) collectGarbage();
    }
    const written = await index.writeFiles({ outputPath: bundleDirOf(clientDir, language) });
    if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  } finally {
    // Ends Pagefind's process, and with it the memory of this language's index, before the next language starts.
    await pagefind.close();
  }
  return Date.now() - started;
}

/** The vocabulary and query phrases beside a language's bundle; the number of pages the bundle holds. */
async function writeWordLists(clientDir: string, language: string, hasPages: boolean, synonyms: SynonymGroups): Promise<number> {
  const bundleDir = bundleDirOf(clientDir, language);
  const rules = queryLanguage(language);
  const vocabulary = vocabularyOf(hasPages ? await readFragments(bundleDir) : [], commonWords(rules.code), rules);
  await writeFile(join(bundleDir, VOCABULARY_FILE), JSON.stringify(vocabulary));
  await writeFile(join(bundleDir, QUERY_PHRASES_FILE), JSON.stringify(queryPhrases(synonyms, rules)));
  return vocabulary.pages;
}

const bundleDirOf = (clientDir: string, language: string) => join(clientDir, ...bundlePath(language).split('/').filter(Boolean));

/** The page's address as Pagefind would make it from its file: `articles/x/index.html` is `/articles/x/`. */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/** Every HTML page of the built site but Pagefind's own files, with the language it says it is in. */
export async function builtPages(clientDir: string): Promise<BuiltPage[]> {
  const entries = await readdir(clientDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(clientDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
  const pages: BuiltPage[] = [];
  for (let at = 0; at < files.length; at += PAGES_IN_FLIGHT) {
    const batch = files.slice(at, at + PAGES_IN_FLIGHT);
    const heads = await Promise.all(batch.map((file) => readHead(join(clientDir, file))));
    batch.forEach((file, i) => pages.push({ file, ...pageSays(heads[i]) }));
  }
  return pages;
}

/** The document up to the end of its `<head>` (where `lang` and the robots meta tag are). */
async function readHead(path: string): Promise<string> {
  const html = await readFile(path, 'utf8');
  const end = html.search(/<\/head>/i);
  return end < 0 ? html : html.slice(0, end);
}

/** The `<html lang>` and robots `noindex` of a page's head. */
export function pageSays(head: string): { lang: string | undefined; noindex: boolean } {
  const lang = /<html\b[^>]*?\slang=["']?([^"'\s>]+)/i.exec(head)?.[1];
  const noindex = [...head.matchAll(/<meta\b[^>]*>/gi)].some(
    ([tag]) => /\bname=["']?robots["'\s>]/i.test(tag) && /\bcontent=["'][^"']*\bnoindex\b/i.test(tag),
  );
  return { lang, noindex };
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Every page Pagefind stored (one file each, or groups of them keyed by page). */
async function readFragments(bundleDir: string): Promise<Fragment[]> {
  const dir = join(bundleDir, 'fragment');
  const fragments: Fragment[] = [];
  for (const name of await readdir(dir)) {
    const data = JSON.parse(
      gunzipSync(await readFile(join(dir, name)))
        .subarray('pagefind_dcd'.length)
        .toString('utf8'),
    ) as Fragment | Record<string, Fragment>;
    fragments.push(
      ...('url' in data && typeof data.url === 'string' ? [data as Fragment] : Object.values(data as Record<string, Fragment>)),
    );
  }
  return fragments;
}

/** The words of the pages' text and searchable metadata, as the query normaliser writes words, by page count. */
export function vocabularyOf(
  fragments: Fragment[],
  english: Iterable<string>,
  language: QueryLanguage = queryLanguage('en'),
): VocabularyFile {
  const pagesWith = new Map<string, number>();
  for (const fragment of fragments) {
    const text = [fragment.content, ...Object.entries(fragment.meta).flatMap(([key, value]) => (NOT_TEXT_META.has(key) ? [] : [value]))];
    const words = new Set(
      text
        .join(' ')
        .toLowerCase()
        .replace(/['’]/g, '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word && !isFiller(word, language))
        // Also without accents, as stems are compared (languages/*.ts) and pages carry them (index-terms.ts).
        .flatMap((word) => [word, withoutAccents(word)]),
    );
    for (const word of words) pagesWith.set(word, (pagesWith.get(word) ?? 0) + 1);
  }
  const sorted = [...pagesWith].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = sorted.map(([word]) => word);
  return { pages: fragments.length, words, pageCounts: sorted.map(([, count]) => count), english: nearWords(english, words) };
}
