/**
 * What a page adds to the search index besides its visible text: its keywords and the synonyms of what it says,
 * as hidden Pagefind metadata (see components/search/IndexTerms.astro). Metadata is searched and weighed (by field,
 * pagefind-options.ts) but never quoted in an excerpt, so readers see the page's own prose.
 */
import { contentDir } from '../lib/content-dir.ts';
import { readSynonymsFile, synonymsFilePath } from './synonyms-file.ts';
import { expandTerms, phraseVariants, type SynonymGroups } from './synonyms.ts';

/** Separates the phrases of a field (keywords are separated by commas, and a title may hold one). */
export const PHRASE_SEPARATOR = ' | ';

/** The metadata fields, weighed in PAGEFIND_OPTIONS.ranking.metaWeights. */
export const INDEX_FIELDS = {
  /** The title said with its synonyms ("I can't log in" for "I can't sign in"). */
  titleVariants: 'title_variants',
  /** An article's keywords, also said with their synonyms, and the synonyms of what it is about. */
  keywords: 'keywords',
  /** Synonyms of terms an article only mentions in its text. */
  related: 'related',
  /** A troubleshooter's keywords, as an article's: a flow has no other text to be found by. */
  troubleshooter: 'troubleshooter',
} as const;

export type IndexField = keyof typeof INDEX_FIELDS;

export interface IndexedPage {
  kind: 'article' | 'troubleshooter';
  title: string;
  description: string;
  keywords: string[];
  /** The page's text as a reader reads it (an article's body; none for a troubleshooter). */
  text: string;
}

let groups: SynonymGroups | undefined;
/** The editors' synonym groups, read once per build. */
export function synonymGroups(): SynonymGroups {
  return (groups ??= readSynonymsFile(synonymsFilePath(contentDir)));
}

/** The metadata a page carries, by field; empty fields are left out. */
export function indexTerms(page: IndexedPage, synonyms: SynonymGroups = synonymGroups()): Partial<Record<IndexField, string>> {
  const expanded = expandTerms({ about: [page.title, page.description, ...page.keywords], text: page.text }, synonyms);
  const keywordVariants = page.keywords.flatMap((keyword) => phraseVariants(keyword, synonyms));
  const about = [...new Set([...page.keywords, ...keywordVariants, ...expanded.aboutSynonyms])].join(PHRASE_SEPARATOR);
  const fields: Partial<Record<IndexField, string>> = {
    titleVariants: phraseVariants(page.title, synonyms).join(PHRASE_SEPARATOR),
    ...(page.kind === 'troubleshooter'
      ? { troubleshooter: about }
      : { keywords: about, related: expanded.textSynonyms.join(PHRASE_SEPARATOR) }),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value));
}
