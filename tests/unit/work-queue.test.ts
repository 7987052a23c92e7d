import { describe, expect, it } from 'vitest';
import { editLink, workQueue, type QueueInput } from '../../src/server/queue/work-queue.ts';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const article = (slug: string, yes: number, no: number) => ({
  slug,
  title: `Article ${slug}`,
  yes,
  no,
  votes: yes + no,
  helpfulPercent: Math.round((yes / (yes + no)) * 100),
});
const catalogued = (id: string, updated = '2026-11-01T00:00:00.000Z') => ({
  id,
  title: `Article ${id}`,
  file: `content/articles/x/${id}.mdx`,
  updated,
});

const input: QueueInput = {
  articles: [article('unhelpful', 1, 5), article('falling', 6, 3), article('fine', 9, 1), article('few-votes', 0, 2)],
  previousArticles: [article('falling', 9, 0), article('fine', 9, 1)],
  noResults: [
    { query: 'refund policy', searches: 7, opens: 0 },
    { query: 'once', searches: 1, opens: 0 },
  ],
  unopened: [{ query: 'fees', searches: 2, opens: 0 }],
  flows: [
    {
      id: 'login',
      title: 'I can’t sign in',
      started: 20,
      resolved: 5,
      escalated: 2,
      reachedEscalate: 3,
      handoff: 0,
      deflectionPercent: 71,
      earlierStarts: 0,
      steps: [
        { id: 'ask', title: 'What is wrong?', views: 20, left: 4 },
        { id: 'check-spam', title: 'Check your spam', views: 10, left: 6 },
        { id: 'rare', title: 'Rarely seen', views: 3, left: 3 },
        { id: 'end', title: 'Done', views: 5, left: null },
      ],
    },
  ],
  catalogue: [
    catalogued('unhelpful'),
    catalogued('falling'),
    catalogued('fine'),
    catalogued('few-votes'),
    catalogued('old', '2026-01-10T00:00:00.000Z'),
    catalogued('older', '2025-12-01T00:00:00.000Z'),
  ],
  now: NOW,
};

describe('the editors’ work queue', () => {
  it('ranks what readers struggled with by how many, each with its file; articles not reviewed for 180 days last, oldest first', () => {
    expect(workQueue(input).map((i) => [i.key, i.weight, i.file])).toEqual([
      ['search-no-results:refund policy', 7, 'content/articles/'],
      ['flow-drop-off:login/check-spam', 6, 'content/flows/login.yaml'],
      ['article-unhelpful:unhelpful', 5, 'content/articles/x/unhelpful.mdx'],
      ['article-falling:falling', 3, 'content/articles/x/falling.mdx'],
      ['search-no-clicks:fees', 2, 'content/search/synonyms.yaml'],
      ['article-stale:older', 0, 'content/articles/x/older.mdx'],
      ['article-stale:old', 0, 'content/articles/x/old.mdx'],
    ]);
  });

  it('says why, in figures', () => {
    const why = new Map(workQueue(input).map((i) => [i.key, i.why]));
    expect(why.get('article-falling:falling')).toBe('helpful fell from 100% to 67% (9 votes)');
    expect(why.get('flow-drop-off:login/check-spam')).toBe('6 of 10 readers left at this step');
    expect(why.get('article-stale:older')).toBe('not reviewed for 365 days (updated 2025-12-01)');
  });

  it('links a file to the repository when the site names an edit URL pattern, never a folder', () => {
    const pattern = 'https://git.example/help/edit/main/{path}';
    expect(editLink(pattern, 'content/flows/login.yaml')).toBe('https://git.example/help/edit/main/content/flows/login.yaml');
    expect(editLink(pattern, 'content/articles/')).toBeUndefined();
    expect(editLink(undefined, 'content/flows/login.yaml')).toBeUndefined();
  });
});
