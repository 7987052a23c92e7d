/**
 * Search in the browser: the search module over the Pagefind bundle of the page's language (its `<html lang>`), which
 * the site serves at /pagefind/<lang>/. Pagefind and
 * the query phrases load on the first search, not with the page, the vocabulary only after a weak result; Pagefind runs on the page's thread (no worker: one
 * file fewer to fetch, and a query takes milliseconds).
 */
import { PAGEFIND_OPTIONS } from './pagefind-options.ts';
import type { PagefindModule } from './pagefind-api.ts';
import { QUERY_PHRASES_FILE, type QueryPhrase } from './query.ts';
import { queryLanguage } from './query-language.ts';
import { createSearch, type Search } from './search.ts';
import { bundlePath, languageCode } from './bundle-path.ts';
import { createVocabulary, VOCABULARY_FILE, type VocabularyFile } from './vocabulary.ts';

export interface BrowserSearchOptions {
  flowPathPrefix: string;
  productName: string;
}

let started: Promise<Search> | undefined;

/** The page's search, started on first use; a failed start is tried again on the next call. */
export function browserSearch(options: BrowserSearchOptions): Promise<Search> {
  started ??= start(options).catch((error: unknown) => {
    started = undefined;
    throw error;
  });
  return started;
}

async function start({ flowPathPrefix, productName }: BrowserSearchOptions): Promise<Search> {
  const language = languageCode(document.documentElement.lang || 'en');
  const bundle = bundlePath(language);
  // A runtime path, not a module of the build: the bundler must leave it alone.
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindModule;
  const index = pagefind.createInstance({ basePath: bundle, noWorker: true });
  await index.options(PAGEFIND_OPTIONS);
  const fetchJson = async <T>(file: string): Promise<T> => {
    const response = await fetch(`${bundle}${file}`);
    if (!response.ok) throw new Error(`${response.status} fetching ${bundle}${file}`);
    return (await response.json()) as T;
  };
  const [phrases] = await Promise.all([fetchJson<QueryPhrase[]>(QUERY_PHRASES_FILE), index.init()]);
  return createSearch({
    index,
    flowPathPrefix,
    productName,
    phrases,
    language: queryLanguage(language),
    loadVocabulary: async () => createVocabulary(await fetchJson<VocabularyFile>(VOCABULARY_FILE)),
  });
}
