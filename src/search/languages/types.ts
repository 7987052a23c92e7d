/**
 * What query understanding needs to know about a language (query.ts, rank.ts, synonyms.ts, quick-answer.ts): how
 * its words are stemmed and which words only say how a reader asks. One module per language beside this file.
 */
export interface QueryLanguage {
  /** The language's code, as pages say it in `<html lang>` and bundles are named (`/pagefind/<code>/`). */
  code: string;
  /** A word's stem (Snowball or Porter), so "signing" and "signed" meet; the same the build and the search use. */
  stem(word: string): string;
  /**
   * The word a form stands for where stemming alone does not join them ("pude" is "poder"): searched instead of the
   * form, and stemmed instead of it. None where the stemmer joins a language's forms.
   */
  baseForm?(word: string): string | undefined;
  /** Contractions, without their apostrophe, and the words they stand for. */
  contractions: ReadonlyMap<string, string>;
  /** The ways of saying "cannot" that are searched as one word, "cant"; none where a language says it in words. */
  cannot?: RegExp;
  /** Words that say how the reader asks, not what about (question words, pronouns, articles, politeness). */
  filler: ReadonlySet<string>;
  /** Words that say the reader is stuck: negations and words for failing. */
  problem: ReadonlySet<string>;
  /** Negations before a verb that only says something does not work ("not working"). */
  negation: ReadonlySet<string>;
  /** Verbs that say only that something works ("working", "funciona"), dropped after a negation. */
  working: ReadonlySet<string>;
}

/** A list of words as a set, each also without its accents: readers often leave them out ("como" for "cómo"). */
export function wordSet(words: string): Set<string> {
  const list = words.split(/\s+/).filter(Boolean);
  return new Set([...list, ...list.map(withoutAccents)]);
}

export const withoutAccents = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');
