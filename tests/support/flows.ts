import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { flowFileSchema } from '../../src/troubleshooter/flow-file.ts';
import type { FlowFile } from '../../src/troubleshooter/flow-schema.ts';
import { projectRoot } from '../../harness/project-copy.ts';

export const flowsDir = join(projectRoot, 'content/flows');

/** Every flow the help center ships, validated with the same schema the build uses. */
export function loadFlows(dir = flowsDir): { id: string; flow: FlowFile }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => ({ id: file.replace(/\.yaml$/, ''), flow: flowFileSchema.parse(parse(readFileSync(join(dir, file), 'utf8'))) }));
}
