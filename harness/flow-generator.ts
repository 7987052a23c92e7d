import type { FlowFile } from '../src/troubleshooter/flow-schema.ts';

interface Shape {
  /** Where hand-over steps go: position in this flow → the flow they hand over to (at its start). */
  handOvers?: Map<number, string>;
  /** Make the last inner step a hand-over back to this flow and step (a loop of flows, with a way out). */
  backTo?: { flow: string; step: string };
}

/**
 * A deterministic flow of `size` steps shaped like a real one at scale: questions and instructions
 * leading mostly forward, some loops back, automatic steps picking by browser now and then, and outcomes
 * and escalate steps at the far end; with `shape`, hand-overs to other flows.
 */
export function generateFlow(size: number, seed = 7, shape: Shape = {}): FlowFile {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (from: number, to: number) => from + Math.floor(random() * (to - from));
  const ends = Math.max(2, Math.floor(size / 20));
  const inner = size - ends;
  const id = (i: number) => `s${i}`;
  const forward = (i: number) => id(Math.min(size - 1, i + 1 + pick(0, 40)));
  const steps: FlowFile['steps'] = [];
  for (let i = 0; i < inner; i++) {
    const base = { id: id(i), title: `Step ${i}`, body: `Try fix number ${i}.` };
    const handOver = shape.handOvers?.get(i);
    if (handOver) {
      steps.push({ id: id(i), kind: 'flow', title: `Hand over to ${handOver}`, flow: handOver });
    } else if (shape.backTo && i === inner - 1) {
      steps.push({ id: id(i), kind: 'flow', title: 'Hand back', ...shape.backTo });
    } else if (i % 3 === 1) {
      steps.push({
        ...base,
        kind: 'instructions',
        fixed: id(inner + pick(0, ends)),
        next: id(i + 1),
        fixedLabel: 'Fixed',
        nextLabel: 'Not fixed',
      });
    } else {
      // Questions lead on, jump ahead, and now and then loop back to an earlier step.
      const loop = i > 10 && random() < 0.2 ? [id(pick(0, i))] : [];
      const targets = [...new Set([id(i + 1), forward(i), ...loop])];
      const choices = targets.map((next) => ({ id: next, label: `Go to ${next}`, next }));
      if (i % 11 === 5 && targets.length > 1) {
        // An automatic step: Firefox takes the first branch, Chrome and Edge the second, the rest the last.
        const when = [['firefox'], ['chrome', 'edge']];
        steps.push({
          ...base,
          kind: 'auto',
          by: 'browser',
          choices: choices.map((c, k) => (k < when.length && k < choices.length - 1 ? { ...c, when: when[k] } : c)),
          fallback: choices.at(-1)!.id,
        });
      } else steps.push({ ...base, kind: 'question', choices });
    }
  }
  for (let i = inner; i < size; i++) {
    steps.push(
      i % 2
        ? { id: id(i), kind: 'escalate', title: `Contact us ${i}` }
        : { id: id(i), kind: 'outcome', result: 'resolved', title: `Solved ${i}` },
    );
  }
  return { title: `Generated flow of ${size} steps`, description: 'A synthetic flow for scale checks.', keywords: [], start: id(0), steps };
}

/**
 * `size` steps over several files, as the build checks them together: a main flow (`generated`) handing over to
 * `subFlows` flows of a tenth of the size each, every one of which hands back to the step after the hand-over.
 */
export function generateFlowSet(size: number, subFlows = 4, seed = 7): { id: string; data: FlowFile }[] {
  const subSize = Math.floor(size / 10);
  const mainSize = size - subFlows * subSize;
  const inner = mainSize - Math.max(2, Math.floor(mainSize / 20));
  // Hand-overs spread through the main flow, each on a step that its predecessor's "next" reaches.
  const at = Array.from({ length: subFlows }, (_, k) => Math.floor((inner * (k + 1)) / (subFlows + 1)));
  const subs = at.map((position, k) => ({
    id: `generated-sub-${k + 1}`,
    data: generateFlow(subSize, seed + k + 1, { backTo: { flow: 'generated', step: `s${position + 1}` } }),
  }));
  const main = generateFlow(mainSize, seed, { handOvers: new Map(at.map((position, k) => [position, subs[k].id])) });
  return [{ id: 'generated', data: main }, ...subs];
}
