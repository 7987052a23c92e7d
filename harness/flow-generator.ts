import type { FlowFile } from '../src/troubleshooter/flow-schema.ts';

/**
 * A deterministic flow of `size` steps shaped like a real one at scale: questions and instructions
 * leading mostly forward, some loops back, and outcomes and escalate steps at the far end.
 */
export function generateFlow(size: number, seed = 7): FlowFile {
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
    if (i % 3 === 1) {
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
      steps.push({ ...base, kind: 'question', choices: targets.map((next) => ({ id: next, label: `Go to ${next}`, next })) });
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
