import { describe, expect, it } from 'vitest';
import { nearWords } from '../../src/search/english-words.ts';
import { allowedEdits, createVocabulary, editDistance } from '../../src/search/vocabulary.ts';

const vocabulary = (words: [string, number][], english: string[] = []) =>
  createVocabulary({ pages: 10, words: words.map(([w]) => w), pageCounts: words.map(([, c]) => c), english });

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions, and two neighbours swapped as one edit', () => {
    expect(editDistance('password', 'password')).toBe(0);
    expect(editDistance('pasword', 'password')).toBe(1);
    expect(editDistance('frogot', 'forgot')).toBe(1);
    expect(editDistance('pssword', 'password')).toBe(1);
    expect(editDistance('passwrod', 'password')).toBe(1);
    expect(editDistance('cashe', 'cache')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('typo correction against the vocabulary', () => {
  const words = vocabulary([
    ['password', 9],
    ['contact', 8],
    ['contract', 3],
    ['cache', 2],
    ['cash', 4],
    ['credit', 3],
    ['card', 5],
  ]);

  it('corrects a word the index does not hold to the nearest one it does', () => {
    expect(words.correction('pasword')).toBe('password');
    expect(words.correction('passwrod')).toBe('password');
  });

  it('prefers the candidate with the same letters (a swap) over a more common one as near', () => {
    expect(words.correction('contarct')).toBe('contract');
  });

  it('leaves words the index holds, and short words, alone', () => {
    expect(words.correction('password')).toBeUndefined();
    expect(words.correction('cas')).toBeUndefined();
    expect(allowedEdits(3)).toBe(0);
    expect(allowedEdits(5)).toBe(1);
    expect(allowedEdits(8)).toBe(2);
  });

  it('splits two words typed as one', () => {
    expect(words.correction('creditcard')).toBe('credit card');
  });

  it('never corrects a common English word the vocabulary protects', () => {
    const protecting = vocabulary([['hard', 2]], ['heard']);
    expect(protecting.correction('heard')).toBeUndefined();
    expect(vocabulary([['hard', 2]]).correction('heard')).toBe('hard');
  });

  it('protects exactly the English words a correction could reach', () => {
    expect(nearWords(['heard', 'hard', 'banana', 'cat', 'passwords', 'morning'], ['hard', 'password', 'moving'])).toEqual([
      'heard',
      'passwords',
    ]);
  });
});
