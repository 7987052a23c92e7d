import type { FlowFile } from './flow-schema.ts';
import { distancesToOutcome, exitsOf } from './flow-model.ts';

export interface FlowProblem {
  step: string;
  message: string;
}

/**
 * What makes a flow unusable even when every field is well-formed: duplicate ids, targets that do not
 * exist, steps nobody reaches, and steps from which no outcome can be reached (cycles are fine otherwise).
 */
export function checkFlowGraph(flow: Pick<FlowFile, 'start' | 'steps'>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const ids = new Set<string>();
  for (const step of flow.steps) {
    if (ids.has(step.id)) problems.push({ step: step.id, message: `step "${step.id}" is defined more than once` });
    ids.add(step.id);
  }
  if (!ids.has(flow.start)) problems.push({ step: flow.start, message: `the start step "${flow.start}" does not exist` });

  for (const step of flow.steps) {
    if (step.kind === 'question' && step.choices.length === 0) {
      problems.push({ step: step.id, message: `step "${step.id}" is a question with no choices` });
    }
    if (step.kind === 'instructions' && !step.body && !step.variants) {
      problems.push({ step: step.id, message: `step "${step.id}" gives instructions but has no body or variants` });
    }
    const seen = new Set<string>();
    for (const exit of exitsOf(step)) {
      if (!ids.has(exit.next))
        problems.push({ step: step.id, message: `step "${step.id}": "${exit.label}" leads to unknown step "${exit.next}"` });
      if (seen.has(exit.id))
        problems.push({ step: step.id, message: `step "${step.id}" has two choices with the id "${exit.id}"; give one an id` });
      seen.add(exit.id);
    }
  }
  if (problems.length) return problems; // reachability means little until every target exists

  const reached = new Set([flow.start]);
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const queue = [flow.start];
  for (let i = 0; i < queue.length; i++) {
    for (const exit of exitsOf(byId.get(queue[i])!)) {
      if (!reached.has(exit.next)) {
        reached.add(exit.next);
        queue.push(exit.next);
      }
    }
  }
  const distance = distancesToOutcome(flow);
  for (const step of flow.steps) {
    if (!reached.has(step.id))
      problems.push({ step: step.id, message: `step "${step.id}" cannot be reached from the start step "${flow.start}"` });
    else if (!distance.has(step.id))
      problems.push({ step: step.id, message: `step "${step.id}": no outcome or escalation can be reached from here` });
  }
  return problems;
}
