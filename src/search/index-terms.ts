/**
 * What a page adds to the search index besides its visible text: its keywords and the synonyms of what it says,
 * as hidden Pagefind metadata (see components/search/IndexTerms.astro). Metadata is searched and weighed (by field,
 * pagefind-options.ts) but never quoted in an excerpt, so readers see the page's own prose.
 */
import { contentDir } from '../lib/content-dir.ts';
import { readSynonymsFile, synonymsFilePath } from './synonyms-file.ts';
import { INDEX_FIELDS, PHRASE_SEPARATOR } from './index-fields.ts';
import { queryLanguage } from './query-language.ts';
import { withoutAccents } from './languages/types.ts';
import { defaultLanguage } from '../i18n/languages.ts';
import { expandTerms, phraseVariants, type SynonymGroups } from './synonyms.ts';

export { INDEX_FIELDS };

export type IndexField = keyof typeof INDEX_FIELDS;

export interface IndexedPage {
  title: string;
  description: string;
  keywords: string[];
  /** The page's text as a reader reads it (an article's body; none for a troubleshooter). */
  text: string;
}

const groups = new Map<string, SynonymGroups>();
/** The editors' synonym groups of a language, read once per build. */
export function synonymGroups(language = defaultLanguage.code): SynonymGroups {
  let found = groups.get(language);
  if (!found) {
    found = readSynonymsFile(synonymsFilePath(contentDir, language === defaultLanguage.code ? undefined : language));
    groups.set(language, found);
  }
  return found;
}

/** The metadata a page in `language` (the default unless said) carries, by field; empty fields are left out. */
export function indexTerms(
  page: IndexedPage,
  synonyms: SynonymGroups = synonymGroups(),
  language = defaultLanguage.code,
): Partial<Record<IndexField, string>> {
  const rules = queryLanguage(language);
  const expanded = expandTerms({ about: [page.title, page.description, ...page.keywords], text: page.text }, synonyms, rules);
  const keywordVariants = page.keywords.flatMap((keyword) => phraseVariants(keyword, synonyms, rules));
  const fields: Record<IndexField, string[]> = {
    titleVariants: phraseVariants(page.title, synonyms, rules),
    description: [page.description],
    keywords: page.keywords,
    synonyms: [...new Set([...keywordVariants, ...expanded.aboutSynonyms])].filter((term) => !page.keywords.includes(term)),
    related: expanded.textSynonyms,
    unaccented: unaccentedWords([page.title, page.description, ...page.keywords, page.text]),
  };
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, terms]) => terms.length)
      .map(([field, terms]) => [field, terms.join(PHRASE_SEPARATOR)]),
  );
}

/** The words of `texts` that hold an accent or a tilde, each once and without them, in the order first said. */
export function unaccentedWords(texts: string[]): string[] {
  const words =
    texts
      .join(' ')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map(withoutAccents).filter((folded, i) => folded !== words[i]))];
}
