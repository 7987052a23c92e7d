import { describe, expect, it } from 'vitest';
import { analyseQuery, queryWords } from '../../src/search/query.ts';

describe('query normaliser', () => {
  it.each([
    ['how do I reset my password??', ['reset', 'password']],
    ['Why is my money pending', ['money', 'pending']],
    ['please help, I need to change my email', ['change', 'email']],
    ['what is a milestone', ['milestone']],
  ])('drops question words and filler: %s', (query, words) => {
    expect(queryWords(query)).toEqual(words);
  });

  it('makes every way of writing "cannot" one word, the one the index holds for "can\'t"', () => {
    for (const query of ["can't sign in", 'cant sign in', 'cannot sign in', 'can not sign in', 'I’m unable to sign in', 'CAN’T SIGN IN']) {
      expect(queryWords(query), query).toEqual(['cant', 'sign']);
    }
  });

  it('expands other contractions, with or without the apostrophe, into filler', () => {
    expect(queryWords('dont get email')).toEqual(['email']);
    expect(queryWords("why won't it load")).toEqual(['load']);
    expect(queryWords('it isnt working')).toEqual([]);
    expect(queryWords("I'm locked out")).toEqual(['locked']);
  });

  it('splits words as the index does, keeps numbers, drops one-letter words and repeats', () => {
    expect(queryWords('two-step verification')).toEqual(['two', 'step', 'verification']);
    expect(queryWords('2fa 2fa new phone')).toEqual(['2fa', 'new', 'phone']);
    expect(queryWords('w9 tax form')).toEqual(['w9', 'tax', 'form']);
    expect(queryWords('a b c')).toEqual([]);
  });

  it("leaves out the product's own name, which every article says", () => {
    expect(queryWords('how much does Loomwork take', 'Loomwork')).toEqual(['take']);
    expect(queryWords('loomwork')).toEqual(['loomwork']);
  });

  it('keeps "id", which readers mean as an identifier', () => {
    expect(queryWords('what is my login id')).toEqual(['login', 'id']);
  });

  it('tells a reader who is stuck from one asking how something works', () => {
    for (const query of [
      "can't sign in",
      'my account isnt working',
      'nothing works',
      'payment failed',
      'wont let me',
      'i keep getting an error',
    ]) {
      expect(analyseQuery(query).problem, query).toBe(true);
    }
    for (const query of ['how do i sign in', 'change my email', 'what is a milestone']) {
      expect(analyseQuery(query).problem, query).toBe(false);
    }
  });

  it('drops the verb that only says something does not work, and keeps it otherwise', () => {
    expect(queryWords('my account isnt working')).toEqual(['account']);
    expect(queryWords('nothing works on the payments page')).toEqual(['payments', 'page']);
    expect(queryWords('working hours on a contract')).toEqual(['working', 'hours', 'contract']);
  });

  it('drops words that say nothing of the subject', () => {
    expect(queryWords('how do i choose the right freelancer')).toEqual(['choose', 'freelancer']);
    expect(queryWords('reject the other applicants')).toEqual(['reject', 'applicants']);
  });

  it('reads any word as a word, even one named like a property of every object', () => {
    expect(queryWords('constructor')).toEqual(['constructor']);
    expect(queryWords('__proto__ tostring')).toEqual(['proto', 'tostring']);
  });
});
