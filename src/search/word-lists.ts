/**
 * The word lists written beside a language's Pagefind bundle once Pagefind has written it: the vocabulary of its pages
 * (vocabulary.ts) and the phrases of the language's synonym groups that queries say with filler words (synonyms.ts).
 * Part of the build's search step (index-language.ts).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isFiller, QUERY_PHRASES_FILE } from './query.ts';
import { withoutAccents } from './languages/types.ts';
import { queryLanguage, type QueryLanguage } from './query-language.ts';
import { queryPhrases, type SynonymGroups } from './synonyms.ts';
import { commonWords, nearWords } from './english-words.ts';
import { VOCABULARY_FILE, type VocabularyFile } from './vocabulary.ts';

/** Meta fields that hold no words a reader types. */
const NOT_TEXT_META = new Set(['image', 'image_alt']);

/** The vocabulary and query phrases beside a language's bundle; the number of pages the bundle holds. */
export async function writeWordLists(bundleDir: string, language: string, hasPages: boolean, synonyms: SynonymGroups): Promise<number> {
  const rules = queryLanguage(language);
  const vocabulary = vocabularyOf(hasPages ? await readFragments(bundleDir) : [], commonWords(rules.code), rules);
  await writeFile(join(bundleDir, VOCABULARY_FILE), JSON.stringify(vocabulary));
  await writeFile(join(bundleDir, QUERY_PHRASES_FILE), JSON.stringify(queryPhrases(synonyms, rules)));
  return vocabulary.pages;
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
