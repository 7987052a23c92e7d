/**
 * The hidden metadata a page gives the search index besides its text (written at build time by index-terms.ts,
 * read by search.ts in the browser and in Node): field names, and how the phrases in a field are separated.
 */

/** Separates the phrases of a field (a title or a keyword may hold a comma). */
export const PHRASE_SEPARATOR = ' | ';

/** The metadata fields, weighed in PAGEFIND_OPTIONS.ranking.metaWeights. */
export const INDEX_FIELDS = {
  /** The title said with its synonyms ("I can't log in" for "I can't sign in"). */
  titleVariants: 'title_variants',
  /** The page's description: what it answers, in readers' words (also in its text, where Pagefind cannot tell it apart). */
  description: 'description',
  /** The editor's keywords, as written. */
  keywords: 'keywords',
  /** What the synonym groups add for what the page is about: its keywords said with synonyms, and the other terms
   * of each group its title, description or keywords say. Weighed below the editor's own keywords. */
  synonyms: 'synonyms',
  /** Synonyms of terms the page only mentions in its text. */
  related: 'related',
  /**
   * The page's words written with accents or tildes ("contraseña", "móvil"), written without them: readers often
   * type them so, and Pagefind matches letters as they are.
   */
  unaccented: 'unaccented',
} as const;

/** The Pagefind filter troubleshooters carry, so search can weigh every one of them for a reader who is stuck. */
export const TROUBLESHOOTER_FILTER = { name: 'kind', value: 'troubleshooter' } as const;
