import { describe, expect, it } from 'vitest';
import type { ArticleSection } from '../../src/lib/article-sections.ts';
import { QUICK_ANSWER, answerArticles, bestSection, quickAnswer, shortened, type AnswerArticle } from '../../src/search/quick-answer.ts';
import type { SearchHit, SearchOutcome } from '../../src/search/search.ts';

const sections: ArticleSection[] = [
  { heading: '', anchor: '', blocks: [{ kind: 'text', text: 'Fees depend on how you withdraw.' }] },
  {
    heading: 'How do I withdraw my earnings?',
    anchor: 'how-do-i-withdraw-my-earnings',
    blocks: [{ kind: 'list', ordered: true, items: ['Open Payments.', 'Select Withdraw.', 'Confirm the amount.'] }],
  },
];
const article: AnswerArticle = { slug: 'withdraw', title: 'Withdraw your earnings', url: '/articles/withdraw/', sections };
const hit = (url: string, relevance: number, kind: SearchHit['kind'] = 'article'): SearchHit => ({
  url,
  title: url,
  kind,
  excerpt: '',
  relevance,
});
const outcome = (hits: SearchHit[], words = ['withdraw', 'earnings']): SearchOutcome => ({
  query: words.join(' '),
  match: 'exact',
  exactHits: hits.length,
  words,
  total: hits.length,
  hits,
  filterCounts: {},
});
const at = (url: string) => (url === article.url ? article : undefined);

describe('quick answers', () => {
  it('quote the section holding the query’s words, linked to its heading', () => {
    const answer = quickAnswer(outcome([hit('/articles/withdraw/', 2), hit('/articles/fees/', 1)]), at);
    expect(answer).toMatchObject({ heading: 'How do I withdraw my earnings?', href: '/articles/withdraw/#how-do-i-withdraw-my-earnings' });
    expect(answer?.blocks).toEqual(sections[1].blocks);
  });

  it('pick the section holding most of the words, its heading weighing more, the first on a tie', () => {
    expect(bestSection(sections, ['earn'])).toMatchObject({ section: sections[1], match: 1 });
    expect(bestSection(sections, ['fee'])?.section).toBe(sections[0]);
    expect(bestSection(sections, ['nothing'])).toEqual({ section: sections[0], match: 0 });
    expect(bestSection([], ['fee'])).toBeUndefined();
  });

  it('are not given when the first result is weak, barely ahead, or a troubleshooter', () => {
    const weak = QUICK_ANSWER.minRelevance - 0.1;
    expect(quickAnswer(outcome([hit('/articles/withdraw/', weak)]), at)).toBeUndefined();
    expect(quickAnswer(outcome([hit('/articles/withdraw/', 2), hit('/articles/fees/', 2 - QUICK_ANSWER.minLead / 2)]), at)).toBeUndefined();
    expect(quickAnswer(outcome([hit('/troubleshoot/login/', 2, 'troubleshooter')]), at)).toBeUndefined();
  });

  it('are given when only a troubleshooter follows the article closely: the lead is over the next article', () => {
    const hits = [hit('/articles/withdraw/', 2), hit('/troubleshoot/payment-stuck/', 1.95, 'troubleshooter'), hit('/articles/fees/', 1.5)];
    expect(quickAnswer(outcome(hits), at)?.article.slug).toBe('withdraw');
  });

  it('keep whole items and sentences within the word limit, cutting only a first one that is too long', () => {
    const list = { kind: 'list' as const, ordered: true, items: ['one two three', 'four five six', 'seven eight'] };
    expect(shortened([list], 6)).toEqual({ blocks: [{ ...list, items: ['one two three', 'four five six'] }], more: true });
    const long = { kind: 'text' as const, text: 'First sentence here. Second one is longer than the rest' };
    expect(shortened([long], 5)).toEqual({ blocks: [{ ...long, text: 'First sentence here.' }], more: true });
    expect(shortened([{ kind: 'text', text: 'no sentence end in sight at all' }], 3).blocks).toEqual([
      { kind: 'text', text: 'no sentence end …' },
    ]);
    expect(shortened([list], 80)).toEqual({ blocks: [list], more: false });
  });
});

describe("quick answers' articles", () => {
  const catalog = {
    articles: [
      { id: 'withdraw', title: 'Withdraw your earnings', aliases: [], file: '', updated: '', sections },
      { id: 'fees', title: 'Fees', aliases: [], file: '', updated: '', sections },
    ],
    articlesIn: { es: [{ id: 'withdraw', title: 'Retira tus ganancias', sections: [{ heading: '', anchor: '', blocks: [] }] }] },
  };

  it('are the default language’s at their pages', () => {
    expect(answerArticles(catalog).get('/articles/withdraw/')?.title).toBe('Withdraw your earnings');
  });

  it('are a translation at its /<lang>/ page in another language, an untranslated article there in the default language’s words', () => {
    const spanish = answerArticles(catalog, 'es');
    expect(spanish.get('/es/articles/withdraw/')).toMatchObject({
      slug: 'withdraw',
      title: 'Retira tus ganancias',
      url: '/es/articles/withdraw/',
    });
    expect(spanish.get('/es/articles/fees/')?.title).toBe('Fees');
    expect(spanish.has('/articles/withdraw/')).toBe(false);
  });
});
