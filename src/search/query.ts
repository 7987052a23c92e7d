/**
 * Query understanding before the index is asked: what a stressed reader types ("how do i reset my password??",
 * "cant log in", "why is my money pending") becomes the words that carry the meaning ("reset password", "log",
 * "money pending"). Pagefind matches every word of a query (and any word it begins), so a filler word such as
 * "my" or "how" would only take pages away that lack it.
 */
import { english, type QueryLanguage } from './query-language.ts';

/** Where the build writes the phrases (synonyms.ts), beside the index; search reads them when it starts. */
export const QUERY_PHRASES_FILE = 'query-phrases.json';

/**
 * A phrase of the domain's vocabulary said with filler words ("let me in", "get into my account"), and the term it
 * is searched as ("sign in"). Without this, the filler would be dropped and the phrase lost. Made from the editors'
 * synonym groups at build time (synonyms.ts).
 */
export interface QueryPhrase {
  /** The stems of the phrase's words, as `tokens` writes them ("get into my account" also says "getting into …"). */
  stems: string[];
  /** What the phrase is searched as. */
  term: string;
}

export interface AnalysedQuery {
  /** The words to search for, in the order typed, each once. */
  words: string[];
  /** Whether the reader says something fails ("cant", "not working", "wont let me in"). */
  problem: boolean;
}

/**
 * A text's words as the normaliser reads them: lower case, apostrophes dropped, every way of writing "cannot" as
 * "cant", split at anything that is not a letter or a digit (as Pagefind splits "two-step"), contractions expanded
 * (each as `language` writes them; English unless said).
 */
export function tokens(text: string, language: QueryLanguage = english): string[] {
  const lower = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´]/g, '');
  return (language.cannot ? lower.replace(language.cannot, 'cant') : lower)
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((word) => language.contractions.get(word)?.split(' ') ?? (word ? [word] : []));
}

/**
 * What a query is made of for searching: its tokens, with the domain's phrases said as their terms, filler and
 * one-character words removed, a verb that only says something does not work removed, and the product's own name,
 * which every article mentions, left out. Each word once, in the order typed.
 */
export function analyseQuery(
  query: string,
  { productName = '', phrases = [], language = english }: { productName?: string; phrases?: QueryPhrase[]; language?: QueryLanguage } = {},
): AnalysedQuery {
  const product = productName.toLowerCase();
  const typed = tokens(query, language);
  const said = withPhrases(typed, phrases, language);
  const { filler, working, negation, problem } = language;
  // A verb form stemming does not join to its infinitive ("pude") is searched as the infinitive ("poder").
  const kept = said
    .filter((word, i) => word.length > 1 && !filler.has(word) && word !== product && !(working.has(word) && negation.has(said[i - 1])))
    .map((word) => language.baseForm?.(word) ?? word)
    .filter((word) => !filler.has(word));
  return { words: [...new Set(kept)], problem: typed.some((word) => problem.has(word)) };
}

/** The words to search for in a query (see analyseQuery). */
export function queryWords(query: string, productName = '', language: QueryLanguage = english): string[] {
  return analyseQuery(query, { productName, language }).words;
}

/** Tokens with each phrase replaced by its term's tokens, the longest phrase first where several begin. */
function withPhrases(words: string[], phrases: QueryPhrase[], language: QueryLanguage): string[] {
  if (!phrases.length) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const phrase = phrases
      .filter((p) => p.stems.every((stem, j) => i + j < words.length && language.stem(words[i + j]) === stem))
      .sort((a, b) => b.stems.length - a.stems.length)[0];
    if (phrase) {
      out.push(...tokens(phrase.term, language));
      i += phrase.stems.length;
    } else out.push(words[i++]);
  }
  return out;
}

/** Whether a word says the reader is stuck ("cant", "not", "fails"). */
export function isProblemWord(word: string, language: QueryLanguage = english): boolean {
  return language.problem.has(word);
}

/** Whether a word is one the normaliser drops (for tests and for the vocabulary, which need not list them). */
export function isFiller(word: string, language: QueryLanguage = english): boolean {
  return language.filler.has(word) || word.length < 2 || language.contractions.has(word);
}
