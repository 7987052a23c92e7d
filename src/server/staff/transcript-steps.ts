import { exitsOf } from '../../troubleshooter/flow-model.ts';
import type { FlowFile } from '../../troubleshooter/flow-schema.ts';
import type { Transcript } from '../../troubleshooter/transcript.ts';
import { refParts } from '../../troubleshooter/walk.ts';

export interface ReadableTranscript {
  flowId: string;
  /** The troubleshooter's title, or its id when the flow is gone. */
  flowTitle: string;
  steps: { question: string; answer: string }[];
  /** Where the last choice led (usually the escalate step that sent the requester to support). */
  endedAt?: string;
}

/**
 * The path a requester took, in the words they saw: each step's title and the label of the choice they made (an
 * automatic step's is the branch it took for them). A step in a flow they were handed over to (`<flow>/<step>`) is
 * looked up in that flow. Flows change after tickets arrive, so a step or choice that no longer exists is shown by
 * its id.
 */
export function readableTranscript(
  transcript: Transcript,
  flows: Map<string, Pick<FlowFile, 'title' | 'start' | 'steps'>>,
): ReadableTranscript {
  const flow = flows.get(transcript.flow);
  const find = (ref: string) => {
    const { flow: owner, step } = refParts(transcript.flow, ref);
    return flows.get(owner)?.steps.find((s) => s.id === step);
  };
  /** Where a choice leads, past hand-overs, by title. */
  const titleAt = (owner: string, id: string): string => {
    const step = flows.get(owner)?.steps.find((s) => s.id === id);
    if (step?.kind !== 'flow') return step?.title ?? id;
    const target = flows.get(step.flow);
    return target ? titleAt(step.flow, step.step ?? target.start) : step.flow;
  };
  let endedAt: string | undefined;
  const readable = transcript.steps.map(({ step, choice }) => {
    const found = find(step);
    const exit = found && exitsOf(found).find((e) => e.id === choice);
    endedAt = exit ? titleAt(refParts(transcript.flow, step).flow, exit.next) : undefined;
    return { question: found?.title ?? `Step “${step}” (no longer in this troubleshooter)`, answer: exit?.label ?? `“${choice}”` };
  });
  return { flowId: transcript.flow, flowTitle: flow?.title ?? transcript.flow, steps: readable, endedAt };
}
