/**
 * A troubleshooter's translation may change its words only: the same start, the same steps with the same ids and
 * kinds, the same choices (ids, targets, `when` values) and hand-overs, in the same order. So transcripts, insights
 * and the step pages line up across languages. Each problem names the step, at its line in the translation's file.
 */
import type { FlowFile, Step } from './flow-schema.ts';
import type { FlowFileProblem, FlowInput } from './flow-files.ts';

/** What of a step is graph, not words. */
function shapeOf(step: Step): string[] {
  const exits =
    step.kind === 'question' || step.kind === 'auto'
      ? step.choices.map((c) => `choice "${c.id ?? c.next}" → "${c.next}"${'when' in c && c.when ? ` when ${c.when.join(', ')}` : ''}`)
      : [];
  return [
    `kind ${step.kind}`,
    ...(step.kind === 'instructions' ? [`fixed → "${step.fixed}"`, `next → "${step.next}"`] : []),
    ...(step.kind === 'auto' ? [`by ${step.by}`, `fallback "${step.fallback ?? '(none)'}"`] : []),
    ...(step.kind === 'flow' ? [`hands over to "${step.flow}"${step.step ? ` at "${step.step}"` : ''}`] : []),
    ...(step.kind === 'escalate' ? [`topic ${step.topic ?? '(none)'}`] : []),
    ...(step.kind === 'outcome' ? [`result ${step.result}`] : []),
    ...exits,
  ];
}

export function checkTranslatedFlow(source: FlowFile, sourceFile: string, translation: FlowFile, input: FlowInput): FlowFileProblem[] {
  const problems: FlowFileProblem[] = [];
  const indexOf = (id: string) => translation.steps.findIndex((s) => s.id === id);
  const problem = (step: string | undefined, message: string, path: PropertyKey[]) =>
    problems.push({ flow: input.id, step, message, at: input.locate?.(path) });
  const only = `a translation may only change the words of ${sourceFile}`;

  if (translation.start !== source.start)
    problem(undefined, `start: "${translation.start}" where the source starts at "${source.start}" (${only})`, ['start']);
  const sourceIds = source.steps.map((s) => s.id);
  translation.steps.forEach((step, i) => {
    if (!sourceIds.includes(step.id)) problem(step.id, `step "${step.id}" is not in the source (${only})`, ['steps', i]);
  });
  for (const original of source.steps) {
    const i = indexOf(original.id);
    if (i < 0) {
      problem(original.id, `step "${original.id}" of the source is missing (${only})`, ['steps']);
      continue;
    }
    const expected = shapeOf(original);
    const actual = shapeOf(translation.steps[i]);
    const added = without(actual, expected);
    const dropped = without(expected, actual);
    if (added.length || dropped.length) {
      const said = [...dropped.map((l) => `the source has ${l}`), ...added.map((l) => `the translation has ${l}`)].join('; ');
      problem(original.id, `step "${original.id}": ${said} (${only})`, ['steps', i]);
    } else if (expected.join('\n') !== actual.join('\n')) {
      problem(original.id, `step "${original.id}": the choices are in another order than the source's (${only})`, ['steps', i]);
    }
  }
  return problems;
}

/** The lines of `lines` left after taking out one of each in `taken` (two choices may read the same). */
function without(lines: string[], taken: string[]): string[] {
  const rest = [...taken];
  return lines.filter((line) => {
    const i = rest.indexOf(line);
    if (i >= 0) rest.splice(i, 1);
    return i < 0;
  });
}
