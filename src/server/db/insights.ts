import type { Db } from './connection.ts';

/** A half-open time window [since, until) as stored timestamps compare: ISO strings sort as times. */
export interface Period {
  since: Date;
  until: Date;
  /** Only what happened in this language (a configured one's code): votes and reader events on its pages, tickets in it. */
  language?: string;
}

// PostgreSQL returns counts as strings (bigint); SQLite as numbers. Callers get numbers either way.
const count = (value: string | number | bigint) => Number(value);

export async function voteCounts(
  db: Db,
  { since, until, language }: Period,
): Promise<{ article: string; answer: 'yes' | 'no'; votes: number }[]> {
  const rows = await db
    .selectFrom('feedback_votes')
    .select((eb) => ['article', 'answer', eb.fn.countAll<number>().as('votes')])
    .where('created_at', '>=', since.toISOString())
    .where('created_at', '<', until.toISOString())
    .$if(language !== undefined, (q) => q.where('language', '=', language!))
    .groupBy(['article', 'answer'])
    .execute();
  return rows.map((r) => ({ article: r.article, answer: r.answer, votes: count(r.votes) }));
}

export interface VoteReasons {
  article: string;
  reasons: string[];
  comment: string | null;
  at: string;
}

export async function recentReasons(db: Db, { since, until, language }: Period, limit: number): Promise<VoteReasons[]> {
  const rows = await db
    .selectFrom('feedback_votes')
    .select(['article', 'reasons', 'comment', 'detailed_at'])
    .where('detailed_at', 'is not', null)
    .where('created_at', '>=', since.toISOString())
    .where('created_at', '<', until.toISOString())
    .$if(language !== undefined, (q) => q.where('language', '=', language!))
    .orderBy('detailed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    article: r.article,
    reasons: JSON.parse(r.reasons ?? '[]') as string[],
    comment: r.comment,
    at: r.detailed_at!,
  }));
}

/** How often each query was searched, most searched first; `withResults` picks searches that found something or nothing. */
export async function queryCounts(
  db: Db,
  { since, until, language }: Period,
  { limit, withResults }: { limit: number; withResults?: boolean },
): Promise<{ query: string; searches: number }[]> {
  let select = db
    .selectFrom('reader_events')
    .select((eb) => ['query', eb.fn.countAll<number>().as('searches')])
    .where('type', '=', 'search')
    .where('created_at', '>=', since.toISOString())
    .where('created_at', '<', until.toISOString())
    .$if(language !== undefined, (q) => q.where('language', '=', language!));
  if (withResults !== undefined) select = select.where('result_count', withResults ? '>' : '=', 0);
  const rows = await select.groupBy('query').orderBy('searches', 'desc').orderBy('query').limit(limit).execute();
  return rows.map((r) => ({ query: r.query!, searches: count(r.searches) }));
}

/** How many results were opened for each of the given queries. */
export async function opensByQuery(db: Db, { since, until, language }: Period, queries: string[]): Promise<Map<string, number>> {
  if (queries.length === 0) return new Map();
  const rows = await db
    .selectFrom('reader_events')
    .select((eb) => ['query', eb.fn.countAll<number>().as('opens')])
    .where('type', '=', 'search_open')
    .where('query', 'in', queries)
    .where('created_at', '>=', since.toISOString())
    .where('created_at', '<', until.toISOString())
    .$if(language !== undefined, (q) => q.where('language', '=', language!))
    .groupBy('query')
    .execute();
  return new Map(rows.map((r) => [r.query!, count(r.opens)]));
}

export interface FlowCounts {
  /** Views per flow and step. */
  views: { flow: string; step: string; views: number }[];
  /** Moves from a step to another one (including Back and Start over), per flow and step left. */
  movesOn: { flow: string; step: string; moves: number }[];
  /** Walks begun (a step shown with no step before it on the page), per flow. */
  starts: { flow: string; starts: number }[];
  outcomes: { flow: string; outcome: 'resolved' | 'handoff' | 'escalated'; count: number }[];
  /** Support requests sent from each flow (their transcript names it), spam left out. */
  tickets: { flow: string; count: number }[];
}

