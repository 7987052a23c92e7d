import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReaderEvent } from '../../src/lib/reader-events.ts';
import type { Db } from '../../src/server/db/connection.ts';
import { addVoteDetails, recordVote } from '../../src/server/db/feedback.ts';
import { createEventStore } from '../../src/server/db/reader-events.ts';
import { toCsv } from '../../src/server/insights/csv.ts';
import { periodFrom } from '../../src/server/insights/period.ts';
import { buildInsights, flowVersionInsights, type InsightsReport } from '../../src/server/insights/report.ts';
import { csvFileName, csvHref, insightsTables } from '../../src/server/insights/tables.ts';
import { tempDatabase } from '../support/temp-database.ts';
import { seedTickets } from '../../harness/seed-tickets.ts';

const NOW = new Date('2026-03-31T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const titles = new Map([
  ['forgot-password', 'I forgot my password'],
  ['account-locked', 'My account is locked'],
  ['avoid-scams', 'Avoid scams'],
]);
const VERSION = 'aaaaaaaaaaaa';
const flow = {
  id: 'login',
  title: 'I can’t sign in',
  version: VERSION,
  steps: [
    { id: 'start', title: 'What is wrong?', kind: 'question' },
    { id: 'reset', title: 'Reset your password', kind: 'instructions' },
    { id: 'check-spam', title: 'Check your spam folder', kind: 'instructions' },
    { id: 'resolved', title: 'You are back in', kind: 'outcome' },
    { id: 'escalate', title: 'Contact support', kind: 'escalate' },
  ],
};

let database: Awaited<ReturnType<typeof tempDatabase>>;
let db: Db;
let report: InsightsReport;

async function vote(
  article: string,
  answer: 'yes' | 'no',
  at: Date,
  details?: { reasons: string[]; comment: string | null },
  language = 'en',
) {
  const result = await recordVote(db, { article, answer, language, claimKey: crypto.randomUUID(), createdAt: at });
  if (details && result.outcome === 'created') await addVoteDetails(db, { id: result.id, ...details, at });
}

/** One reader's walk on a version of the flow: each step names the one before, as the beacon sends them. */
function walk(steps: string[], outcome?: 'resolved', version = VERSION): ReaderEvent[] {
  const events: ReaderEvent[] = steps.map((step, i) => ({
    type: 'step_viewed',
    flow: 'login',
    step,
    version,
    ...(i ? { from: steps[i - 1] } : {}),
  }));
  if (outcome) events.push({ type: 'outcome', flow: 'login', step: steps.at(-1)!, result: outcome, version });
  return events;
}

beforeAll(async () => {
  database = await tempDatabase();
  db = database.db;
  for (let i = 0; i < 3; i++) await vote('forgot-password', 'yes', daysAgo(1));
  await vote('forgot-password', 'no', daysAgo(2));
  await vote('account-locked', 'no', daysAgo(1), { reasons: ['did-not-work'], comment: '=HYPERLINK("http://evil.example")' });
  await vote('account-locked', 'yes', daysAgo(3));
  await vote('avoid-scams', 'no', daysAgo(3), { reasons: ['unclear', 'out-of-date'], comment: null });
  await vote('avoid-scams', 'no', daysAgo(40)); // outside the 30-day period

  const store = createEventStore(async () => db);
  const search = (query: string, results: number): ReaderEvent => ({ type: 'search', query, results });
  const open = (query: string): ReaderEvent => ({ type: 'search_open', query, target: '/articles/forgot-password/', rank: 1 });
  await store({
    receivedAt: daysAgo(1),
    events: [
      search('password reset', 4),
      open('password reset'),
      search('password reset', 4),
      search('password reset', 4),
      search('xylophone quartz', 0),
      search('xylophone quartz', 0),
      search('delete my data', 0),
      search('fees', 2),
      search('fees', 2),
    ],
  });
  await store({
    receivedAt: daysAgo(1),
    events: [
      ...walk(['start', 'reset', 'resolved'], 'resolved'),
      ...walk(['start', 'reset', 'check-spam', 'escalate']),
      ...walk(['start', 'escalate']),
    ],
  });
  await store({
    receivedAt: daysAgo(2),
    events: [...walk(['start', 'reset', 'resolved'], 'resolved'), ...walk(['start', 'reset']), ...walk(['start'])],
  });
  await store({ receivedAt: daysAgo(60), events: walk(['start', 'reset', 'resolved'], 'resolved') });
  // A walk on the flow as it was before an edit: counted apart, never mixed into the current version's figures.
  await store({ receivedAt: daysAgo(1), events: walk(['start', 'check-spam', 'resolved'], 'resolved', 'oldoldoldold') });

  // Of the two readers shown the form, one sent it; a spam request and one from another flow do not count.
  const fromLogin = { flow: 'login', steps: [{ step: 'start', choice: 'other' }] };
  await seedTickets(db, { count: 1, start: daysAgo(1), transcript: () => fromLogin });
  await seedTickets(db, { count: 1, start: daysAgo(1), series: 'T', status: () => 'spam', transcript: () => fromLogin });
  await seedTickets(db, { count: 1, start: daysAgo(1), series: 'U', transcript: () => ({ flow: 'payment-stuck', steps: [] }) });
  await seedTickets(db, { count: 1, start: daysAgo(1), series: 'V' });

  // Suggestions on the contact form, by tab: shown, opened, and a request sent afterwards or not.
  const tabs = Array.from({ length: 5 }, () => crypto.randomUUID());
  const shown = (tab: string): ReaderEvent => ({ type: 'suggestions_shown', tab, count: 3 });
  const opened = (tab: string): ReaderEvent => ({ type: 'suggestion_open', tab, target: '/articles/forgot-password/', rank: 2 });
  const sent = (tab: string): ReaderEvent => ({ type: 'suggestion_request_sent', tab });
  // Tuesday 31 March is in the week of Monday 30 March; Saturday 28 March in the week before.
  await store({
    receivedAt: daysAgo(1),
    events: [
      shown(tabs[0]),
      shown(tabs[0]),
      opened(tabs[0]),
      sent(tabs[0]),
      shown(tabs[1]),
      opened(tabs[1]),
      opened(tabs[1]),
      shown(tabs[2]),
    ],
  });
  await store({ receivedAt: daysAgo(3), events: [shown(tabs[3]), opened(tabs[3])] });
  await store({ receivedAt: daysAgo(60), events: [shown(tabs[4]), opened(tabs[4])] });

  report = await buildInsights(db, periodFrom('30', NOW), titles, [flow]);
});
afterAll(() => database.remove());

