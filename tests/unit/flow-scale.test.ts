import { describe, expect, it } from 'vitest';
import { checkFlowSet } from '../../src/troubleshooter/flow-files.ts';
import { refParts, walkFrom } from '../../src/troubleshooter/walk.ts';
import { coverEveryEdge } from '../../harness/edge-cover.ts';
import { generateFlow, generateFlowSet } from '../../harness/flow-generator.ts';
import { loadFlowSet } from '../support/flows.ts';

const flows = loadFlowSet();

describe('edge coverage', () => {
  it.each([...flows.keys()])('takes every choice of the "%s" flow and the flows it hands over to on the compiled machine', (id) => {
    const walk = walkFrom(id, flows);
    const coverage = coverEveryEdge(walk);
    expect(coverage.failures).toEqual([]);
    // Counted from the files: every choice of every step the walk reaches, in whichever file it is.
    const choices = walk.steps
      .map((s) => flows.get(s.flow)!.steps.find((step) => step.id === refParts(id, s.id).step)!)
      .reduce((n, s) => n + ('choices' in s ? s.choices.length : s.kind === 'instructions' ? 2 : 0), 0);
    expect(coverage.covered).toBe(choices);
  });

  it('checks and covers a generated flow of 1,000 steps, loops included', () => {
    const generated = checkFlowSet([{ id: 'generated', data: generateFlow(1000) }]);
    expect(generated.problems).toEqual([]);
    const coverage = coverEveryEdge(walkFrom('generated', generated.flows));
    expect(coverage.failures).toEqual([]);
    expect(coverage.covered).toBeGreaterThan(1900);
  });

  it('checks and covers 1,000 generated steps over five files, with hand-overs there and back and automatic steps', () => {
    const files = generateFlowSet(1000);
    const kinds = files.flatMap((f) => f.data.steps.map((s) => s.kind));
    expect(kinds.filter((k) => k === 'flow').length).toBe(8);
    expect(kinds.filter((k) => k === 'auto').length).toBeGreaterThan(20);
    const generated = checkFlowSet(files);
    expect(generated.problems).toEqual([]);
    const walk = walkFrom('generated', generated.flows);
    expect(new Set(walk.steps.map((s) => s.flow)).size).toBe(5);
    const coverage = coverEveryEdge(walk);
    expect(coverage.failures).toEqual([]);
    expect(coverage.covered).toBe(coverage.edges);
  });

  it('reports a choice it could not reach', () => {
    const coverage = coverEveryEdge({
      id: 'orphaned',
      start: 'a',
      steps: [
        { id: 'a', kind: 'question', exits: [{ id: 'b', label: 'B', next: 'b' }] },
        { id: 'b', kind: 'outcome', exits: [] },
        { id: 'lost', kind: 'question', exits: [{ id: 'b', label: 'B', next: 'b' }] },
      ],
    });
    expect(coverage).toEqual({ edges: 2, covered: 1, failures: ['lost → b: no path reaches lost'] });
  });
});
