import { catalog, flowsById } from '../catalog.ts';
import { database } from '../db/connection.ts';
import type { FlowFile } from '../../troubleshooter/flow-schema.ts';
import { flowVersion } from '../../troubleshooter/version.ts';
import { periodFrom } from './period.ts';
import { buildInsights, type FlowOutline, type InsightsReport } from './report.ts';

/** A flow's steps as insights list them. */
export function flowOutline(id: string, flow: FlowFile): FlowOutline {
  return {
    id,
    title: flow.title,
    version: flowVersion(flow),
    steps: flow.steps.map((s) => ({ id: s.id, title: s.title ?? s.id, kind: s.kind })),
  };
}

/**
 * The insights report for the period named by a `days` parameter (and the language a `language` one names), with the
 * site's articles and troubleshooters.
 */
export async function loadInsights(days: string | null, now = new Date(), language: string | null = null): Promise<InsightsReport> {
  const [{ articles }, flows] = await Promise.all([catalog(), flowsById()]);
  const outlines = [...flows].map(([id, flow]) => flowOutline(id, flow)).sort((a, b) => a.title.localeCompare(b.title));
  return buildInsights(await database(), periodFrom(days, now, language), new Map(articles.map((a) => [a.id, a.title])), outlines);
}
