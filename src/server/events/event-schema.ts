import { z } from 'astro/zod';
import { MAX_EVENTS_PER_BATCH, type ReaderEvent } from '../../lib/reader-events.ts';
import { refParts, type Flows } from '../../troubleshooter/walk.ts';
import { VERSION_PATTERN } from '../../troubleshooter/version.ts';
import { normalizeQuery } from './search-query.ts';
import { languageFromHeader } from '../http/request-language.ts';

export type { Flows };

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100);
/** A step in the event's flow, or `<flow>/<step>` in another (where a hand-over came from). */
const stepRef = z
  .string()
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(201);
const version = z.string().regex(VERSION_PATTERN);
const query = z.string().max(1000).transform(normalizeQuery).pipe(z.string().min(1));
// A path on this site, as results and suggestions link to: no scheme, host, query or fragment.
const target = z
  .string()
  .regex(/^\/[A-Za-z0-9._~/-]*$/)
  .max(300);
const rank = z.int().min(1).max(1000);
const tab = z.uuid();

const eventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('search'), query, results: z.int().min(0).max(100_000) }),
  z.strictObject({ type: z.literal('search_open'), query, target, rank }),
  z.strictObject({ type: z.literal('step_viewed'), flow: id, step: id, from: stepRef.optional(), version: version.optional() }),
  z.strictObject({ type: z.literal('outcome'), flow: id, step: id, result: z.enum(['resolved', 'handoff']), version: version.optional() }),
  z.strictObject({ type: z.literal('suggestions_shown'), tab, count: z.int().min(1).max(10) }),
  z.strictObject({ type: z.literal('suggestion_open'), tab, target, rank }),
  z.strictObject({ type: z.literal('suggestion_request_sent'), tab }),
]);

/**
 * The language of the page the events happened on, as a language tag ("es", "en-GB"): the configured language it
 * names, else the default one. A tag never makes a batch fail. Absent, the endpoint goes by the page's address.
 */
const language = z
  .string()
  .max(100)
  .transform((tag) => languageFromHeader(tag))
  .optional();

const batchSchema = z.strictObject({ events: z.array(eventSchema).min(1).max(MAX_EVENTS_PER_BATCH), language });

/** Checks a batch, including that troubleshooter events name a flow and steps that exist. */
export function parseEventBatch(
  body: unknown,
  flows: Flows,
): { ok: true; events: ReaderEvent[]; language?: string } | { ok: false; problems: string[] } {
  const result = batchSchema.safeParse(body);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) };
  }
  const problems: string[] = [];
  result.data.events.forEach((event, i) => {
    if (event.type !== 'step_viewed' && event.type !== 'outcome') return;
    if (!flows.has(event.flow)) return void problems.push(`events.${i}.flow: there is no troubleshooter "${event.flow}"`);
    for (const ref of [event.step, event.type === 'step_viewed' ? event.from : undefined]) {
      if (ref === undefined) continue;
      const { flow, step } = refParts(event.flow, ref);
      if (!flows.get(flow)?.steps.some((s) => s.id === step)) problems.push(`events.${i}: "${flow}" has no step "${step}"`);
    }
  });
  if (problems.length) return { ok: false, problems };
  const { events, language } = result.data;
  return language ? { ok: true, events, language } : { ok: true, events };
}
