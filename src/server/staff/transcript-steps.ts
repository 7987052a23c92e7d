import { exitsOf, stepMap } from '../../troubleshooter/flow-model.ts';
import type { FlowFile } from '../../troubleshooter/flow-schema.ts';
import type { Transcript } from '../../troubleshooter/transcript.ts';

export interface ReadableTranscript {
  flowId: string;
  /** The troubleshooter's title, or its id when the flow is gone. */
  flowTitle: string;
  steps: { question: string; answer: string }[];
  /** Where the last choice led (usually the escalate step that sent the requester to support). */
  endedAt?: string;
}

/**
 * The path a requester took, in the words they saw: each step's title and the label of the choice they made.
 * Flows change after tickets arrive, so a step or choice that no longer exists is shown by its id.
 */
export function readableTranscript(transcript: Transcript, flows: Map<string, Pick<FlowFile, 'title' | 'steps'>>): ReadableTranscript {
  const flow = flows.get(transcript.flow);
  const steps = flow ? stepMap(flow) : new Map<string, never>();
  let endedAt: string | undefined;
  const readable = transcript.steps.map(({ step, choice }) => {
    const found = steps.get(step);
    const exit = found && exitsOf(found).find((e) => e.id === choice);
    endedAt = exit ? (steps.get(exit.next)?.title ?? exit.next) : undefined;
    return { question: found?.title ?? `Step “${step}” (no longer in this troubleshooter)`, answer: exit?.label ?? `“${choice}”` };
  });
  return { flowId: transcript.flow, flowTitle: flow?.title ?? transcript.flow, steps: readable, endedAt };
}
