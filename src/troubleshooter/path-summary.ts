import { formatMessage, type Message } from '../i18n/format.ts';
import { DESCRIPTION_MAX } from '../lib/contact-form.ts';
import type { PathEntry } from './compile.ts';
import type { PreparedFlow } from './prepare.ts';

const SUMMARY_MAX = DESCRIPTION_MAX / 2;

export interface PathSummaryText {
  locale: string;
  /** "What I tried in “{title}”:" */
  intro: Message;
  /** "- {step}: {answer}" */
  line: Message;
}

/**
 * What the walk already tells support, in the words the reader saw: the escalate step's description starts with it,
 * so the reader adds their story instead of retyping it. Ends with an empty line for them to write on.
 */
export function summarizePath(flow: PreparedFlow, path: PathEntry[], text: PathSummaryText): string {
  if (path.length === 0) return '';
  const lines = pathAnswers(flow, path).map(({ question, answer }) => formatMessage(text.line, { step: question, answer }, text.locale));
  // A long walk keeps its latest steps, leaving most of the description's room for the reader's own words.
  while (lines.length > 1 && lines.join('\n').length > SUMMARY_MAX) lines.splice(0, lines[0] === '…' ? 2 : 1, '…');
  return `${formatMessage(text.intro, { title: flow.title }, text.locale)}\n${lines.join('\n')}\n\n`;
}

/** Each answer of a walk in the words the reader saw: the step's title and the chosen choice's label. */
export function pathAnswers(flow: PreparedFlow, path: PathEntry[]): { question: string; answer: string }[] {
  const steps = new Map(flow.steps.map((s) => [s.id, s]));
  return path.map(({ step, choice }) => {
    const found = steps.get(step);
    return { question: found?.title ?? step, answer: found?.exits.find((e) => e.id === choice)?.label ?? choice };
  });
}
