import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFlowFiles, describeProblem } from '../../src/troubleshooter/flow-files.ts';
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
