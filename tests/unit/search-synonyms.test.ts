import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { indexTerms } from '../../src/search/index-terms.ts';
import { parseSynonyms, SynonymsFileError } from '../../src/search/synonyms-file.ts';
import { analyseQuery } from '../../src/search/query.ts';
import { expandTerms, phraseVariants, queryPhrases } from '../../src/search/synonyms.ts';

const GROUPS = [
  ['sign in', 'log in', 'login'],
  ['two-step verification', '2fa', 'authenticator'],
  ['unsubscribe', 'stop emails', 'notifications'],
];

describe('synonym expansion at build time', () => {
  it('gives a page the other terms of each group it says, in any form of the words', () => {
    const expanded = expandTerms({ about: ['Turn on two-step verification'], text: 'You are signing in from a new browser.' }, GROUPS);
    expect(expanded.aboutSynonyms).toEqual(['2fa', 'authenticator']);
    expect(expanded.textSynonyms).toEqual(['log in', 'login']);
  });

  it('weighs a group the page is about like keywords, even the terms its text says, and adds nothing for other groups', () => {
    const expanded = expandTerms({ about: ['Choose your notifications'], text: 'Select unsubscribe at the foot of any email.' }, GROUPS);
    expect(expanded.aboutSynonyms).toEqual(['unsubscribe', 'stop emails']);
    expect(expanded.textSynonyms).toEqual([]);
  });

  it("keeps the editor's keywords apart from what synonyms add for what the page is about, and for what it only mentions", () => {
    const terms = indexTerms(
      { title: 'Turn on two-step verification', description: 'Add a code.', keywords: ['2fa'], text: 'Sign in again.' },
      GROUPS,
    );
    expect(terms).toEqual({
      titleVariants: 'Turn on 2fa | Turn on authenticator',
      description: 'Add a code.',
      keywords: '2fa',
      synonyms: 'two-step verification | authenticator',
      related: 'log in | login',
    });
  });

  it('says a title with its synonyms, one term swapped at a time', () => {
    const terms = indexTerms(
      { title: "I can't sign in", description: 'Answer a few questions.', keywords: ['locked out'], text: '' },
      GROUPS,
    );
    expect(terms).toEqual({
      titleVariants: "I can't log in | I can't login",
      description: 'Answer a few questions.',
      keywords: 'locked out',
      synonyms: 'log in | login',
    });
  });
});

describe('a phrase said the ways its synonym groups allow', () => {
  it('swaps the longest term of a group it says, never a shorter one inside it', () => {
    const variants = phraseVariants('locked out', [['locked out', 'locked', 'suspended']]);
    expect(variants.sort()).toEqual(['locked', 'suspended']);
  });
});

describe('phrases a query says with filler words', () => {
  const groups = [
    ['sign in', 'log in', 'let me in', 'get into my account', 'sign-in details'],
    ['arrive', 'show up', 'come through'],
    ['visible', 'show up'],
  ];

  it("are searched as their group's first term, in any form of the words", () => {
    const phrases = queryPhrases(groups);
    expect(phrases).toContainEqual({ stems: ['let', 'me', 'in'], term: 'sign in' });
    expect(analyseQuery('it wont let me in', { phrases }).words).toEqual(['sign']);
    expect(analyseQuery('getting into my account', { phrases }).words).toEqual(['sign']);
  });

  it('leave alone the terms whose words carry the meaning themselves, and a phrase two groups share', () => {
    const terms = queryPhrases(groups).map((p) => p.stems.join(' '));
    expect(terms).not.toContain('come through');
    expect(terms).not.toContain('sign in detail');
    expect(terms).not.toContain('show up');
    expect(analyseQuery('email did not show up', { phrases: queryPhrases(groups) }).words).toEqual(['email', 'show']);
  });
});

describe('content/search/synonyms.yaml', () => {
  it('is valid as shipped', () => {
    const groups = parseSynonyms(readFileSync('content/search/synonyms.yaml', 'utf8'), 'content/search/synonyms.yaml');
    expect(groups.length).toBeGreaterThan(10);
    expect(groups).toContainEqual(expect.arrayContaining(['sign in', 'log in', 'login']));
  });

  it.each([
    [
      'groups:\n  - [sign in, log in]\n  - [2fa]\n',
      'content/search/synonyms.yaml:3: groups[1]: a group needs at least two terms that mean the same',
    ],
    [
      'groups:\n  - [sign in, log in]\n  - [login, x]\n',
      'content/search/synonyms.yaml:3: groups[1][1]: a term needs at least 2 characters',
    ],
    ['groups:\n  - [sign in, log in\n  - [2fa, two-step]\n', 'content/search/synonyms.yaml:3:'],
    ['group:\n  - [sign in, log in]\n', 'content/search/synonyms.yaml:1:'],
  ])('names the file and line of a mistake: %j', (source, message) => {
    expect(() => parseSynonyms(source, 'content/search/synonyms.yaml')).toThrow(SynonymsFileError);
    expect(() => parseSynonyms(source, 'content/search/synonyms.yaml')).toThrow(message);
  });
});
