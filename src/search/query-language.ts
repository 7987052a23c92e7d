/**
 * The query rules of each language search knows (languages/*.ts), by the code pages use in `<html lang>`. A language
 * without rules of its own is searched word for word: no stemming, no filler words (Pagefind still stems it when it
 * supports the language).
 */
import { english } from './languages/en.ts';
import { spanish } from './languages/es.ts';
import type { QueryLanguage } from './languages/types.ts';

export type { QueryLanguage };
export { english };

const KNOWN: readonly QueryLanguage[] = [english, spanish];

export function queryLanguage(code: string): QueryLanguage {
  const primary = code.toLowerCase().split('-')[0];
  return (
    KNOWN.find((language) => language.code === primary) ?? {
      code: primary,
      stem: (word) => word,
      contractions: new Map(),
      filler: new Set(),
      problem: new Set(),
      negation: new Set(),
      working: new Set(),
    }
  );
}
