import type { Step } from './flow-schema.ts';

/** Every step's ways out, the same shape for questions, automatic steps and instructions; ends have none. */
export interface Exit {
  id: string;
  label: string;
  next: string;
}

export type StepKind = Step['kind'];

export function exitsOf(step: Step): Exit[] {
  switch (step.kind) {
    case 'question':
    case 'auto':
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

/** Where a walk ends: the reader leaves with a fix, a link elsewhere, or a request to support. */
export function isTerminal(step: Pick<Step, 'kind'>): boolean {
  return step.kind === 'escalate' || step.kind === 'outcome';
}
