import { browserIds, type BrowserId } from '../lib/browsers.ts';
import { browserLabel } from '../lib/component-props.ts';
import { renderMarkdown } from '../lib/markdown/html.ts';
import type { FlowFile } from './flow-schema.ts';
import { distancesToOutcome, exitsOf, type Exit, type StepKind } from './flow-model.ts';

/** A flow as pages and the island use it: Markdown already HTML, distances to an outcome precomputed. */
export interface PreparedStep {
  id: string;
  kind: StepKind;
  title: string;
  html: string;
  variants: { browser: BrowserId; label: string; html: string }[];
  exits: Exit[];
  /** Fewest choices left to reach an outcome or escalation. */
  remaining: number;
  result?: 'resolved' | 'handoff';
  link?: { label: string; href: string };
  topic?: string;
}

export interface PreparedFlow {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  start: string;
  steps: PreparedStep[];
}

const render = (markdown: string | undefined) => (markdown ? renderMarkdown(markdown) : '');

export function prepareFlow(id: string, flow: FlowFile): PreparedFlow {
  const remaining = distancesToOutcome(flow);
  return {
    id,
    title: flow.title,
    description: flow.description,
    keywords: flow.keywords,
    start: flow.start,
    steps: flow.steps.map((step) => ({
      id: step.id,
      kind: step.kind,
      title: step.title,
      html: render(step.body),
      variants: browserIds.flatMap((id) =>
        step.variants?.[id] ? [{ browser: id, label: browserLabel(id), html: render(step.variants[id]) }] : [],
      ),
      exits: exitsOf(step),
      remaining: remaining.get(step.id) ?? 0,
      ...(step.kind === 'outcome' ? { result: step.result, link: step.link } : {}),
      ...(step.kind === 'escalate' && step.topic ? { topic: step.topic } : {}),
    })),
  };
}
