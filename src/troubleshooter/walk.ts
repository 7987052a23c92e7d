import type { FlowFile, Step } from './flow-schema.ts';
import { exitsOf, type Exit, type StepKind } from './flow-model.ts';

export type Flows = ReadonlyMap<string, Pick<FlowFile, 'start' | 'steps'>>;

/**
 * A step's name as seen from the flow a reader started (the root): its own id in the root flow, `<flow>/<step>` in
 * a flow a `flow` step handed them to. Hashes, `?path=` entries and transcripts all use it.
 */
export function stepRef(root: string, flow: string, step: string): string {
  return flow === root ? step : `${flow}/${step}`;
}

/** The flow and step a ref names, read from the root flow. */
export function refParts(root: string, ref: string): { flow: string; step: string } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { flow: root, step: ref } : { flow: ref.slice(0, slash), step: ref.slice(slash + 1) };
}

export interface WalkExit extends Exit {
  /** The ref of the step this choice leads to, `flow` steps passed through. */
  next: string;
  /** The `flow` step this choice hands over through, when it does (its ref), so insights can count the hand-over. */
  via?: string;
}

export interface WalkStep {
  /** Its ref from the root flow. */
  id: string;
  /** The flow whose file holds it. */
  flow: string;
  kind: StepKind;
  exits: WalkExit[];
}

/** Everything a reader who starts one flow can reach: its steps and those of the flows it hands over to. */
export interface Walk {
  id: string;
  start: string;
  steps: WalkStep[];
}

/**
 * Where a step leads once `flow` steps are followed: the first step a reader sees. Undefined when a flow or step is
 * missing or the hand-overs go round in a circle (graph-checks.ts names those).
 */
export function landing(flows: Flows, flow: string, step: string): { flow: string; step: string; via?: string } | undefined {
  let at = { flow, step };
  let via: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const found = flows.get(at.flow)?.steps.find((s) => s.id === at.step);
    if (!found) return undefined;
    if (found.kind !== 'flow') return { ...at, via };
    const key = `${at.flow}/${at.step}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    via ??= key;
    const target = flows.get(found.flow);
    if (!target) return undefined;
    at = { flow: found.flow, step: found.step ?? target.start };
  }
}

/**
 * The steps a reader starting `root` can reach, by ref, with every choice pointing past `flow` steps to the step it
 * shows next. What the machine (compile.ts), the pages and the path tests walk. Assumes checked flows.
 */
export function walkFrom(root: string, flows: Flows): Walk {
  const rootFlow = flows.get(root);
  if (!rootFlow) throw new Error(`there is no flow "${root}"`);
  const ref = (at: { flow: string; step: string }) => stepRef(root, at.flow, at.step);
  const relative = (absolute: string) => ref(refParts('', absolute));
  const first = landing(flows, root, rootFlow.start);
  if (!first) throw new Error(`flow "${root}": its start does not lead to a step`);
  const steps: WalkStep[] = [];
  const queued = new Set([ref(first)]);
  const queue = [first];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i];
    const step = flows.get(at.flow)!.steps.find((s) => s.id === at.step)! as Step;
    const exits = exitsOf(step).map((exit) => {
      const to = landing(flows, at.flow, exit.next);
      if (!to) throw new Error(`flow "${at.flow}", step "${at.step}": "${exit.label}" leads nowhere`);
      const next = ref(to);
      if (!queued.has(next)) {
        queued.add(next);
        queue.push(to);
      }
      return { ...exit, next, ...(to.via ? { via: relative(to.via) } : {}) };
    });
    steps.push({ id: ref(at), flow: at.flow, kind: step.kind, exits });
  }
  return { id: root, start: ref(first), steps };
}
