import { createActor } from 'xstate';
import { compileFlow, currentStep, type PathEntry } from './compile.ts';
import { exitsOf, stepMap } from './flow-model.ts';
import type { FlowFile, Step } from './flow-schema.ts';

/** Why a path cannot be walked: the entry at `index`, and what is wrong with it in words. */
export interface WalkProblem {
  index: number;
  message: string;
}

/**
 * Walks a path through a flow on its compiled machine, the same one the troubleshooter page runs, from the flow's
 * start: each entry must be at the step the previous choices led to, and its choice one that step offers. Gives the
 * step the path ends at, or the first entry the machine cannot take.
 */
export function walkFlow(flowId: string, flow: FlowFile, path: readonly PathEntry[]): { step: Step } | { problem: WalkProblem } {
  const steps = stepMap(flow);
  const machine = compileFlow({
    id: flowId,
    start: flow.start,
    steps: flow.steps.map((s) => ({ id: s.id, kind: s.kind, exits: exitsOf(s) })),
  });
  const actor = createActor(machine).start();
  try {
    for (const [index, { step, choice }] of path.entries()) {
      const here = currentStep(actor.getSnapshot());
      if (step !== here) return { problem: { index, message: `the path is at step "${here}" here, not "${step}"` } };
      if (!actor.getSnapshot().can({ type: 'CHOOSE', choice })) {
        const offered = exitsOf(steps.get(here)!).map((e) => `"${e.id}"`);
        const choices = offered.length ? `its choices are ${offered.join(', ')}` : 'it is the end of the flow and offers no choices';
        return { problem: { index, message: `step "${here}" has no choice "${choice}": ${choices}` } };
      }
      actor.send({ type: 'CHOOSE', choice });
    }
    return { step: steps.get(currentStep(actor.getSnapshot()))! };
  } finally {
    actor.stop();
  }
}
