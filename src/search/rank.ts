/**
 * The second look at the pages Pagefind found: each candidate is scored on its own fields (title, description,
 * headings, keywords, synonyms, text) against every informative word of the query, so a page that answers the
 * question in its title or description comes before one that merely holds the words somewhere. Pagefind's own score
 * is one signal among them. Pure functions over stored page data: no requests of their own.
 */
import { PHRASE_SEPARATOR } from './index-fields.ts';
import type { PagefindFragment } from './pagefind-api.ts';
import { analyseQuery, isProblemWord } from './query.ts';
import { english, type QueryLanguage } from './query-language.ts';

/** Where on a page a word is found; a page counts each query word where it weighs most. */
export type FieldKind = 'title' | 'question' | 'description' | 'keyword' | 'heading' | 'synonym' | 'related' | 'body';

/**
 * What a word found in each kind of field counts for. Titles say what a page is about; descriptions and question
 * headings ("How do I …?") are written in readers' words; keywords are the editor's; synonyms add the other ways of
 * saying them; a word only in the text says least.
 */
export const FIELD_WEIGHTS: Record<FieldKind, number> = {
  title: 1,
  question: 0.8,
  description: 0.7,
  keyword: 0.7,
  heading: 0.6,
  synonym: 0.5,
  related: 0.2,
  body: 0.3,
};

/** How the signals add up; chosen on the tuning half of the golden set (`npm run bench:search` shows both). */
export const RANK_WEIGHTS = {
  /** The share of the query's words the page holds, each weighed by where on the page it is found. */
  coverage: 1,
  /** The one field that says most nearly just the query (Dice's overlap), weighed by its kind. */
  closest: 1,
  /**
   * What a field that speaks for the page (any but its text) counts for when it says something fails and the reader
   * does not, or the other way round, both in coverage and as the closest field: "How do I reset my password?"
   * answers "how do i reset my password" better than "I reset my password but still can't sign in". Sibling articles
   * share their words; which of them states the reader's problem tells them apart.
   */
  otherIntent: 0.8,
  /** Pagefind's score, relative to the best. */
  pagefind: 0.25,
  /** A troubleshooter over an article that matches as well: a stuck reader is better served by the guided path. */
  troubleshooter: 0.2,
  /** … and more when the reader says something fails. */
  stuck: 0.1,
};

export interface Candidate {
  page: PagefindFragment;
  /** Pagefind's score. */
  score: number;
  /** For pages found word by word: how many of the words the page holds, which orders them before their score. */
  tier?: number;
}

interface Field {
  kind: FieldKind;
  /** The field's words as a query's are made (query.ts), stemmed. */
  stems: string[];
  /** Whether the field says something fails ("I can't sign in"). */
  problem: boolean;
}

const stemCaches = new Map<QueryLanguage, Map<string, string>>();
/** Stemming is most of the work of reading a page, and pages share most of their words. */
const stemmerOf = (language: QueryLanguage) => {
  let cache = stemCaches.get(language);
  if (!cache) stemCaches.set(language, (cache = new Map()));
  return (word: string) => {
    let found = cache.get(word);
    if (found === undefined) cache.set(word, (found = language.stem(word)));
    return found;
  };
};

// Pagefind hands out the same object for a page each time, so each page's fields are worked out once.
const known = new WeakMap<PagefindFragment, { productName: string; language: QueryLanguage; fields: Field[] }>();

/** A page's fields as stemmed words, from its stored text and metadata. */
export function fieldsOf(page: PagefindFragment, productName: string, language: QueryLanguage = english): Field[] {
  const cached = known.get(page);
  if (cached?.productName === productName && cached.language === language) return cached.fields;
  const fields = readFields(page, productName, language);
  known.set(page, { productName, language, fields });
  return fields;
}

