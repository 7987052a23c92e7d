import { FEEDBACK_REASONS } from '../../lib/feedback.ts';
import type { Db } from '../db/connection.ts';
import {
  flowCounts,
  opensByQuery,
  queryCounts,
  recentReasons,
  startsByVersion,
  suggestionTabs,
  ticketTimes,
  voteCounts,
} from '../db/insights.ts';
import { monday, weeklyResponseTimes, type WeekTimes } from './response-times.ts';
import type { InsightsPeriod } from './period.ts';

export interface ArticleHelpfulness {
  slug: string;
  title: string;
  yes: number;
  no: number;
  votes: number;
  /** Whole percent of Yes votes. */
  helpfulPercent: number;
}

export interface RecentReason {
  slug: string;
  title: string;
  reasons: string[];
  comment: string | null;
  at: string;
}

export interface QueryRow {
  query: string;
  searches: number;
  /** Results opened from this query. */
  opens: number;
}

export interface FlowStepRow {
  id: string;
  title: string;
  views: number;
  /** Readers who left at this step (neither moved on nor reached an end); null for ends (outcomes, escalations). */
  left: number | null;
}

export interface FlowInsights {
  id: string;
  title: string;
  started: number;
  resolved: number;
  /** Support requests sent from the flow's escalate steps (tickets, spam left out). */
  escalated: number;
  /** Views of its escalate steps: readers shown the form, whether or not they sent it. */
  reachedEscalate: number;
  handoff: number;
  /** Resolved as a whole percent of resolved plus escalated; null before any of either. */
  deflectionPercent: number | null;
  steps: FlowStepRow[];
  /** Walks begun in the period on earlier versions of its graph, which the figures above leave out. */
  earlierStarts: number;
}

/** Suggestions on the way to support, for the readers (browser tabs) whose first such event fell in one week. */
export interface SuggestionWeek {
  /** The week's Monday (UTC), YYYY-MM-DD. */
  week: string;
  /** Readers shown suggestions while describing their problem. */
  shown: number;
  /** Readers who opened one of them. */
  opened: number;
  /** Of those, readers who sent no request afterwards: the suggestion answered them, or they gave up. */
  notSent: number;
  /** notSent as a whole percent of opened; null before any opened. */
  deflectionPercent: number | null;
}

export interface InsightsReport {
  period: InsightsPeriod;
  /** Least helpful first. */
  articles: ArticleHelpfulness[];
  reasons: RecentReason[];
  topQueries: QueryRow[];
  /** Queries that found nothing: what editors should write next. */
  noResults: QueryRow[];
  /** Queries that found articles, none of which was opened. */
  unopened: QueryRow[];
  flows: FlowInsights[];
  /** First-reply time and time to resolution of the period's tickets, by the week they arrived. */
  responseTimes: WeekTimes[];
  /** Newest week first. */
  suggestions: SuggestionWeek[];
}

export interface FlowOutline {
  id: string;
  title: string;
  /** The current version of its graph (troubleshooter/version.ts): figures count only events recorded on it. */
  version: string;
  steps: { id: string; title: string; kind: string }[];
}

const TOP = 20;
const REASON_LABELS = new Map<string, string>(FEEDBACK_REASONS.map((r) => [r.id, r.label]));

/** Everything /staff/insights shows, for one period. `titles` names articles by slug. */
export async function buildInsights(
  db: Db,
  period: InsightsPeriod,
  titles: Map<string, string>,
  flows: FlowOutline[],
): Promise<InsightsReport> {
  const [votes, reasons, top, none, found, flowFigures, times, tabs] = await Promise.all([
    voteCounts(db, period),
    recentReasons(db, period, TOP),
    queryCounts(db, period, { limit: TOP }),
    queryCounts(db, period, { limit: TOP, withResults: false }),
    // Enough candidates that the top unopened ones are among them.
    queryCounts(db, period, { limit: 500, withResults: true }),
    Promise.all(flows.map((flow) => flowVersionInsights(db, period, flow))),
    ticketTimes(db, period),
    suggestionTabs(db, period),
  ]);
  const opens = await opensByQuery(db, period, [...new Set([...top, ...found].map((q) => q.query))]);
  const withOpens = (rows: { query: string; searches: number }[]) => rows.map((r) => ({ ...r, opens: opens.get(r.query) ?? 0 }));

  return {
    period,
    articles: helpfulness(votes, titles),
    reasons: reasons.map((r) => ({
      slug: r.article,
      title: titles.get(r.article) ?? r.article,
      reasons: r.reasons.map((id) => REASON_LABELS.get(id) ?? id),
      comment: r.comment,
      at: r.at,
    })),
    topQueries: withOpens(top),
    noResults: withOpens(none),
    unopened: withOpens(found)
      .filter((q) => q.opens === 0)
      .slice(0, TOP),
    flows: flowFigures,
    responseTimes: weeklyResponseTimes(times),
    suggestions: suggestionWeeks(tabs),
  };
}

