/**
 * Query understanding before the index is asked: what a stressed reader types ("how do i reset my password??",
 * "cant log in", "why is my money pending") becomes the words that carry the meaning ("reset password", "log",
 * "money pending"). Pagefind matches every word of a query (and any word it begins), so a filler word such as
 * "my" or "how" would only take pages away that lack it.
 */

/**
 * Contractions, with and without their apostrophe, and the longer forms they stand for, which are filler words
 * below. "id" and "ill" are left alone: readers mean "ID" and "ill" more often than "I'd" and "I'll".
 */
const CONTRACTIONS: Record<string, string> = {
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
};

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
    'nothing anything something everything'
  ).split(' '),
);

/**
 * What a query is made of for searching: lower case, apostrophes dropped, split at anything that is not a letter
 * or a digit (as Pagefind splits "two-step"), contractions expanded, filler and one-character words removed, and
 * the product's own name, which every article mentions, left out. Each word once, in the order typed.
 */
export function queryWords(query: string, productName = ''): string[] {
  const product = productName.toLowerCase();
  const words = query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(CANNOT, 'cant')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .flatMap((word) => (CONTRACTIONS[word] ?? word).split(' '));
  const kept = words.filter((word) => word.length > 1 && !FILLER.has(word) && word !== product);
  return [...new Set(kept)];
}

/** Whether a word is one the normaliser drops (for tests and for the vocabulary, which need not list them). */
export function isFiller(word: string): boolean {
  return FILLER.has(word) || word.length < 2 || word in CONTRACTIONS;
}
