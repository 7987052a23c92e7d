import { z } from 'astro/zod';
import { t } from '../i18n/messages.ts';
import { walkFrom, type Flows, type Walk } from './walk.ts';

/**
 * The path a reader took: each step where they chose, and what they chose. A step in a flow they were handed over
 * to is written `<flow>/<step>`; an automatic step appears with the branch it took.
 */
export const transcriptSchema = z.strictObject({
  flow: z.string().min(1).max(80),
  steps: z.array(z.strictObject({ step: z.string().min(1).max(161), choice: z.string().min(1).max(80) })).max(200),
});

export type Transcript = z.infer<typeof transcriptSchema>;

const walks = new WeakMap<Flows, Map<string, Walk>>();

/** The walk from a flow, made once per set of flows: every support request and step page needs one. */
export function walkOf(flows: Flows, id: string): Walk | undefined {
  if (!flows.has(id)) return undefined;
  let cached = walks.get(flows);
  if (!cached) walks.set(flows, (cached = new Map()));
  let walk = cached.get(id);
  if (!walk) cached.set(id, (walk = walkFrom(id, flows)));
  return walk;
}

/**
 * Checks a transcript against its flow and the flows it hands over to. It may begin at any step (readers arrive by
 * deep links), but each choice must be one its step offers, and each entry must be where the previous choice led.
 * Returns a problem per bad entry, with its index, or [] when the path is possible; the reader sees its words.
 */
export function validateTranscript(transcript: Transcript, flows: Flows): { index?: number; message: string }[] {
  const walk = walkOf(flows, transcript.flow);
  if (!walk) return [{ message: t('contact.transcript.problem.unknown-flow', { flow: transcript.flow }) }];
  const steps = new Map(walk.steps.map((s) => [s.id, s]));
  let expected: string | undefined;
  const problems: { index: number; message: string }[] = [];
  for (const [index, { step, choice }] of transcript.steps.entries()) {
    const previous = expected;
    expected = undefined; // after a bad entry, the next one is judged on its own
    const found = steps.get(step);
    if (!found) {
      problems.push({ index, message: t('contact.transcript.problem.unknown-step', { step }) });
      continue;
    }
    if (previous !== undefined && previous !== step)
      problems.push({ index, message: t('contact.transcript.problem.out-of-order', { step }) });
    const exit = found.exits.find((e) => e.id === choice);
    if (!exit) problems.push({ index, message: t('contact.transcript.problem.unknown-choice', { step, choice }) });
    expected = exit?.next;
  }
  return problems;
}
