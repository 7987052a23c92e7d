/**
 * A quick answer: the one section of the best-matching article that answers the query, quoted (never written):
 * every word shown is the article's own, at most about QUICK_ANSWER.maxWords of them, with a link to the section's
 * heading. None at all when the match is weak. Pure functions over a search outcome and the articles' sections.
 */
import type { ArticleSection, SectionBlock } from '../lib/article-sections.ts';
import type { Catalog } from '../lib/catalog.ts';
import { articleHref } from '../lib/links.ts';
import { isProblemWord, tokens } from './query.ts';
import { english, type QueryLanguage } from './query-language.ts';
import { defaultLanguage, localizedPath } from '../i18n/languages.ts';
import type { SearchOutcome } from './search.ts';

/**
 * How sure search must be before a section is quoted. Chosen on half A of the golden set and checked on half B
 * (`npm run bench:search` prints both): the first result's relevance (rank.ts) and its lead over the second tell a
 * right article from a wrong one far better than whether every word was found.
 */
export const QUICK_ANSWER = {
  /** Words shown at most; a list item or sentence is not cut unless a single one is longer. */
  maxWords: 80,
  /** The least relevance of the first result. */
  minRelevance: 1,
  /** The least lead of the first result's relevance over the second's (over nothing when it is alone). */
  minLead: 0.2,
  /** What a query word in a section's heading counts for when choosing the section; in its text it counts 1. */
  headingWeight: 2,
};

export interface AnswerArticle {
  slug: string;
  title: string;
  /** The article page's address, e.g. `/articles/forgot-password/`. */
  url: string;
  sections: readonly ArticleSection[];
}

/**
 * The build catalog's articles in `language` (the default unless said) by page address, as quick answers look them
 * up: another language's at its `/<code>/` pages, in its translation's words where there is one (an untranslated
 * article's page shows the default language's).
 */
export function answerArticles(
  catalog: Pick<Catalog, 'articles'> & Partial<Pick<Catalog, 'articlesIn'>>,
  language = defaultLanguage.code,
): Map<string, AnswerArticle> {
  const translated = new Map((catalog.articlesIn?.[language] ?? []).map((a) => [a.id, a]));
  return new Map(
    catalog.articles.map((source) => {
      const a = translated.get(source.id) ?? source;
      const url = localizedPath(articleHref(a.id), language);
      return [url, { slug: a.id, title: a.title, url, sections: a.sections }];
    }),
  );
}

export interface QuickAnswer {
  article: { slug: string; title: string; url: string };
  /** The section's heading ('' for the article's opening) and the link to it. */
  heading: string;
  href: string;
  blocks: SectionBlock[];
  /** Whether text was left out after the blocks shown. */
  more: boolean;
}

/**
 * The quick answer for a search outcome: only when the first result is an article that search is sure of (see
 * QUICK_ANSWER); then the section of it holding most of the query's words, the opening when none holds any.
 */
export function quickAnswer(
  outcome: SearchOutcome,
  articleAt: (url: string) => AnswerArticle | undefined,
  language: QueryLanguage = english,
): QuickAnswer | undefined {
  const [first, ...others] = outcome.hits;
  const second = others.find((hit) => hit.kind === 'article');
  if (first?.kind !== 'article' || first.relevance < QUICK_ANSWER.minRelevance) return undefined;
  if (first.relevance - (second?.relevance ?? 0) < QUICK_ANSWER.minLead) return undefined;
  const article = articleAt(first.url);
  if (!article?.sections.length) return undefined;
  const stems = outcome.words.filter((word) => !isProblemWord(word, language)).map((word) => language.stem(word));
  const best = bestSection(article.sections, stems, language)!;
  const { blocks, more } = shortened(best.section.blocks, QUICK_ANSWER.maxWords);
  return {
    article: { slug: article.slug, title: article.title, url: article.url },
    heading: best.section.heading,
    href: best.section.anchor ? `${article.url}#${best.section.anchor}` : article.url,
    blocks,
    more,
  };
}

/** The section holding most of the query's stems (see sectionMatch), the first on a tie; undefined when there is none. */
export function bestSection(
  sections: readonly ArticleSection[],
  stems: string[],
  language: QueryLanguage = english,
): { section: ArticleSection; match: number } | undefined {
  let best: { section: ArticleSection; match: number } | undefined;
  for (const section of sections) {
    const match = sectionMatch(section, stems, language);
    if (!best || match > best.match) best = { section, match };
  }
  return best;
}

/** The share of the query's stems a section holds, a stem in its heading weighing more than one in its text. */
function sectionMatch(section: ArticleSection, stems: string[], language: QueryLanguage = english): number {
  const stem = (word: string) => language.stem(word);
  const heading = new Set(tokens(section.heading, language).map(stem));
  const text = new Set(section.blocks.flatMap(blockText).flatMap((t) => tokens(t, language).map(stem)));
  const holds = (words: Set<string>, stem: string) => words.has(stem) || [...words].some((w) => w.startsWith(stem));
  const points = stems.reduce((sum, stem) => sum + (holds(heading, stem) ? QUICK_ANSWER.headingWeight : holds(text, stem) ? 1 : 0), 0);
  return stems.length ? points / (stems.length * QUICK_ANSWER.headingWeight) : 0;
}

const blockText = (block: SectionBlock) => (block.kind === 'text' ? [block.text] : block.items);
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * The first blocks of a section, whole paragraphs and list items while they fit in `maxWords`; a first paragraph or
 * item longer than that is cut at its last sentence that fits, or else after `maxWords` words.
 */
export function shortened(blocks: readonly SectionBlock[], maxWords: number): { blocks: SectionBlock[]; more: boolean } {
  const kept: SectionBlock[] = [];
  let left = maxWords;
  for (const [i, block] of blocks.entries()) {
    const parts = blockText(block);
    const fitting: string[] = [];
    for (const part of parts) {
      const words = wordCount(part);
      if (words <= left) {
        fitting.push(part);
        left -= words;
      } else {
        if (!kept.length && !fitting.length) fitting.push(cut(part, left));
        const shown = block.kind === 'text' ? { ...block, text: fitting[0] } : { ...block, items: fitting };
        if (fitting.length) kept.push(shown);
        return { blocks: kept, more: true };
      }
    }
    kept.push(block.kind === 'text' ? block : { ...block, items: fitting });
    if (left === 0 && i < blocks.length - 1) return { blocks: kept, more: true };
  }
  return { blocks: kept, more: false };
}

/** A text cut to at most `maxWords` words: at a sentence's end when one falls inside, else at a word, marked "…". */
function cut(text: string, maxWords: number): string {
  const words = text.split(/\s+/).filter(Boolean).slice(0, maxWords);
  const lastSentence = words.findLastIndex((word) => /[.!?]["”’)]?$/.test(word));
  return lastSentence >= 0 ? words.slice(0, lastSentence + 1).join(' ') : `${words.join(' ')} …`;
}
