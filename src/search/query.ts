/**
 * Query understanding before the index is asked: what a stressed reader types ("how do i reset my password??",
 * "cant log in", "why is my money pending") becomes the words that carry the meaning ("reset password", "log",
 * "money pending"). Pagefind matches every word of a query (and any word it begins), so a filler word such as
 * "my" or "how" would only take pages away that lack it.
 */
import { stemmer } from 'stemmer';

/**
 * Contractions, with and without their apostrophe, and the longer forms they stand for, which are filler words
 * below. "id" and "ill" are left alone: readers mean "ID" and "ill" more often than "I'd" and "I'll".
 */
const CONTRACTIONS = new Map<string, string>(
  Object.entries({
    wont: 'will not',
    dont: 'do not',
    doesnt: 'does not',
    didnt: 'did not',
    isnt: 'is not',
    arent: 'are not',
    wasnt: 'was not',
    werent: 'were not',
    havent: 'have not',
    hasnt: 'has not',
    hadnt: 'had not',
    wouldnt: 'would not',
    couldnt: 'could not',
    shouldnt: 'should not',
    aint: 'is not',
    im: 'i am',
    ive: 'i have',
    youre: 'you are',
    youve: 'you have',
    theyre: 'they are',
    thats: 'that is',
    whats: 'what is',
    wheres: 'where is',
    hows: 'how is',
    whys: 'why is',
    theres: 'there is',
    lets: 'let us',
  }),
);

/**
 * "can't", "cant", "cannot", "can not" and "unable to": one word, the one Pagefind makes of "can't". It is kept: a
 * reader who cannot do something has a problem ("cant sign in" is not "how do I sign in"), and troubleshooters and
 * articles about problems say so. Synonyms (content/search/synonyms.yaml) give pages that say "cannot" the others.
 */
const CANNOT = /\b(?:can ?not|unable to|cant)\b/g;

/**
 * Words that say how the reader asks, not what about: question words, pronouns, articles, prepositions, auxiliary
 * verbs, other negations, politeness. "password not working" and "password working" name the same article, and
 * Pagefind cannot search for an absence.
 */
const FILLER = new Set(
  (
    'a an the and or but if then so than as of to in on at by for with without from into onto about after before ' +
    'over under up out off again just also too very really even ever yet already anyway ' +
    'i me my mine myself we us our ours you your yours he him his she her it its they them their theirs ' +
    'this that these those there here ' +
    'am is are was were be been being do does did doing have has had having ' +
    'can could will would should shall may might must ' +
    'not no nor never ' +
    'how what why when where which who whom whose ' +
    'please pls plz help hi hello hey thanks thank anyone somebody ' +
    'get got getting some any all more less much many need want wanna able let ' +
    'nothing anything something everything everyone nobody ' +
    'other same next right now today way thing things stuff actually'
  ).split(' '),
);

/**
 * Words that say the reader is stuck rather than asking how something works: negations (after contractions are
 * expanded: "isnt" is "is not") and words for failing. A stuck reader is offered the troubleshooter sooner.
 */
const PROBLEM = new Set(
  'not no never nothing nobody cant nor fail fails failed failing error errors stuck broken problem problems issue issues trouble wrong keeps stopped'.split(
    ' ',
  ),
);
const NEGATION = new Set(['not', 'nothing', 'never', 'cant', 'stopped']);
/** "not working", "nothing works": the negation says something is broken; the verb says nothing about what. */
const WORKING = new Set(['work', 'works', 'working', 'worked']);

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
 * "cant", split at anything that is not a letter or a digit (as Pagefind splits "two-step"), contractions expanded.
 */
export function tokens(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(CANNOT, 'cant')
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((word) => CONTRACTIONS.get(word)?.split(' ') ?? (word ? [word] : []));
}

/**
 * What a query is made of for searching: its tokens, with the domain's phrases said as their terms, filler and
 * one-character words removed, a verb that only says something does not work removed, and the product's own name,
 * which every article mentions, left out. Each word once, in the order typed.
 */
export function analyseQuery(
  query: string,
  { productName = '', phrases = [] }: { productName?: string; phrases?: QueryPhrase[] } = {},
): AnalysedQuery {
  const product = productName.toLowerCase();
  const typed = tokens(query);
  const said = withPhrases(typed, phrases);
  const kept = said.filter(
    (word, i) => word.length > 1 && !FILLER.has(word) && word !== product && !(WORKING.has(word) && NEGATION.has(said[i - 1])),
  );
  return { words: [...new Set(kept)], problem: typed.some((word) => PROBLEM.has(word)) };
}

/** The words to search for in a query (see analyseQuery). */
export function queryWords(query: string, productName = ''): string[] {
  return analyseQuery(query, { productName }).words;
}

/** Tokens with each phrase replaced by its term's tokens, the longest phrase first where several begin. */
function withPhrases(words: string[], phrases: QueryPhrase[]): string[] {
  if (!phrases.length) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const phrase = phrases
      .filter((p) => p.stems.every((stem, j) => i + j < words.length && stemmer(words[i + j]) === stem))
      .sort((a, b) => b.stems.length - a.stems.length)[0];
    if (phrase) {
      out.push(...tokens(phrase.term));
      i += phrase.stems.length;
    } else out.push(words[i++]);
  }
  return out;
}

/** Whether a word says the reader is stuck ("cant", "not", "fails"). */
export function isProblemWord(word: string): boolean {
  return PROBLEM.has(word);
}

/** Whether a word is one the normaliser drops (for tests and for the vocabulary, which need not list them). */
export function isFiller(word: string): boolean {
  return FILLER.has(word) || word.length < 2 || CONTRACTIONS.has(word);
}
