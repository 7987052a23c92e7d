import type { FlowFile } from './flow-schema.ts';
import { exitsOf, type StepKind } from './flow-model.ts';

/** How a step ends a walk, marked on the diagram; undefined for steps that lead on. */
export type DiagramEnd = 'resolved' | 'handoff' | 'escalate';

export interface DiagramNode {
  id: string;
  kind: StepKind;
  title: string;
  end?: DiagramEnd;
  /** A `flow` step: where it hands the reader over to (`<flow>` or `<flow>/<step>`). */
  handsOverTo?: string;
  start: boolean;
}

export interface DiagramEdge {
  /** `<step>:<choice>`: unique in the flow. */
  id: string;
  from: string;
  to: string;
  label: string;
}

/** One flow file's graph as a diagram draws it: every step once, every choice once, as a labelled arrow. */
export function diagramInput(flow: Pick<FlowFile, 'start' | 'steps'>): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const nodes = flow.steps.map((step): DiagramNode => {
    const base = { id: step.id, kind: step.kind, start: step.id === flow.start };
    switch (step.kind) {
      case 'flow':
        return { ...base, title: step.title ?? step.id, handsOverTo: step.step ? `${step.flow}/${step.step}` : step.flow };
      case 'outcome':
        return { ...base, title: step.title, end: step.result };
      case 'escalate':
        return { ...base, title: step.title, end: 'escalate' };
      default:
        return { ...base, title: step.title };
    }
  });
  const edges = flow.steps.flatMap((step) =>
    exitsOf(step).map((exit) => ({ id: `${step.id}:${exit.id}`, from: step.id, to: exit.next, label: exit.label })),
  );
  return { nodes, edges };
}
