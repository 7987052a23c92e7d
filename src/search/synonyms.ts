/**
 * Synonyms, applied when the index is built: a page that says one term of a group ("sign in") is also found by the
 * others ("log in", "login"), which it carries as hidden, weighted metadata. A query costs nothing more, and the
 * excerpt still quotes the page's own words.
 */
import { z } from 'astro/zod';
import { isFiller, tokens, type QueryPhrase } from './query.ts';
import { english, type QueryLanguage } from './query-language.ts';

/** `content/search/synonyms.yaml` (`content/<lang>/search/synonyms.yaml` for another language): groups of terms readers use for the same thing. */
export const synonymsFileSchema = z.strictObject({
  groups: z.array(
    z
      .array(z.string().trim().min(2, { error: 'a term needs at least 2 characters' }))
      .min(2, { error: 'a group needs at least two terms that mean the same' }),
  ),
});

export type SynonymGroups = z.infer<typeof synonymsFileSchema>['groups'];

export interface PageTerms {
  /** Said in the title, description or keywords: what the page is about. */
  about: string[];
  /** Said anywhere in the text. */
  text: string;
}

export interface ExpandedTerms {
  /** Terms of groups the page is about, other than the ones it says: weighted like keywords. */
  aboutSynonyms: string[];
  /** Terms of groups the page only mentions in its text: weighted less. */
  textSynonyms: string[];
}

/** Words stemmed in the page's language, so "signing in" and "signed in" both hold "sign in". */
function stems(text: string, language: QueryLanguage): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu)
      ?.map((word) => language.stem(word)) ?? []
  );
}

function holds(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The terms a page gains from the synonym groups: each group it says one term of gives it the others. */
export function expandTerms(page: PageTerms, groups: SynonymGroups, language: QueryLanguage = english): ExpandedTerms {
  const about = page.about.map((field) => stems(field, language));
  const text = stems(page.text, language);
  const aboutSynonyms = new Set<string>();
  const textSynonyms = new Set<string>();
  for (const group of groups) {
    const terms = group.map((term) => ({ term, stems: stems(term, language) }));
    const said = (where: string[][]) => terms.filter((t) => where.some((field) => holds(field, t.stems)));
    const inAbout = said(about);
    const inText = inAbout.length ? [] : said([text]);
    const target = inAbout.length ? aboutSynonyms : textSynonyms;
    const present = new Set([...inAbout, ...inText].map((t) => t.term));
    if (!present.size) continue;
    for (const { term } of terms) if (!present.has(term)) target.add(term);
  }
  for (const term of aboutSynonyms) textSynonyms.delete(term);
  return { aboutSynonyms: [...aboutSynonyms], textSynonyms: [...textSynonyms] };
}

/**
 * A phrase said the other ways its synonym groups allow, one term swapped at a time: "I can't sign in" is also
 * "I can't log in" and "I cannot sign in". Search compares a query with these as with the phrase itself.
 */
export function phraseVariants(phrase: string, groups: SynonymGroups, language: QueryLanguage = english): string[] {
  const tokens = [...phrase.matchAll(/[\p{L}\p{N}'’]+/gu)];
  const stemmed = tokens.map((token) => stems(token[0], language).join(' '));
  const variants = new Set<string>();
  for (const group of groups) {
    const said: { term: string; at: number; end: number }[] = [];
    for (const term of group) {
      const termStems = stems(term, language);
      if (!termStems.length) continue;
      for (let at = 0; at + termStems.length <= stemmed.length; at++) {
        if (stemmed.slice(at, at + termStems.length).join(' ') === termStems.join(' ')) said.push({ term, at, end: at + termStems.length });
      }
    }
    // Where a longer term of the group says it ("locked out"), a shorter one inside it ("locked") is not swapped.
    const widest = said.filter((s) => !said.some((o) => o !== s && o.at <= s.at && o.end >= s.end && o.end - o.at > s.end - s.at));
    for (const { term, at, end } of widest) {
      const last = tokens[end - 1];
      const [before, after] = [phrase.slice(0, tokens[at].index), phrase.slice(last.index + last[0].length)];
      for (const other of group) if (other !== term) variants.add(`${before}${other}${after}`);
    }
  }
  variants.delete(phrase);
  return [...variants];
}

/** A term said mostly with filler words, which a query says as its group's first term (queryPhrases). */
function isQueryPhrase(term: string, language: QueryLanguage): boolean {
  const words = tokens(term, language);
  return words.length > 1 && words.filter((word) => isFiller(word, language)).length * 2 >= words.length;
}

/**
 * The terms of the groups said mostly with filler words ("let me in", "get into my account", "show up"): the query
 * normaliser would drop those words and the meaning with them, so it searches such a phrase as its group's first
 * term ("sign in"). A phrase in two groups is ambiguous and left alone.
 */
export function queryPhrases(groups: SynonymGroups, language: QueryLanguage = english): QueryPhrase[] {
  const phrases = groups.flatMap(([first, ...others]) =>
    others
      .filter((term) => isQueryPhrase(term, language))
      .map((term) => ({ stems: tokens(term, language).map((w) => language.stem(w)), term: first })),
  );
  const key = (p: QueryPhrase) => p.stems.join(' ');
  return phrases.filter((p) => phrases.every((other) => key(other) !== key(p) || other.term === p.term));
}