describe('insights report (last 30 days)', () => {
  it('lists articles by helpfulness, least helpful first, with votes outside the period left out', () => {
    expect(report.articles).toEqual([
      { slug: 'avoid-scams', title: 'Avoid scams', yes: 0, no: 1, votes: 1, helpfulPercent: 0 },
      { slug: 'account-locked', title: 'My account is locked', yes: 1, no: 1, votes: 2, helpfulPercent: 50 },
      { slug: 'forgot-password', title: 'I forgot my password', yes: 3, no: 1, votes: 4, helpfulPercent: 75 },
    ]);
  });

  it('shows recent reasons, newest first, in words', () => {
    expect(report.reasons).toEqual([
      {
        slug: 'account-locked',
        title: 'My account is locked',
        reasons: ['The steps did not work for me'],
        comment: '=HYPERLINK("http://evil.example")',
        at: daysAgo(1).toISOString(),
      },
      {
        slug: 'avoid-scams',
        title: 'Avoid scams',
        reasons: ['It was hard to understand', 'It is wrong or out of date'],
        comment: null,
        at: daysAgo(3).toISOString(),
      },
    ]);
  });

  it('counts top queries, queries without results, and queries whose results nobody opened', () => {
    expect(report.topQueries).toEqual([
      { query: 'password reset', searches: 3, opens: 1 },
      { query: 'fees', searches: 2, opens: 0 },
      { query: 'xylophone quartz', searches: 2, opens: 0 },
      { query: 'delete my data', searches: 1, opens: 0 },
    ]);
    expect(report.noResults).toEqual([
      { query: 'xylophone quartz', searches: 2, opens: 0 },
      { query: 'delete my data', searches: 1, opens: 0 },
    ]);
    expect(report.unopened).toEqual([{ query: 'fees', searches: 2, opens: 0 }]);
  });

  it('follows each troubleshooter: starts, where readers left, resolved against requests sent, the form reached apart', () => {
    expect(report.flows).toEqual([
      {
        id: 'login',
        title: 'I can’t sign in',
        started: 6,
        resolved: 2,
        escalated: 1,
        reachedEscalate: 2,
        handoff: 0,
        deflectionPercent: 67,
        earlierStarts: 1,
        steps: [
          { id: 'start', title: 'What is wrong?', views: 6, left: 1 },
          { id: 'reset', title: 'Reset your password', views: 4, left: 1 },
          { id: 'check-spam', title: 'Check your spam folder', views: 1, left: 0 },
          { id: 'resolved', title: 'You are back in', views: 2, left: null },
          { id: 'escalate', title: 'Contact support', views: 2, left: null },
        ],
      },
    ]);
  });

  it('counts, per week, the readers shown suggestions, those who opened one, and those who then sent no request', () => {
    expect(report.suggestions).toEqual([
      { week: '2026-03-30', shown: 3, opened: 2, notSent: 1, deflectionPercent: 50 },
      { week: '2026-03-23', shown: 1, opened: 1, notSent: 1, deflectionPercent: 100 },
    ]);
  });

  it('offers a chosen period (7, 30, 90 or 180 days) and falls back to 30', () => {
    expect(periodFrom('90', NOW)).toEqual({ days: 90, since: daysAgo(90), until: NOW });
    expect(periodFrom('365', NOW).days).toBe(30);
    expect(periodFrom(null, NOW).days).toBe(30);
  });
});

