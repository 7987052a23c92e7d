/**
 * The build's search step: Pagefind indexes the built pages in `dist/client` into `dist/client/pagefind/`, then the
 * vocabulary of that index (vocabulary.ts) and the phrases of the synonym groups that queries say with filler words
 * (synonyms.ts) are written beside it. Run by scripts/build.ts after Astro has exited.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { isFiller, QUERY_PHRASES_FILE } from './query.ts';
import { queryPhrases, type SynonymGroups } from './synonyms.ts';
import { commonEnglish, nearWords } from './english-words.ts';
import { VOCABULARY_FILE, type VocabularyFile } from './vocabulary.ts';

/** Meta fields that hold no words a reader types. */
const NOT_TEXT_META = new Set(['image', 'image_alt']);

export async function buildSearchIndex(clientDir: string, language: string, synonyms: SynonymGroups = []): Promise<{ pages: number }> {
  const bundleDir = join(clientDir, 'pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: clientDir });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length) throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const vocabulary = vocabularyOf(await readFragments(bundleDir), commonEnglish());
  await writeFile(join(bundleDir, VOCABULARY_FILE), JSON.stringify(vocabulary));
  await writeFile(join(bundleDir, QUERY_PHRASES_FILE), JSON.stringify(queryPhrases(synonyms)));
  return { pages: vocabulary.pages };
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
export function vocabularyOf(fragments: Fragment[], english: Iterable<string>): VocabularyFile {
  const pagesWith = new Map<string, number>();
  for (const fragment of fragments) {
    const text = [fragment.content, ...Object.entries(fragment.meta).flatMap(([key, value]) => (NOT_TEXT_META.has(key) ? [] : [value]))];
    const words = new Set(
      text
        .join(' ')
        .toLowerCase()
        .replace(/['’]/g, '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word && !isFiller(word)),
    );
    for (const word of words) pagesWith.set(word, (pagesWith.get(word) ?? 0) + 1);
  }
  const sorted = [...pagesWith].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = sorted.map(([word]) => word);
  return { pages: fragments.length, words, pageCounts: sorted.map(([, count]) => count), english: nearWords(english, words) };
}
