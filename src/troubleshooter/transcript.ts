import { z } from 'astro/zod';
import type { FlowFile } from './flow-schema.ts';
import { exitsOf, stepMap } from './flow-model.ts';
import { t } from '../i18n/messages.ts';

/** The path a reader took: each step where they chose, and what they chose. */
export const transcriptSchema = z.strictObject({
  flow: z.string().min(1).max(80),
  steps: z.array(z.strictObject({ step: z.string().min(1).max(80), choice: z.string().min(1).max(80) })).max(200),
});

export type Transcript = z.infer<typeof transcriptSchema>;

/**
 * Checks a transcript against its flow. It may begin at any step (readers arrive by deep links), but each
 * choice must be one its step offers, and each entry must be where the previous choice led.
 * Returns a problem per bad entry, with its index, or [] when the path is possible; the reader sees its words.
 */
export function validateTranscript(
  transcript: Transcript,
  flows: Map<string, Pick<FlowFile, 'steps'>>,
): { index?: number; message: string }[] {
  const flow = flows.get(transcript.flow);
  if (!flow) return [{ message: t('contact.transcript.problem.unknown-flow', { flow: transcript.flow }) }];
  const steps = stepMap(flow);
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
    const exit = exitsOf(found).find((e) => e.id === choice);
    if (!exit) problems.push({ index, message: t('contact.transcript.problem.unknown-choice', { step, choice }) });
    expected = exit?.next;
  }
  return problems;
}
