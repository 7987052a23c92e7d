import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { compileFlow, currentStep, type FlowSnapshot, type MachineFlow } from '../src/troubleshooter/compile.ts';

export interface EdgeCoverage {
  edges: number;
  covered: number;
  /** Edges whose run did not end where the flow says it should. */
  failures: string[];
}

/**
 * Takes every choice of every step once: the shortest path to the step (from xstate/graph), then the
 * choice, run on a fresh actor. A compiled machine that drops or misroutes any transition shows here.
 */
export function coverEveryEdge(flow: MachineFlow): EdgeCoverage {
  const machine = compileFlow(flow);
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const shortest = getShortestPaths(machine, {
    serializeState: (snapshot) => currentStep(snapshot as FlowSnapshot),
    events: (snapshot) => byId.get(currentStep(snapshot as FlowSnapshot))!.exits.map((e) => ({ type: 'CHOOSE' as const, choice: e.id })),
  });
  const routeTo = new Map(shortest.map((p) => [currentStep(p.state as FlowSnapshot), p.steps.slice(1).map((s) => s.event)]));
  const result: EdgeCoverage = { edges: 0, covered: 0, failures: [] };
  for (const step of flow.steps) {
    for (const exit of step.exits) {
      result.edges++;
      const route = routeTo.get(step.id);
      if (!route) {
        result.failures.push(`${step.id} → ${exit.next}: no path reaches ${step.id}`);
        continue;
      }
      const actor = createActor(machine).start();
      for (const event of route) actor.send(event);
      actor.send({ type: 'CHOOSE', choice: exit.id });
      const end = currentStep(actor.getSnapshot());
      actor.stop();
      if (end === exit.next) result.covered++;
      else result.failures.push(`${step.id} → ${exit.next}: ended at ${end}`);
    }
  }
  return result;
}
