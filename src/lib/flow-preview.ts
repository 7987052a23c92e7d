import { resolve } from 'node:path';
import { describeProblem } from '../troubleshooter/flow-files.ts';
import { contentDir } from './content-dir.ts';
import { checkFlowDirectory } from './flow-loader.ts';

/**
 * For `npm run dev` only: the flow files as they are on disk now, checked as the build checks them, each problem
 * as `content/flows/<id>.yaml:<line>:<column>: …`. Read on every page view, so the preview shows an editor's last save.
 */
export async function flowProblemsNow(): Promise<{ broken: Map<string, string[]>; count: number }> {
  const root = process.cwd();
  const { flows, problems } = await checkFlowDirectory(resolve(root, contentDir, 'flows'), root);
  const broken = new Map<string, string[]>();
  for (const problem of problems) broken.set(problem.flow, [...(broken.get(problem.flow) ?? []), describeProblem(problem)]);
  return { broken, count: flows.size + broken.size };
}