describe('a flow’s figures per version of its graph', () => {
  it('counts only the events recorded on the version asked for, and how many walks began on others', async () => {
    const store = createEventStore(async () => db);
    const versioned = (version: string, steps: string[]) => walk(steps, undefined, version).map((e) => ({ ...e, flow: 'versioned' }));
    await store({
      receivedAt: daysAgo(1),
      events: [
        ...versioned('aaaaaaaaaaaa', ['start', 'reset']),
        ...versioned('aaaaaaaaaaaa', ['start']),
        ...versioned('bbbbbbbbbbbb', ['start', 'reset', 'resolved']),
      ],
    });
    const figures = await flowVersionInsights(db, periodFrom('30', NOW), { ...flow, id: 'versioned', version: 'bbbbbbbbbbbb' });
    expect(figures.started).toBe(1);
    expect(figures.earlierStarts).toBe(2);
    expect(figures.steps.slice(0, 2)).toEqual([
      { id: 'start', title: 'What is wrong?', views: 1, left: 0 },
      { id: 'reset', title: 'Reset your password', views: 1, left: 0 },
    ]);
  });
});

describe('insights tables and CSV', () => {
  it('gives each table a CSV with a header row, quoting where needed and defusing spreadsheet formulas', () => {
    const tables = insightsTables(report);
    expect(Object.keys(tables)).toEqual([
      'articles',
      'reasons',
      'top-queries',
      'no-results',
      'unopened-queries',
      'troubleshooters',
      'troubleshooter-steps',
      'response-times',
      'suggestions',
    ]);
    expect(toCsv(tables.articles)).toBe(
      'Article,Helpful,Yes,No,Votes\r\nAvoid scams,0%,0,1,1\r\nMy account is locked,50%,1,1,2\r\nI forgot my password,75%,3,1,4\r\n',
    );
    expect(toCsv(tables.reasons).split('\r\n')[1]).toBe(
      `${daysAgo(1).toISOString().slice(0, 16).replace('T', ' ')},My account is locked,The steps did not work for me,"'=HYPERLINK(""http://evil.example"")"`,
    );
    expect(toCsv(tables.troubleshooters)).toBe(
      'Troubleshooter,Started,Resolved,Reached the support form,Escalated (requests sent),Handed off,Deflection rate\r\nI can’t sign in,6,2,2,1,0,67%\r\n',
    );
    expect(toCsv(tables['troubleshooter-steps']).split('\r\n')[4]).toBe('I can’t sign in,You are back in,2,end');
    expect(toCsv(tables.suggestions).split('\r\n').slice(0, 2)).toEqual([
      'Week of,Readers shown suggestions,Opened one,Sent no request after opening one,Deflection rate',
      '2026-03-30,3,2,1,50%',
    ]);
  });
});

describe('insights in one language', () => {
  it('count only the votes, and show only the reasons, given on that language’s pages', async () => {
    const own = await tempDatabase();
    try {
      const cast = async (article: string, answer: 'yes' | 'no', language: string, comment?: string) => {
        const result = await recordVote(own.db, { article, answer, language, claimKey: crypto.randomUUID(), createdAt: daysAgo(1) });
        if (comment && result.outcome === 'created') await addVoteDetails(own.db, { id: result.id, reasons: [], comment, at: daysAgo(1) });
      };
      await cast('forgot-password', 'no', 'es', 'No encuentro el enlace');
      await cast('forgot-password', 'yes', 'es');
      await cast('account-locked', 'no', 'en', 'Too long');
      const spanish = await buildInsights(own.db, periodFrom('30', NOW, 'es'), titles, []);
      expect(spanish.articles.map((a) => [a.slug, a.yes, a.no])).toEqual([['forgot-password', 1, 1]]);
      expect(spanish.reasons.map((r) => r.comment)).toEqual(['No encuentro el enlace']);
      const every = await buildInsights(own.db, periodFrom('30', NOW), titles, []);
      expect(every.articles.map((a) => a.slug).sort()).toEqual(['account-locked', 'forgot-password']);
    } finally {
      await own.remove();
    }
  });

  it('link each CSV with the page’s period and language, and name the file after both', () => {
    expect(csvHref('no-results', periodFrom('7', NOW, 'es'))).toBe('/staff/insights/no-results.csv?days=7&language=es');
    expect(csvHref('no-results', periodFrom('7', NOW))).toBe('/staff/insights/no-results.csv?days=7');
    expect(csvHref('no-results', periodFrom('7', NOW, 'xx'))).toBe('/staff/insights/no-results.csv?days=7');
    expect(csvFileName('articles', periodFrom('90', NOW, 'es'))).toBe('signpost-articles-90d-es-2026-03-31.csv');
    expect(csvFileName('articles', periodFrom('90', NOW))).toBe('signpost-articles-90d-2026-03-31.csv');
  });
});
