import { createActor } from 'xstate';
import { compileFlow, currentStep, type MachineFlow, type PathEntry } from './compile.ts';

/** Why a path cannot be followed: the entry at `index`, and what is wrong with it in words. */
export interface PathProblem {
  index: number;
  message: string;
}

/**
 * Follows a path through a flow on its compiled machine, the one the troubleshooter page runs, from the flow's start:
 * each entry must be at the step the previous choices led to, and its choice one that step offers. Gives the id of
 * the step the path ends at, or the first entry the machine cannot take, for callers that explain a wrong path (the
 * MCP server) rather than only refuse it.
 */
export function followPath(flow: MachineFlow, path: readonly PathEntry[]): { step: string } | { problem: PathProblem } {
  const actor = createActor(compileFlow(flow)).start();
  try {
    for (const [index, { step, choice }] of path.entries()) {
      const here = currentStep(actor.getSnapshot());
      if (step !== here) return { problem: { index, message: `the path is at step "${here}" here, not "${step}"` } };
      if (!actor.getSnapshot().can({ type: 'CHOOSE', choice })) {
        const offered = flow.steps.find((s) => s.id === here)!.exits.map((e) => `"${e.id}"`);
        const choices = offered.length ? `its choices are ${offered.join(', ')}` : 'it is the end of the flow and offers no choices';
        return { problem: { index, message: `step "${here}" has no choice "${choice}": ${choices}` } };
      }
      actor.send({ type: 'CHOOSE', choice });
    }
    return { step: currentStep(actor.getSnapshot()) };
  } finally {
    actor.stop();
  }
}
