import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getSimplePaths } from 'xstate/graph';
import { compileFlow, currentStep, OUTCOME_TAG, type FlowSnapshot, type PathEntry } from '../../src/troubleshooter/compile.ts';
import { exitsOf, isTerminal, stepMap } from '../../src/troubleshooter/flow-model.ts';
import { toMachineFlow } from '../../harness/machine-flow.ts';
import type { FlowFile } from '../../src/troubleshooter/flow-schema.ts';
import { loadFlows } from '../support/flows.ts';

/** Every simple path from the start to a terminal step, by a plain depth-first walk over the flow file. */
function pathsByDepthFirst(flow: FlowFile): PathEntry[][] {
  const steps = stepMap(flow);
  const found: PathEntry[][] = [];
  const walk = (id: string, seen: Set<string>, path: PathEntry[]) => {
    const step = steps.get(id)!;
    if (isTerminal(step)) return void found.push(path);
    for (const exit of exitsOf(step)) {
      if (seen.has(exit.next)) continue;
      walk(exit.next, new Set(seen).add(exit.next), [...path, { step: id, choice: exit.id }]);
    }
  };
  walk(flow.start, new Set([flow.start]), []);
  return found;
}

describe.each(loadFlows())('every simple path through the "$id" flow', ({ id, flow }) => {
  const machine = compileFlow(toMachineFlow(id, flow));
  const steps = stepMap(flow);
  const paths = getSimplePaths(machine, {
    // The transcript grows on every step, so snapshots are told apart by step alone or loops never end.
    serializeState: (snapshot) => currentStep(snapshot as FlowSnapshot),
    events: (snapshot) =>
      exitsOf(steps.get(currentStep(snapshot as FlowSnapshot))!).map((e) => ({ type: 'CHOOSE' as const, choice: e.id })),
    toState: (snapshot) => (snapshot as FlowSnapshot).hasTag(OUTCOME_TAG),
  });
  const expected = pathsByDepthFirst(flow);
  console.log(
    `flow "${id}": xstate/graph found ${paths.length} simple paths to an outcome; depth-first count over the file: ${expected.length}`,
  );

  it('finds as many paths as an independent walk over the flow file, and the same ones', () => {
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

  it.each(expected.map((p, i) => [i + 1, p.map((e) => e.choice).join(' > ') || '(start is an outcome)', p] as const))(
    'path %i: %s ends in an outcome with a matching transcript',
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
