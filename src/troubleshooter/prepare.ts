import { browserIds, type BrowserId } from '../lib/browsers.ts';
import { browserLabel } from '../lib/component-props.ts';
import { articleHref } from '../lib/links.ts';
import { renderMarkdown } from '../lib/markdown/html.ts';
import type { FlowFile, ReaderFact } from './flow-schema.ts';
import { questionsLeft } from './questions-left.ts';
import { flowVersion } from './version.ts';
import { walkFrom, refParts, type WalkExit } from './walk.ts';

/** A step as pages and the island show it: Markdown already HTML, what comes after it precomputed. */
export interface PreparedStep {
  /** Its ref from the flow the reader started: `<step>`, or `<flow>/<step>` in a flow handed over to. */
  id: string;
  /** The flow whose file holds it. */
  flow: string;
  kind: Exclude<FlowFile['steps'][number]['kind'], 'flow'>;
  title: string;
  html: string;
  variants: { browser: BrowserId; label: string; html: string }[];
  exits: WalkExit[];
  /** The most questions still to come after this one ("up to N more questions"). */
  questionsLeft: number;
  /** An automatic step: the fact it picks by, the values each choice takes, the choice when none matches. */
  auto?: { by: ReaderFact; when: Record<string, string[]>; fallback: string };
  articles: { href: string; title: string }[];
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
  /** The flows a reader of this one can be in (it, and those it hands over to): title and graph version. */
  flows: Record<string, { title: string; version: string }>;
  steps: PreparedStep[];
  /** The language it is prepared for, when not the default one (its links lead there: src/lib/links.ts). */
  lang?: string;
  /** Shown in the default language's words, as the flow has no translation into `lang`. */
  untranslated?: boolean;
  /** The languages the flow is written in (src/lib/flows.ts): its switcher and hreflang links. */
  translations?: string[];
}

const render = (markdown: string | undefined) => (markdown ? renderMarkdown(markdown) : '');

/**
 * A flow as a reader walks it, with the steps of the flows its `flow` steps hand over to. `articleTitles` names the
 * published articles a step may link to.
 */
export function prepareFlow(
  id: string,
  flows: ReadonlyMap<string, FlowFile>,
  articleTitles: ReadonlyMap<string, string>,
  lang?: string,
): PreparedFlow {
  const walk = walkFrom(id, flows);
  const left = questionsLeft(walk);
  const owners = new Set(walk.steps.map((s) => s.flow));
  const root = flows.get(id)!;
  return {
    id,
    ...(lang ? { lang } : {}),
    title: root.title,
    description: root.description,
    keywords: root.keywords,
    start: walk.start,
    flows: Object.fromEntries(
      [...owners].sort().map((flow) => [flow, { title: flows.get(flow)!.title, version: flowVersion(flows.get(flow)!) }]),
    ),
    steps: walk.steps.map((walkStep) => {
      const step = flows.get(walkStep.flow)!.steps.find((s) => s.id === refParts(id, walkStep.id).step)!;
      if (step.kind === 'flow') throw new Error(`flow "${id}": a hand-over step is never shown`);
      return {
        id: walkStep.id,
        flow: walkStep.flow,
        kind: step.kind,
        title: step.title,
        html: render(step.body),
        variants: browserIds.flatMap((b) =>
          step.variants?.[b] ? [{ browser: b, label: browserLabel(b, lang), html: render(step.variants[b]) }] : [],
        ),
        exits: walkStep.exits,
        questionsLeft: left.get(walkStep.id)!,
        ...(step.kind === 'auto'
          ? {
              auto: {
                by: step.by,
                when: Object.fromEntries(step.choices.map((c, i) => [walkStep.exits[i].id, c.when ?? []])),
                fallback: step.fallback!,
              },
            }
          : {}),
        // An unknown or draft slug is `npm run check:content`'s to report (with its line), as for articles' `related`.
        articles: (step.articles ?? []).flatMap((slug) => {
          const title = articleTitles.get(slug);
          return title ? [{ href: `${lang ? `/${lang}` : ''}${articleHref(slug)}`, title }] : [];
        }),
        ...(step.kind === 'outcome' ? { result: step.result, link: step.link } : {}),
        ...(step.kind === 'escalate' && step.topic ? { topic: step.topic } : {}),
      };
    }),
  };
}
