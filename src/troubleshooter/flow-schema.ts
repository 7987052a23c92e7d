import { z } from 'astro/zod';
import { browserIds } from '../lib/browsers.ts';
import { topicIds } from '../site.config.ts';

const stepId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'step ids are lowercase words joined by hyphens' });

const common = {
  id: stepId,
  title: z.string().min(1),
  /** Markdown, rendered at build time. */
  body: z.string().optional(),
  /** Per-browser Markdown shown under the body; the reader's browser is chosen first. */
  variants: z.partialRecord(z.enum(browserIds), z.string().min(1)).optional(),
};

const choice = z.strictObject({
  /** Names the choice in transcripts; defaults to the target step id. */
  id: stepId.optional(),
  label: z.string().min(1),
  next: stepId,
});

const question = z.strictObject({ kind: z.literal('question'), ...common, choices: z.array(choice) });
const instructions = z.strictObject({
  kind: z.literal('instructions'),
  ...common,
  /** Where "Yes, that fixed it" leads: usually a resolved outcome. */
  fixed: stepId,
  /** Where "No, still stuck" leads. */
  next: stepId,
  fixedLabel: z.string().min(1).default('Yes, that fixed it'),
  nextLabel: z.string().min(1).default('No, I still need help'),
});
const escalate = z.strictObject({ kind: z.literal('escalate'), ...common, topic: z.enum(topicIds).optional() });
const outcome = z.strictObject({
  kind: z.literal('outcome'),
  ...common,
  result: z.enum(['resolved', 'handoff']),
  link: z.strictObject({ label: z.string().min(1), href: z.string().startsWith('/') }).optional(),
});

export const stepSchema = z.discriminatedUnion('kind', [question, instructions, escalate, outcome]);

/**
 * The shape of `content/flows/<id>.yaml`: fields and step kinds only. Whether the steps form a usable graph is
 * graph-checks.ts's job; flow-file.ts runs both, as the build does.
 */
export const flowSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().min(10),
  /** Other words readers use for the problem; search finds the flow by these, its title and description. */
  keywords: z.array(z.string().min(2)).default([]),
  start: stepId,
  steps: z.array(stepSchema).min(1),
});

export type FlowFile = z.infer<typeof flowSchema>;
export type Step = z.infer<typeof stepSchema>;
