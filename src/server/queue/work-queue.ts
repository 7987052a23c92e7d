import type { ArticleHelpfulness, FlowInsights, QueryRow } from '../insights/report.ts';

/** What to write or fix next, and where. */
export interface QueueItem {
  /** Stable across page views: what marks (done, snoozed) are kept under. */
  key: string;
  kind:
    | 'article-unhelpful'
    | 'article-falling'
    | 'search-no-results'
    | 'search-no-clicks'
    | 'flow-drop-off'
    | 'article-stale'
    | 'translation-outdated';
  title: string;
  /** The figures that put it here, in words. */
  why: string;
  /** The file (or folder, for something new) to edit, from the project's root. */
  file: string;
  /** Readers affected in the period; the queue is ranked by it. */
  weight: number;
}

export interface QueueInput {
  /** The last period's helpfulness, and the period before's (for "falling"). */
  articles: ArticleHelpfulness[];
  previousArticles: ArticleHelpfulness[];
  noResults: QueryRow[];
  unopened: QueryRow[];
  flows: FlowInsights[];
  /** Every published article: its file and when it was last reviewed. */
  catalogue: { id: string; title: string; file: string; updated: string }[];
  /** Translations whose source was updated after them (src/lib/translation-status.ts). */
  outdatedTranslations?: { lang: string; slug: string; title: string; file: string; updated: string; source: { updated: string } }[];
  now: Date;
}

/** Below these, a figure says too little to act on. */
export const QUEUE_RULES = {
  minVotes: 3,
  unhelpfulBelowPercent: 50,
  fallingByPoints: 20,
  minSearches: 2,
  minStepViews: 5,
  /** Most readers left: more than this share of a step's views. */
  leftShare: 0.5,
  staleAfterDays: 180,
};

const DAY = 24 * 60 * 60 * 1000;

/**
 * The editors' work queue, most readers affected first: articles found unhelpful or getting worse, searches that
 * found nothing or nothing anyone opened, troubleshooter steps where most readers leave, and articles not reviewed
 * (`updated`) for 180 days (these affect no counted reader, so they come last, oldest first).
 */
export function workQueue(input: QueueInput): QueueItem[] {
  const r = QUEUE_RULES;
  const files = new Map(input.catalogue.map((a) => [a.id, a.file]));
  const items: QueueItem[] = [];
  const before = new Map(input.previousArticles.map((a) => [a.slug, a]));
  for (const a of input.articles) {
    const file = files.get(a.slug);
    if (!file || a.votes < r.minVotes) continue;
    const earlier = before.get(a.slug);
    if (a.helpfulPercent < r.unhelpfulBelowPercent) {
      items.push({
        key: `article-unhelpful:${a.slug}`,
        kind: 'article-unhelpful',
        title: a.title,
        why: `${a.helpfulPercent}% of ${a.votes} votes say it helped`,
        file,
        weight: a.no,
      });
    } else if (earlier && earlier.votes >= r.minVotes && earlier.helpfulPercent - a.helpfulPercent >= r.fallingByPoints) {
      items.push({
        key: `article-falling:${a.slug}`,
        kind: 'article-falling',
        title: a.title,
        why: `helpful fell from ${earlier.helpfulPercent}% to ${a.helpfulPercent}% (${a.votes} votes)`,
        file,
        weight: a.no,
      });
    }
  }
  for (const q of input.noResults) {
    if (q.searches < r.minSearches) continue;
    items.push({
      key: `search-no-results:${q.query}`,
      kind: 'search-no-results',
      title: `“${q.query}”`,
      why: `${q.searches} searches found nothing: write an article, or add a synonym`,
      file: 'content/articles/',
      weight: q.searches,
    });
  }
  for (const q of input.unopened) {
    if (q.searches < r.minSearches) continue;
    items.push({
      key: `search-no-clicks:${q.query}`,
      kind: 'search-no-clicks',
      title: `“${q.query}”`,
      why: `${q.searches} searches, no result opened: the titles may not say what readers look for`,
      file: 'content/search/synonyms.yaml',
      weight: q.searches,
    });
  }
  for (const flow of input.flows) {
    for (const step of flow.steps) {
      if (step.left === null || step.views < r.minStepViews || step.left / step.views <= r.leftShare) continue;
      items.push({
        key: `flow-drop-off:${flow.id}/${step.id}`,
        kind: 'flow-drop-off',
        title: `${flow.title}: ${step.title}`,
        why: `${step.left} of ${step.views} readers left at this step`,
        file: `content/flows/${flow.id}.yaml`,
        weight: step.left,
      });
    }
  }
  const stale = input.catalogue
    .map((a) => ({ ...a, days: Math.floor((input.now.getTime() - new Date(a.updated).getTime()) / DAY) }))
    .filter((a) => a.days > r.staleAfterDays)
    .sort((a, b) => b.days - a.days || a.title.localeCompare(b.title));
  const ranked = items.sort((a, b) => b.weight - a.weight || a.title.localeCompare(b.title));
  return [
    ...ranked,
    ...stale.map((a) => ({
      key: `article-stale:${a.id}`,
      kind: 'article-stale' as const,
      title: a.title,
      why: `not reviewed for ${a.days} days (updated ${a.updated.slice(0, 10)})`,
      file: a.file,
      weight: 0,
    })),
    ...(input.outdatedTranslations ?? []).map((t) => ({
      key: `translation-outdated:${t.lang}/${t.slug}:${t.source.updated}`,
      kind: 'translation-outdated' as const,
      title: t.title,
      why: `the source was updated ${t.source.updated}, this translation (${t.lang}) ${t.updated}`,
      file: t.file,
      weight: 0,
    })),
  ];
}

/** The "edit" link for a file, from the site's `editUrl` pattern (`{path}` is the file); none for folders or without one. */
export function editLink(pattern: string | undefined, file: string): string | undefined {
  return pattern && !file.endsWith('/') ? pattern.replace('{path}', file) : undefined;
}
