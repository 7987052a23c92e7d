import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFlowFiles, checkFlowSet, describeProblem } from '../../src/troubleshooter/flow-files.ts';
import type { FlowFile } from '../../src/troubleshooter/flow-schema.ts';
import { projectRoot } from '../../harness/project-copy.ts';

export const flowsDir = join(projectRoot, 'content/flows');

/** Every flow the help center ships, checked together as the build checks them; throws with the build's messages. */
export function loadFlowSet(dir = flowsDir): Map<string, FlowFile> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ id: file.replace(/\.yaml$/, ''), file, text: readFileSync(join(dir, file), 'utf8') }));
  const { flows, problems } = checkFlowFiles(files);
  if (problems.length) throw new Error(problems.map(describeProblem).join('\n'));
  return flows;
}

export function loadFlows(dir = flowsDir): { id: string; flow: FlowFile }[] {
  return [...loadFlowSet(dir)].map(([id, flow]) => ({ id, flow }));
}

/**
 * A small flow for machine tests, `loop` by id: ask → fix → retry → fix loops ("Fix it", then "Again"); "Give up"
 * (id `give-up`) and "Help" lead to the escalate step `help`, the instructions' `fixed` choice to the outcome `done`.
 */
export const loopFlowSet = checkFlowSet([
  {
    id: 'loop',
    data: {
      title: 'Loop',
      description: 'A small flow with a loop in it, for machine tests.',
      start: 'ask',
      steps: [
        {
          id: 'ask',
          kind: 'question',
          title: 'Which?',
          choices: [
            { label: 'Fix it', next: 'fix' },
            { id: 'give-up', label: 'Give up', next: 'help' },
          ],
        },
        { id: 'fix', kind: 'instructions', title: 'Do this', body: 'Steps', fixed: 'done', next: 'retry' },
        {
          id: 'retry',
          kind: 'question',
          title: 'Again?',
          choices: [
            { label: 'Again', next: 'fix' },
            { label: 'Help', next: 'help' },
          ],
        },
        { id: 'done', kind: 'outcome', result: 'resolved', title: 'Done' },
        { id: 'help', kind: 'escalate', title: 'Contact us' },
      ],
    },
  },
]).flows;
