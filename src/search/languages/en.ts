/** English, the help center's first language: Porter stemming (the `stemmer` package) and English filler words. */
import { stemmer } from 'stemmer';
import type { QueryLanguage } from './types.ts';

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

export const english: QueryLanguage = {
  code: 'en',
  stem: stemmer,
  contractions: CONTRACTIONS,
  cannot: CANNOT,
  filler: FILLER,
  problem: PROBLEM,
  negation: NEGATION,
  working: WORKING,
};