function readFields(page: PagefindFragment, productName: string, language: QueryLanguage): Field[] {
  const split = (value: string | undefined) => (value ? value.split(PHRASE_SEPARATOR) : []);
  const stem = stemmerOf(language);
  const field = (kind: FieldKind) => (text: string | undefined) => {
    if (!text) return [];
    const { words, problem } = analyseQuery(text, { productName, language });
    return [{ kind, stems: words.map(stem), problem }];
  };
  return [
    ...[page.meta.title, ...split(page.meta.title_variants)].flatMap(field('title')),
    ...field('description')(page.meta.description),
    ...(page.anchors ?? [])
      .filter((a) => a.element !== 'h1')
      .flatMap((a) => field(a.text.trim().endsWith('?') ? 'question' : 'heading')(a.text)),
    ...split(page.meta.keywords).flatMap(field('keyword')),
    ...split(page.meta.synonyms).flatMap(field('synonym')),
    ...split(page.meta.related).flatMap(field('related')),
    ...field('body')(page.content),
  ];
}

const holds = (field: Field, stem: string) => field.stems.some((s) => s.startsWith(stem));

/** A field that says what the page is about, as a whole: not its text, nor the synonyms of words it only mentions. */
const speaksForPage = (field: Field) => field.kind !== 'body' && field.kind !== 'related';

/** Whether the page's title (or the title said with synonyms) holds one of the query's words other than its problem words ("cant"). */
export function titleHolds(page: PagefindFragment, words: string[], productName: string, language: QueryLanguage = english): boolean {
  const stems = words.filter((word) => !isProblemWord(word, language)).map(stemmerOf(language));
  return fieldsOf(page, productName, language).some((f) => f.kind === 'title' && stems.some((stem) => holds(f, stem)));
}

/** Dice's coefficient of the query's stems and a field's: twice the shared words over both counts. */
function overlap(query: string[], field: string[]): number {
  if (!query.length || !field.length) return 0;
  const shared = query.filter((q) => field.some((f) => f.startsWith(q))).length;
  return (2 * shared) / (query.length + field.length);
}

/** A page as the second look ranked it, with its score (how well it answers the query, about 0 to 2.5). */
export interface RankedPage {
  page: PagefindFragment;
  score: number;
}

/**
 * The candidates best first, for the query's words (as query.ts makes them); `problem` when the reader says something
 * fails. `isTroubleshooter` tells a guided flow from an article.
 */
export function rankCandidates(
  candidates: Candidate[],
  words: string[],
  {
    productName,
    problem,
    isTroubleshooter,
    language = english,
  }: { productName: string; problem: boolean; isTroubleshooter: (page: PagefindFragment) => boolean; language?: QueryLanguage },
): RankedPage[] {
  const top = Math.max(0, ...candidates.map((c) => c.score)) || 1;
  const stems = words.map(stemmerOf(language));
  const scored = candidates.map(({ page, score, tier = 0 }, i) => {
    const fields = fieldsOf(page, productName, language);
    const weight = (f: Field) => FIELD_WEIGHTS[f.kind] * (!speaksForPage(f) || f.problem === problem ? 1 : RANK_WEIGHTS.otherIntent);
    const found = (stem: string) => Math.max(0, ...fields.filter((f) => holds(f, stem)).map(weight));
    const coverage = stems.length ? stems.reduce((sum, stem) => sum + found(stem), 0) / stems.length : 0;
    const closest = Math.max(0, ...fields.filter(speaksForPage).map((f) => weight(f) * overlap(stems, f.stems)));
    const guided = isTroubleshooter(page) ? RANK_WEIGHTS.troubleshooter + (problem ? RANK_WEIGHTS.stuck : 0) : 0;
    return {
      page,
      i,
      tier,
      score: RANK_WEIGHTS.coverage * coverage + RANK_WEIGHTS.closest * closest + (RANK_WEIGHTS.pagefind * score) / top + guided,
    };
  });
  return scored.sort((a, b) => b.tier - a.tier || b.score - a.score || a.i - b.i).map(({ page, score }) => ({ page, score }));
}
