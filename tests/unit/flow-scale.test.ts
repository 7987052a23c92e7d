import { describe, expect, it } from 'vitest';
import { flowFileSchema } from '../../src/troubleshooter/flow-file.ts';
import { toMachineFlow } from '../../harness/machine-flow.ts';
import { coverEveryEdge } from '../../harness/edge-cover.ts';
import { generateFlow } from '../../harness/flow-generator.ts';
import { loadFlows } from '../support/flows.ts';

describe('edge coverage', () => {
  it.each(loadFlows())('takes every choice of the "$id" flow on the compiled machine', ({ id, flow }) => {
    const coverage = coverEveryEdge(toMachineFlow(id, flow));
    expect(coverage.failures).toEqual([]);
    expect(coverage.covered).toBe(
      flow.steps.reduce((n, s) => n + (s.kind === 'question' ? s.choices.length : s.kind === 'instructions' ? 2 : 0), 0),
    );
  });

  it('checks and covers a generated flow of 1,000 steps, loops included', () => {
    const flow = flowFileSchema.parse(generateFlow(1000));
    const coverage = coverEveryEdge(toMachineFlow('generated', flow));
    expect(coverage.failures).toEqual([]);
    expect(coverage.covered).toBeGreaterThan(1900);
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
