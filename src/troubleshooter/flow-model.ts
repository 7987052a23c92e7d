import type { FlowFile, Step } from './flow-schema.ts';

/** Every step's ways out, the same shape for questions and instructions; terminal steps have none. */
export interface Exit {
  id: string;
  label: string;
  next: string;
}

export type StepKind = Step['kind'];

export function exitsOf(step: Step): Exit[] {
  switch (step.kind) {
    case 'question':
      return step.choices.map((c) => ({ id: c.id ?? c.next, label: c.label, next: c.next }));
    case 'instructions':
      return [
        { id: 'fixed', label: step.fixedLabel, next: step.fixed },
        { id: 'not-fixed', label: step.nextLabel, next: step.next },
      ];
    default:
      return [];
  }
}

export function isTerminal(step: Pick<Step, 'kind'>): boolean {
  return step.kind === 'escalate' || step.kind === 'outcome';
}

export function stepMap(flow: Pick<FlowFile, 'steps'>): Map<string, Step> {
  return new Map(flow.steps.map((s) => [s.id, s]));
}

/**
 * Fewest choices from each step to any terminal step (0 at a terminal step). Steps that cannot reach
 * one are absent. Breadth-first over reversed edges, so it is linear in the flow's size.
 */
export function distancesToOutcome(flow: Pick<FlowFile, 'steps'>): Map<string, number> {
  const incoming = new Map<string, string[]>();
  for (const step of flow.steps) {
    for (const exit of exitsOf(step)) incoming.set(exit.next, [...(incoming.get(exit.next) ?? []), step.id]);
  }
  const distance = new Map<string, number>();
  const queue = flow.steps.filter(isTerminal).map((s) => s.id);
  for (const id of queue) distance.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const here = queue[i];
    for (const from of incoming.get(here) ?? []) {
      if (distance.has(from)) continue;
      distance.set(from, distance.get(here)! + 1);
      queue.push(from);
    }
  }
  return distance;
}
