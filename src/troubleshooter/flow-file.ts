import { flowSchema } from './flow-schema.ts';
import { checkFlowGraph } from './graph-checks.ts';

/**
 * A flow file as the build accepts it (the flows collection's schema): its shape (flow-schema.ts), then, once the
 * shape holds, its graph (graph-checks.ts). Each graph problem becomes an issue at its step, so `astro sync`,
 * `astro build` and `astro dev` name the flow's file and the step.
 */
export const flowFileSchema = flowSchema.superRefine((flow, ctx) => {
  for (const problem of checkFlowGraph(flow)) {
    ctx.addIssue({ code: 'custom', path: ['steps', problem.step], message: problem.message });
  }
});
