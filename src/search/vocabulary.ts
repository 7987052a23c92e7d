/**
 * The words of the index, written at build time next to it (`vocabulary.json` in the Pagefind bundle) and loaded
 * only after a weak result: what typo correction compares against and how fallback tells a rare word from a common
 * one. Words are lower case without apostrophes, as the query normaliser makes them, each with the number of
 * pages that hold it; most common first.
 */
export interface VocabularyFile {
  /** Pages in the index. */
  pages: number;
  words: string[];
  /** `pageCounts[i]`: pages holding `words[i]`. */
  pageCounts: number[];
  /**
   * Common words of the index's language (the name is from when there was only English) that the index does not hold
   * but that are a typo away from one it does ("morning", near "moving"): a reader who types one meant it, so it is
   * never corrected.
   */
  english: string[];
}

export const VOCABULARY_FILE = 'vocabulary.json';

export interface Vocabulary {
  readonly pages: number;
  /** Pages holding this exact word, 0 for none. */
  pageCount(word: string): number;
  /** Pages holding a word that begins with `prefix` (Pagefind matches words by their beginning), at most. */
  prefixPageCount(prefix: string): number;
  /** The indexed word a misspelt `word` most likely meant, or undefined. */
  correction(word: string): string | undefined;
  /** The indexed words a misspelt `word` may have meant, most likely first: those as near as the nearest. */
  corrections(word: string): string[];
}

/** Edits allowed for a word of this length: none for three letters or fewer, one up to seven, then two. */
export function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}

export function createVocabulary(file: VocabularyFile): Vocabulary {
  const counts = new Map(file.words.map((word, i) => [word, file.pageCounts[i]]));
  const english = new Set(file.english);
  const sorted = [...file.words].sort();
  const prefixPageCount = (prefix: string) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    let most = 0;
    for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) most = Math.max(most, counts.get(sorted[i])!);
    return most;
  };
  const corrections = (word: string): string[] => {
    if (counts.has(word) || english.has(word)) return [];
    const limit = allowedEdits(word.length);
    // Among candidates as near: one with the same letters (two swapped: "contarct" is "contract", not "contact"),
    // then one with the same first letter (typos seldom hit the first), then the one more pages use (listed first).
    const letters = sortedLetters(word);
    const found: { word: string; rank: number[] }[] = [];
    for (const candidate of file.words) {
      if (Math.abs(candidate.length - word.length) > limit) continue;
      const edits = editDistance(word, candidate, limit);
      if (edits > limit) continue;
      found.push({ word: candidate, rank: [edits, sortedLetters(candidate) === letters ? 0 : 1, candidate[0] === word[0] ? 0 : 1] });
    }
    if (!found.length) {
      const split = splitInTwo(word, counts);
      return split ? [split] : [];
    }
    found.sort((a, b) => (comesFirst(a.rank, b.rank) ? -1 : comesFirst(b.rank, a.rank) ? 1 : 0));
    return found.filter((f) => f.rank[0] === found[0].rank[0]).map((f) => f.word);
  };
  return {
    pages: file.pages,
    pageCount: (word) => counts.get(word) ?? 0,
    prefixPageCount,
    corrections,
    correction: (word) => corrections(word)[0],
  };
}

const sortedLetters = (word: string) => [...word].sort().join('');

/** Whether rank `a` sorts before rank `b`, comparing their parts in order. */
function comesFirst(a: number[], b: number[]): boolean {
  const differs = a.findIndex((value, i) => value !== b[i]);
  return differs >= 0 && a[differs] < b[differs];
}

/**
 * Two indexed words typed as one ("creditcard"), as "credit card"; the split whose rarer half more pages use.
 * Both halves need three letters, so "often" never becomes "of ten".
 */
function splitInTwo(word: string, counts: Map<string, number>): string | undefined {
  let best: { split: string; pages: number } | undefined;
  for (let at = 3; at <= word.length - 3; at++) {
    const pages = Math.min(counts.get(word.slice(0, at)) ?? 0, counts.get(word.slice(at)) ?? 0);
    if (pages > 0 && (!best || pages > best.pages)) best = { split: `${word.slice(0, at)} ${word.slice(at)}`, pages };
  }
  return best?.split;
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours, the commonest typo: "frogot"),
 * giving up as soon as it must exceed `limit` (then any number above it).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2] + 1);
      current[j] = value;
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
