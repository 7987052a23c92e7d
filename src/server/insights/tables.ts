import type { InsightsPeriod } from './period.ts';
import type { InsightsReport } from './report.ts';

/** One table of the insights page; the page shows it and offers the same rows as CSV. */
export interface InsightsTable {
  /** Names the CSV download: /staff/insights/<name>.csv */
  name: TableName;
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

export const TABLE_NAMES = [
  'articles',
  'reasons',
  'top-queries',
  'no-results',
  'unopened-queries',
  'troubleshooters',
  'troubleshooter-steps',
  'response-times',
  'suggestions',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** A table's CSV download, with the page's period and language filter, so it holds the rows the page shows. */
export function csvHref(name: TableName, { days, language }: Pick<InsightsPeriod, 'days' | 'language'>): string {
  const query = new URLSearchParams({ days: String(days), ...(language ? { language } : {}) });
  return `/staff/insights/${name}.csv?${query}`;
}

/** The CSV's file name: the table, the period (and language), and the day it ends. */
export function csvFileName(name: TableName, { days, language, until }: Pick<InsightsPeriod, 'days' | 'language' | 'until'>): string {
  return `signpost-${name}-${days}d${language ? `-${language}` : ''}-${until.toISOString().slice(0, 10)}.csv`;
}

const pct = (value: number | null) => (value === null ? '' : `${value}%`);
/** Hours to one decimal, or nothing. */
const hours = (value: number | null) => (value === null ? '' : Math.round(value * 10) / 10);

/** Every table of the report, by name, in the order the page shows them. */
export function insightsTables(report: InsightsReport): Record<TableName, InsightsTable> {
  const queries = (name: TableName, title: string, rows: InsightsReport['topQueries']): InsightsTable => ({
    name,
    title,
    columns: ['Query', 'Searches', 'Results opened'],
    rows: rows.map((q) => [q.query, q.searches, q.opens]),
  });
  return {
    articles: {
      name: 'articles',
      title: 'Helpfulness by article, least helpful first',
      columns: ['Article', 'Helpful', 'Yes', 'No', 'Votes'],
      rows: report.articles.map((a) => [a.title, pct(a.helpfulPercent), a.yes, a.no, a.votes]),
    },
    reasons: {
      name: 'reasons',
      title: 'Recent reasons after a No',
      columns: ['When', 'Article', 'Reasons', 'Comment'],
      rows: report.reasons.map((r) => [r.at.slice(0, 16).replace('T', ' '), r.title, r.reasons.join('; '), r.comment ?? '']),
    },
    'top-queries': queries('top-queries', 'Top search queries', report.topQueries),
    'no-results': queries('no-results', 'Queries with no results', report.noResults),
    'unopened-queries': queries('unopened-queries', 'Queries whose results nobody opened', report.unopened),
    troubleshooters: {
      name: 'troubleshooters',
      title: 'Troubleshooters: starts and outcomes',
      columns: [
        'Troubleshooter',
        'Started',
        'Resolved',
        'Reached the support form',
        'Escalated (requests sent)',
        'Handed off',
        'Deflection rate',
      ],
      rows: report.flows.map((f) => [f.title, f.started, f.resolved, f.reachedEscalate, f.escalated, f.handoff, pct(f.deflectionPercent)]),
    },
    'troubleshooter-steps': {
      name: 'troubleshooter-steps',
      title: 'Troubleshooter steps: views and where readers left',
      columns: ['Troubleshooter', 'Step', 'Views', 'Left here'],
      rows: report.flows.flatMap((f) => f.steps.map((s) => [f.title, s.title, s.views, s.left ?? 'end'])),
    },
    'response-times': {
      name: 'response-times',
      title: 'Response times by week the tickets arrived (hours)',
      columns: [
        'Week of',
        'Tickets',
        'Replied',
        'First reply, median',
        'First reply, 90th percentile',
        'Resolved',
        'Resolution, median',
        'Resolution, 90th percentile',
      ],
      rows: report.responseTimes.map((w) => [
        w.week,
        w.tickets,
        w.replied,
        hours(w.firstReplyMedian),
        hours(w.firstReplyP90),
        w.resolved,
        hours(w.resolutionMedian),
        hours(w.resolutionP90),
      ]),
    },
    suggestions: {
      name: 'suggestions',
      title: 'Suggestions while readers describe their problem to support, by week',
      columns: ['Week of', 'Readers shown suggestions', 'Opened one', 'Sent no request after opening one', 'Deflection rate'],
      rows: report.suggestions.map((w) => [w.week, w.shown, w.opened, w.notSent, pct(w.deflectionPercent)]),
    },
  };
}
