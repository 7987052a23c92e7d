import { describe, expect, it } from 'vitest';
import { questionsLeft } from '../../src/troubleshooter/questions-left.ts';
import { walkFrom, type Walk } from '../../src/troubleshooter/walk.ts';
import { loadFlowSet, loopFlowSet } from '../support/flows.ts';

/** Every simple walk from the start to an end, as the steps it passes. */
function simpleWalks(walk: Walk): string[][] {
  const steps = new Map(walk.steps.map((s) => [s.id, s]));
  const found: string[][] = [];
  const go = (id: string, trail: string[]) => {
    const step = steps.get(id)!;
    if (step.exits.length === 0) return void found.push([...trail, id]);
    for (const exit of step.exits) if (!trail.includes(exit.next) && exit.next !== id) go(exit.next, [...trail, id]);
  };
  go(walk.start, []);
  return found;
}

describe('"Up to N more questions"', () => {
  // ask → fix → retry → fix loops; leaving it leads to the end.

  it('counts a loop once: finite, the same all round the loop, and falling once the reader leaves it', () => {
    const left = questionsLeft(walkFrom('loop', loopFlowSet));
    expect(Object.fromEntries(left)).toEqual({ ask: 2, fix: 1, retry: 1, done: 0, help: 0 });
  });

  it.each([['loop', loopFlowSet] as const, ...[...loadFlowSet()].map(([id]) => [id, loadFlowSet()] as const)])(
    '"%s": N never rises after an answer, and no simple walk asks more than it promised',
    (id, flows) => {
      const walk = walkFrom(id, flows);
      const left = questionsLeft(walk);
      const asked = new Set(walk.steps.filter((s) => s.exits.length > 0).map((s) => s.id));
      for (const step of walk.steps) {
        for (const exit of step.exits) {
          if (asked.has(exit.next)) expect(left.get(exit.next)!, `${step.id} → ${exit.next}`).toBeLessThanOrEqual(left.get(step.id)!);
        }
      }
      for (const trail of simpleWalks(walk)) {
        trail.forEach((step, i) => {
          const stillAsked = trail.slice(i + 1).filter((s) => asked.has(s)).length;
          expect(stillAsked, `${trail.join(' > ')} at ${step}`).toBeLessThanOrEqual(left.get(step)!);
        });
      }
    },
  );
});
