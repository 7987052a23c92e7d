/**
 * Search in the browser: the search module over the Pagefind bundle the site serves at /pagefind/. Pagefind and
 * the query phrases load on the first search, not with the page, the vocabulary only after a weak result; Pagefind runs on the page's thread (no worker: one
 * file fewer to fetch, and a query takes milliseconds).
 */
import { PAGEFIND_OPTIONS } from './pagefind-options.ts';
import type { PagefindModule } from './pagefind-api.ts';
import { QUERY_PHRASES_FILE, type QueryPhrase } from './query.ts';
import { createSearch, type Search } from './search.ts';
import { createVocabulary, VOCABULARY_FILE, type VocabularyFile } from './vocabulary.ts';

const BUNDLE = '/pagefind/';

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
  // A runtime path, not a module of the build: the bundler must leave it alone.
  const pagefind = (await import(/* @vite-ignore */ `${BUNDLE}pagefind.js`)) as PagefindModule;
  const index = pagefind.createInstance({ basePath: BUNDLE, noWorker: true });
  await index.options(PAGEFIND_OPTIONS);
  const [phrases] = await Promise.all([fetchJson<QueryPhrase[]>(QUERY_PHRASES_FILE), index.init()]);
  return createSearch({
    index,
    flowPathPrefix,
    productName,
    phrases,
    loadVocabulary: async () => createVocabulary(await fetchJson<VocabularyFile>(VOCABULARY_FILE)),
  });
}

async function fetchJson<T>(file: string): Promise<T> {
  const response = await fetch(`${BUNDLE}${file}`);
  if (!response.ok) throw new Error(`${response.status} fetching ${BUNDLE}${file}`);
  return (await response.json()) as T;
}