/** Every flow's counts in a period; with `only`, one flow's events recorded on one version of its graph. */
export async function flowCounts(
  db: Db,
  { since, until, language }: Period,
  only?: { flow: string; version: string },
): Promise<FlowCounts> {
  let events = db
    .selectFrom('reader_events')
    .where('created_at', '>=', since.toISOString())
    .where('created_at', '<', until.toISOString())
    .$if(language !== undefined, (q) => q.where('language', '=', language!));
  if (only) events = events.where('flow', '=', only.flow).where('flow_version', '=', only.version);
  const steps = events.where('type', '=', 'step_viewed');
  const [views, movesOn, starts, outcomes, transcripts] = await Promise.all([
    steps
      .select((eb) => ['flow', 'step', eb.fn.countAll<number>().as('n')])
      .groupBy(['flow', 'step'])
      .execute(),
    steps
      .where('from_step', 'is not', null)
      .select((eb) => ['flow', 'from_step', eb.fn.countAll<number>().as('n')])
      .groupBy(['flow', 'from_step'])
      .execute(),
    steps
      .where('from_step', 'is', null)
      .select((eb) => ['flow', eb.fn.countAll<number>().as('n')])
      .groupBy('flow')
      .execute(),
    events
      .where('type', '=', 'outcome')
      .select((eb) => ['flow', 'outcome', eb.fn.countAll<number>().as('n')])
      .groupBy(['flow', 'outcome'])
      .execute(),
    // Transcripts are JSON text; reading the flow here keeps the SQL the same on both databases.
    db
      .selectFrom('tickets')
      .select('transcript')
      .where('transcript', 'is not', null)
      .where('status', '!=', 'spam')
      .where('created_at', '>=', since.toISOString())
      .where('created_at', '<', until.toISOString())
      .$if(language !== undefined, (q) => q.where('language', '=', language!))
      .execute(),
  ]);
  const tickets = new Map<string, number>();
  for (const { transcript } of transcripts) {
    const flow = (JSON.parse(transcript!) as { flow: string }).flow;
    tickets.set(flow, (tickets.get(flow) ?? 0) + 1);
  }
  return {
    views: views.map((r) => ({ flow: r.flow!, step: r.step!, views: count(r.n) })),
    movesOn: movesOn.map((r) => ({ flow: r.flow!, step: r.from_step!, moves: count(r.n) })),
    starts: starts.map((r) => ({ flow: r.flow!, starts: count(r.n) })),
    outcomes: outcomes.map((r) => ({ flow: r.flow!, outcome: r.outcome!, count: count(r.n) })),
    tickets: [...tickets].map(([flow, n]) => ({ flow, count: n })),
  };
}

/** Walks begun in a flow per version of its graph (null: recorded before versions were). */
export async function startsByVersion(
  db: Db,
  { since, until, language }: Period,
  flow: string,
): Promise<{ version: string | null; starts: number }[]> {
  const rows = await db
    .selectFrom('reader_events')
    .select((eb) => ['flow_version', eb.fn.countAll<number>().as('n')])
    .where('type', '=', 'step_viewed')
    .where('flow', '=', flow)
    .where('from_step', 'is', null)
    .where('created_at', '>=', since.toISOString())
    .where('created_at', '<', until.toISOString())
    .$if(language !== undefined, (q) => q.where('language', '=', language!))
    .groupBy('flow_version')
    .execute();
  return rows.map((r) => ({ version: r.flow_version, starts: count(r.n) }));
}

/** When tickets (not spam) arrived in the period, got their first reply and were resolved, as stored. */
export async function ticketTimes(
  db: Db,
  { since, until, language }: Period,
): Promise<{ createdAt: string; firstReplyAt: string | null; resolvedAt: string | null }[]> {
  const rows = await db
    .selectFrom('tickets')
    .select(['created_at', 'first_reply_at', 'closed_at', 'status'])
    .where('created_at', '>=', since.toISOString())
    .where('created_at', '<', until.toISOString())
    .$if(language !== undefined, (q) => q.where('language', '=', language!))
    .where('status', '!=', 'spam')
    .execute();
  return rows.map((r) => ({
    createdAt: r.created_at,
    firstReplyAt: r.first_reply_at,
    resolvedAt: r.status === 'resolved' ? r.closed_at : null,
  }));
}

export type SuggestionEventType = 'suggestions_shown' | 'suggestion_open' | 'suggestion_request_sent';

/** For each tab with suggestion events in the period, and each kind of them: when the tab first had one. */
export async function suggestionTabs(
  db: Db,
  { since, until, language }: Period,
): Promise<{ tab: string; type: SuggestionEventType; first: string }[]> {
  const rows = await db
    .selectFrom('reader_events')
    .select((eb) => ['tab', 'type', eb.fn.min<string>('created_at').as('first')])
    .where('type', 'in', ['suggestions_shown', 'suggestion_open', 'suggestion_request_sent'])
    .where('tab', 'is not', null)
    .where('created_at', '>=', since.toISOString())
    .where('created_at', '<', until.toISOString())
    .$if(language !== undefined, (q) => q.where('language', '=', language!))
    .groupBy(['tab', 'type'])
    .execute();
  return rows.map((r) => ({ tab: r.tab!, type: r.type as SuggestionEventType, first: r.first }));
}
