import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { compileFlow, currentStep, OUTCOME_TAG, type FlowSnapshot, type PathEntry } from '../../src/troubleshooter/compile.ts';
import { exitsOf, isTerminal } from '../../src/troubleshooter/flow-model.ts';
import type { FlowFile, Step } from '../../src/troubleshooter/flow-schema.ts';
import { walkFrom } from '../../src/troubleshooter/walk.ts';
import { loadFlowSet } from '../support/flows.ts';

const flows = loadFlowSet();

/**
 * Every simple path from a flow's start to an end, by a plain depth-first walk over the flow files themselves:
 * `flow` steps followed into the file they name, automatic steps taken like questions (each branch is a path).
 * Independent of walk.ts and the machine, so the two counts check each other.
 */
function pathsByDepthFirst(root: string, files: Map<string, FlowFile>): PathEntry[][] {
  const find = (flow: string, id: string): Step => files.get(flow)!.steps.find((s) => s.id === id)!;
  const land = (flow: string, id: string): [string, Step] => {
    let step = find(flow, id);
    while (step.kind === 'flow') {
      flow = step.flow;
      step = find(flow, step.step ?? files.get(flow)!.start);
    }
    return [flow, step];
  };
  const name = (flow: string, step: Step) => (flow === root ? step.id : `${flow}/${step.id}`);
  const found: PathEntry[][] = [];
  const walk = (flow: string, step: Step, seen: Set<string>, path: PathEntry[]) => {
    if (isTerminal(step)) return void found.push(path);
    for (const exit of exitsOf(step)) {
      const [nextFlow, next] = land(flow, exit.next);
      if (seen.has(name(nextFlow, next))) continue;
      walk(nextFlow, next, new Set(seen).add(name(nextFlow, next)), [...path, { step: name(flow, step), choice: exit.id }]);
    }
  };
  const [flow, start] = land(root, files.get(root)!.start);
  walk(flow, start, new Set([name(flow, start)]), []);
  return found;
}

describe.each([...flows.keys()])('every simple path through the "%s" flow, across hand-overs and automatic steps', (id) => {
  const walk = walkFrom(id, flows);
  const machine = compileFlow(walk);
  const steps = new Map(walk.steps.map((s) => [s.id, s]));
  const paths = getSimplePaths(machine, {
    // The transcript grows on every step, so snapshots are told apart by step alone or loops never end.
    serializeState: (snapshot) => currentStep(snapshot as FlowSnapshot),
    events: (snapshot) => steps.get(currentStep(snapshot as FlowSnapshot))!.exits.map((e) => ({ type: 'CHOOSE' as const, choice: e.id })),
    toState: (snapshot) => (snapshot as FlowSnapshot).hasTag(OUTCOME_TAG),
  });
  const expected = pathsByDepthFirst(id, flows);
  console.log(
    `flow "${id}": xstate/graph found ${paths.length} simple paths to an end; depth-first count over the files: ${expected.length}`,
  );

  it('finds as many paths as an independent walk over the flow files, and the same ones', () => {
    expect(paths.length).toBe(expected.length);
    const asText = (p: PathEntry[]) => p.map((e) => `${e.step}:${e.choice}`).join(' > ');
    // Snapshots are shared between paths that meet, so read each path's choices from its events.
    const fromGraph = paths.map((p) =>
      p.steps
        .slice(1)
        .map((s, i) => ({ step: currentStep(p.steps[i].state as FlowSnapshot), choice: (s.event as { choice: string }).choice })),
    );
    expect(new Set(fromGraph.map(asText))).toEqual(new Set(expected.map(asText)));
  });

  it('takes every branch of every automatic step, and enters every flow it hands over to', () => {
    const taken = new Set(expected.flatMap((p) => p.map((e) => `${e.step}:${e.choice}`)));
    const autoBranches = walk.steps.filter((s) => s.kind === 'auto').flatMap((s) => s.exits.map((e) => `${s.id}:${e.id}`));
    expect(autoBranches.filter((b) => !taken.has(b))).toEqual([]);
    const entered = new Set(expected.flatMap((p) => p.map((e) => steps.get(e.step)!.flow)));
    expect(entered).toEqual(new Set(walk.steps.map((s) => s.flow)));
  });

  it.each(expected.map((p, i) => [i + 1, p.map((e) => e.choice).join(' > ') || '(start is an end)', p] as const))(
    'path %i: %s ends at an end with a matching transcript',
    (_n, _label, path) => {
      const actor = createActor(machine).start();
      for (const entry of path) {
        expect(currentStep(actor.getSnapshot())).toBe(entry.step);
        actor.send({ type: 'CHOOSE', choice: entry.choice });
      }
      const end = actor.getSnapshot();
      expect(end.hasTag(OUTCOME_TAG)).toBe(true);
      expect(['outcome', 'escalate']).toContain(steps.get(currentStep(end))!.kind);
      expect(end.context.path).toEqual(path);
    },
  );
});
