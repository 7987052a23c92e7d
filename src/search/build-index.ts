/**
 * The build's search step: Pagefind indexes the built pages in `dist/client` into one bundle per language,
 * `dist/client/pagefind/<lang>/`, then the vocabulary of that bundle (vocabulary.ts) and the phrases of the language's
 * synonym groups that queries say with filler words (synonyms.ts) are written beside it (word-lists.ts). Run by
 * scripts/build.ts after Astro has exited. Which page goes into which bundle: built-pages.ts.
 *
 * Memory: Pagefind holds a language's whole index in a process of its own, and that process is most of the step's
 * peak; whatever this process holds meanwhile comes on top. So the languages are indexed one after another, each by
 * a Pagefind process that ends before the next starts, and this process holds little while they run: the list of file
 * names and the few pages in flight. Sorting the pages into languages (reading every page's head) and the word lists
 * (a dictionary per language and the words of every page) happen in child processes (search-step-process.ts), which
 * exit and give their memory back: the sorting before the first Pagefind process starts, the word lists after the
 * last one has ended.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { LanguagePages } from './built-pages.ts';
import { bundlePath } from './bundle-path.ts';
import { collectGarbage } from '../lib/collect-garbage.ts';
import { runJobApart } from '../lib/process-job.ts';
import type { StepJob } from './search-step-process.ts';
import type { SynonymGroups } from './synonyms.ts';

/** Pages handed to Pagefind at once: enough to keep it busy, few enough that their text costs little memory. */
const PAGES_IN_FLIGHT = 8;
/** The child processes' entry. */
const STEP_PROCESS = fileURLToPath(new URL('./search-step-process.ts', import.meta.url));

export interface BuiltIndex {
  language: string;
  /** Pages in the language's bundle. */
  pages: number;
  /** How long the language took to index (Pagefind, then its vocabulary). */
  ms: number;
}

/**
 * Builds one bundle per language under `clientDir/pagefind/`; `synonymsOf` gives each language's synonym groups.
 * `languages` defaults to those of the built pages (built-pages.ts).
 */
export async function buildSearchIndexes(
  clientDir: string,
  synonymsOf: (language: string) => SynonymGroups,
  languages?: string[],
): Promise<BuiltIndex[]> {
  const sorted = await inProcessOfItsOwn<LanguagePages[]>({ sort: { clientDir, languages } });
  const pagefindMs: number[] = [];
  for (const { language, files } of sorted) {
    const started = Date.now();
    await indexLanguage(clientDir, language, files);
    pagefindMs.push(Date.now() - started);
  }
  const built: BuiltIndex[] = [];
  for (const [i, { language, files }] of sorted.entries()) {
    const started = Date.now();
    const words = { bundleDir: bundleDirOf(clientDir, language), language, hasPages: files.length > 0, synonyms: synonymsOf(language) };
    const pages = await inProcessOfItsOwn<number>({ words });
    built.push({ language, pages, ms: pagefindMs[i] + Date.now() - started });
  }
  return built;
}

/** Pagefind's bundle of one language's pages (in the order given), in a Pagefind process that ends before this returns. */
async function indexLanguage(clientDir: string, language: string, files: string[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (let at = 0; at < files.length; at += PAGES_IN_FLIGHT) {
      const batch = files.slice(at, at + PAGES_IN_FLIGHT);
      const contents = await Promise.all(batch.map((file) => readFile(join(clientDir, file), 'utf8')));
      // Sent in the files' order, so Pagefind numbers the pages alike in every build, and writes the same files.
      const added = await Promise.all(batch.map((file, i) => index.addHTMLFile({ url: urlOf(file), content: contents[i] })));
      const failed = added.flatMap((response, i) => response.errors.map((error) => `${batch[i]}: ${error}`));
      if (failed.length) throw new Error(`Pagefind indexing failed: ${failed.join('; ')}`);
      // Each page's text is read, encoded and sent: garbage that V8 would let grow this process by a hundred MB or
      // more beside Pagefind's before collecting it. Collecting this small heap takes a few ms.
      collectGarbage();
    }
    const written = await index.writeFiles({ outputPath: bundleDirOf(clientDir, language) });
    if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  } finally {
    // Ends Pagefind's process, and with it the memory of this language's index, before the next language starts.
    await pagefind.close();
  }
}

/** Does `job` in a child process (search-step-process.ts), which has exited when this returns its answer. */
const inProcessOfItsOwn = <T>(job: StepJob) => runJobApart<T>(STEP_PROCESS, job, 'the search step');

const bundleDirOf = (clientDir: string, language: string) => join(clientDir, ...bundlePath(language).split('/').filter(Boolean));

/** The page's address as Pagefind would make it from its file: `articles/x/index.html` is `/articles/x/`. */
const urlOf = (file: string) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
