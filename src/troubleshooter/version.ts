import { createHash } from 'node:crypto';
import type { FlowFile } from './flow-schema.ts';
import { exitsOf } from './flow-model.ts';

/**
 * A flow's version: a digest of its graph (step ids, kinds, where each choice leads, what an automatic step picks
 * by, whom a `flow` step hands over to). Rewording a step keeps it; adding, removing or rewiring one changes it, so
 * insights never mix one graph's drop-off with another's.
 */
export function flowVersion(flow: Pick<FlowFile, 'start' | 'steps'>): string {
  const graph = [
    flow.start,
    ...flow.steps.map((s) => [
      s.id,
      s.kind,
      ...exitsOf(s).map((e) => `${e.id}>${e.next}`),
      ...(s.kind === 'auto' ? [s.by, s.fallback, ...s.choices.map((c) => (c.when ?? []).join('|'))] : []),
      ...(s.kind === 'flow' ? [s.flow, s.step] : []),
    ]),
  ];
  return createHash('sha256').update(JSON.stringify(graph)).digest('hex').slice(0, 12);
}

export const VERSION_PATTERN = /^[0-9a-f]{12}$/;
