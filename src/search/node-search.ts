/**
 * Search in Node, from a language's built bundle on disk (`dist/client/pagefind/<lang>/`): for the server-rendered
 * search page, and for commands that serve no HTTP. See node-bundle.ts for how Pagefind runs here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadPagefindBundle, SearchUnavailableError } from './node-bundle.ts';
import { PAGEFIND_OPTIONS } from './pagefind-options.ts';
import { QUERY_PHRASES_FILE, type QueryPhrase } from './query.ts';
import { queryLanguage } from './query-language.ts';
import { createSearch, type Search } from './search.ts';
import { bundlePath } from './bundle-path.ts';
import { createVocabulary, VOCABULARY_FILE, type VocabularyFile } from './vocabulary.ts';

export { SearchUnavailableError };

/** The folder of a language's bundle in a built site's client folder (`dist/client`). */
export const languageBundleDir = (clientDir: string, language: string) => join(clientDir, ...bundlePath(language).split('/'));

export interface NodeSearchOptions {
  /** The language's bundle folder, e.g. `dist/client/pagefind/en` (languageBundleDir). */
  bundleDir: string;
  /** The language of the bundle's pages, which is also how queries are read. */
  language: string;
  flowPathPrefix: string;
  productName: string;
  /** Pagefind's options; the shipped ones unless a benchmark tries others. */
  pagefindOptions?: typeof PAGEFIND_OPTIONS;
}

/** Loads and starts the bundle; rejects with a {@link SearchUnavailableError} when it is missing or incomplete. */
export async function openNodeSearch({
  bundleDir,
  language,
  flowPathPrefix,
  productName,
  pagefindOptions = PAGEFIND_OPTIONS,
}: NodeSearchOptions): Promise<Search> {
  const index = await loadPagefindBundle(bundleDir, language);
  await index.options(pagefindOptions);
  const phrases = await readPhrases(bundleDir);
  const search = createSearch({
    index,
    flowPathPrefix,
    productName,
    phrases,
    language: queryLanguage(language),
    loadVocabulary: async () => createVocabulary(JSON.parse(await readFile(join(bundleDir, VOCABULARY_FILE), 'utf8')) as VocabularyFile),
  });
  // A page's stored text that fails to read mid-search (the index replaced under a running server) is the same
  // condition as a missing index: say so rather than fail some other way.
  return async (request) => {
    try {
      return await search(request);
    } catch (error) {
      throw error instanceof SearchUnavailableError
        ? error
        : new SearchUnavailableError(`The search index in ${bundleDir} could not be read: ${String(error)}`);
    }
  };
}

/** The build's query phrases; a bundle without them is not a complete index. */
async function readPhrases(bundleDir: string): Promise<QueryPhrase[]> {
  try {
    return JSON.parse(await readFile(join(bundleDir, QUERY_PHRASES_FILE), 'utf8')) as QueryPhrase[];
  } catch (error) {
    throw new SearchUnavailableError(
      `The search index in ${bundleDir} has no readable ${QUERY_PHRASES_FILE} (${String(error)}). Build the site again.`,
    );
  }
}