/** Tabs counted in the week of their first suggestion shown, and of their first suggestion opened. */
function suggestionWeeks(tabs: Awaited<ReturnType<typeof suggestionTabs>>): SuggestionWeek[] {
  const byTab = new Map<string, Map<string, string>>();
  for (const { tab, type, first } of tabs) byTab.set(tab, (byTab.get(tab) ?? new Map<string, string>()).set(type, first));
  const weeks = new Map<string, Omit<SuggestionWeek, 'deflectionPercent'>>();
  const week = (at: string) => {
    const key = monday(at);
    return weeks.get(key) ?? weeks.set(key, { week: key, shown: 0, opened: 0, notSent: 0 }).get(key)!;
  };
  for (const types of byTab.values()) {
    const shown = types.get('suggestions_shown');
    const opened = types.get('suggestion_open');
    if (shown) week(shown).shown++;
    if (opened) {
      week(opened).opened++;
      if (!types.has('suggestion_request_sent')) week(opened).notSent++;
    }
  }
  return [...weeks.values()]
    .sort((a, b) => b.week.localeCompare(a.week))
    .map((w) => ({ ...w, deflectionPercent: percent(w.notSent, w.opened) }));
}

function helpfulness(votes: { article: string; answer: 'yes' | 'no'; votes: number }[], titles: Map<string, string>): ArticleHelpfulness[] {
  const bySlug = new Map<string, { yes: number; no: number }>();
  for (const v of votes) {
    const entry = bySlug.get(v.article) ?? { yes: 0, no: 0 };
    entry[v.answer] += v.votes;
    bySlug.set(v.article, entry);
  }
  return [...bySlug]
    .map(([slug, { yes, no }]) => ({
      slug,
      title: titles.get(slug) ?? slug,
      yes,
      no,
      votes: yes + no,
      helpfulPercent: percent(yes, yes + no)!,
    }))
    .sort((a, b) => a.yes / a.votes - b.yes / b.votes || b.votes - a.votes || a.title.localeCompare(b.title));
}

/**
 * One flow's figures, for insights and its diagram: only events recorded on the current version of its graph, so a
 * changed flow's drop-off is not mixed with the old one's; `earlierStarts` counts walks begun on other versions.
 */
export async function flowVersionInsights(db: Db, period: InsightsPeriod, flow: FlowOutline): Promise<FlowInsights> {
  const { id, version } = flow;
  const [counts, starts] = await Promise.all([flowCounts(db, period, { flow: id, version }), startsByVersion(db, period, id)]);
  const earlierStarts = starts.filter((s) => s.version !== version).reduce((sum, s) => sum + s.starts, 0);
  return { ...flowInsights(flow, counts), earlierStarts };
}

function flowInsights(flow: FlowOutline, counts: Awaited<ReturnType<typeof flowCounts>>): Omit<FlowInsights, 'earlierStarts'> {
  const of = <T extends { flow: string }>(rows: T[]) => rows.filter((r) => r.flow === flow.id);
  const views = new Map(of(counts.views).map((r) => [r.step, r.views]));
  const movesOn = new Map(of(counts.movesOn).map((r) => [r.step, r.moves]));
  const outcome = (result: string) => of(counts.outcomes).find((o) => o.outcome === result)?.count ?? 0;
  const [resolved, handoff] = ['resolved', 'handoff'].map(outcome);
  // Escalated means a request sent: reaching the form is not asking for help (older 'escalated' outcome rows counted that).
  const escalated = of(counts.tickets)[0]?.count ?? 0;
  const reachedEscalate = flow.steps.filter((s) => s.kind === 'escalate').reduce((sum, s) => sum + (views.get(s.id) ?? 0), 0);
  return {
    id: flow.id,
    title: flow.title,
    started: of(counts.starts)[0]?.starts ?? 0,
    resolved,
    escalated,
    reachedEscalate,
    handoff,
    deflectionPercent: percent(resolved, resolved + escalated),
    steps: flow.steps.map((step) => {
      const seen = views.get(step.id) ?? 0;
      const end = step.kind === 'outcome' || step.kind === 'escalate';
      return { id: step.id, title: step.title, views: seen, left: end ? null : Math.max(0, seen - (movesOn.get(step.id) ?? 0)) };
    }),
  };
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}
