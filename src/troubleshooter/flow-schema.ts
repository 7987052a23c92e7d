import { z } from 'astro/zod';
import { browserIds } from '../lib/browsers.ts';
import { audienceIds, languageCodes, topicIds } from '../site.config.ts';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const stepId = z.string().regex(ID_PATTERN, { error: 'step ids are lowercase words joined by hyphens' });
const flowId = z.string().regex(ID_PATTERN, { error: 'flow ids are file names: lowercase words joined by hyphens' });
const articleSlug = z.string().regex(ID_PATTERN, { error: 'an article is named by its slug, the file name without .mdx' });

const common = {
  id: stepId,
  title: z.string().min(1),
  /** Markdown, rendered at build time. */
  body: z.string().optional(),
  /** Per-browser Markdown shown under the body; the reader's browser is chosen first. */
  variants: z.partialRecord(z.enum(browserIds), z.string().min(1)).optional(),
  /** Slugs of help articles about this step, listed under it. */
  articles: z.array(articleSlug).max(5).optional(),
};

const choice = z.strictObject({
  /** Names the choice in transcripts; defaults to the target step id. */
  id: stepId.optional(),
  label: z.string().min(1),
  next: stepId,
});

/** What an automatic step can know about a reader without asking, and the values each fact can take. */
export const READER_FACTS = {
  browser: browserIds,
  device: ['mobile', 'desktop'],
  'user-type': audienceIds,
  /** The page's language (src/site.config.ts `languages`), as `<html lang>` says. */
  language: languageCodes,
} as const satisfies Record<string, readonly string[]>;
export type ReaderFact = keyof typeof READER_FACTS;

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
/**
 * Takes the branch whose `when` holds what the reader's browser knows (their browser, phone or computer, the user
 * type they chose), without asking; `fallback` names the choice taken when none does. Without JavaScript it is
 * asked like a question, with the same choices. graph-checks.ts holds the values and the fallback to the fact.
 */
const auto = z.strictObject({
  kind: z.literal('auto'),
  ...common,
  by: z.enum(Object.keys(READER_FACTS) as [ReaderFact, ...ReaderFact[]]),
  choices: z.array(choice.extend({ when: z.array(z.string().min(1)).min(1).optional() })),
  fallback: stepId.optional(),
});
const escalate = z.strictObject({ kind: z.literal('escalate'), ...common, topic: z.enum(topicIds).optional() });
const outcome = z.strictObject({
  kind: z.literal('outcome'),
  ...common,
  result: z.enum(['resolved', 'handoff']),
  link: z.strictObject({ label: z.string().min(1), href: z.string().startsWith('/') }).optional(),
});
/** Hands the reader to another flow, at its start or at `step`; readers never see this step itself. */
const subflow = z.strictObject({
  kind: z.literal('flow'),
  id: stepId,
  /** For editors and staff: what the hand-over is for (diagrams, transcripts). */
  title: z.string().min(1).optional(),
  flow: flowId,
  step: stepId.optional(),
});

export const stepSchema = z.discriminatedUnion('kind', [question, instructions, auto, escalate, outcome, subflow]);

/**
 * The shape of `content/flows/<id>.yaml`: fields and step kinds only. Whether the steps form a usable graph, in the
 * file and across the files its `flow` steps lead to, is graph-checks.ts's job; flow-files.ts runs both, as the
 * build does.
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
export type AutoStep = Extract<Step, { kind: 'auto' }>;
