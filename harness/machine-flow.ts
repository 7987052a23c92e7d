import type { MachineFlow } from '../src/troubleshooter/compile.ts';
import { exitsOf } from '../src/troubleshooter/flow-model.ts';
import type { FlowFile } from '../src/troubleshooter/flow-schema.ts';

/** The machine's view of a validated flow file: what prepareFlow gives the island, without rendering Markdown. */
export function toMachineFlow(id: string, flow: Pick<FlowFile, 'start' | 'steps'>): MachineFlow {
  return { id, start: flow.start, steps: flow.steps.map((s) => ({ id: s.id, kind: s.kind, exits: exitsOf(s) })) };
}
