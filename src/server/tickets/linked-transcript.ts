import { troubleshooterText } from '../../i18n/island-text.ts';
import { parsePath } from '../../troubleshooter/path-param.ts';
import { summarizePath } from '../../troubleshooter/path-summary.ts';
import { validateTranscript, type Transcript } from '../../troubleshooter/transcript.ts';
import { catalog, flowsById } from '../catalog.ts';

export interface LinkedTranscript {
  transcript: Transcript;
  /** What the path already says, for the description to start from, as the escalate step does. */
  description: string;
  /** The topic of the step the path ends at, when that step names one. */
  topic?: string;
}

/**
 * A troubleshooter walk carried by a link to the contact form, `?flow=<id>&path=<step:choice,…>` (the MCP server's
 * contact_support_link writes these): the form then attaches it as the escalate step's form would. A flow or path
 * that the flows cannot produce gives nothing, and the form opens plain: a stale link must not stop anyone writing.
 */
export async function linkedTranscript(params: URLSearchParams): Promise<LinkedTranscript | undefined> {
  const flow = params.get('flow');
  const steps = parsePath(params.get('path'));
  if (!flow || !steps) return undefined;
  const walk = (await catalog()).walks[flow];
  const transcript = { flow, steps };
  if (!walk || validateTranscript(transcript, await flowsById()).length > 0) return undefined;
  const last = steps.at(-1);
  const endId = last ? walk.steps.find((s) => s.id === last.step)?.exits.find((e) => e.id === last.choice)?.next : walk.start;
  const end = walk.steps.find((s) => s.id === endId);
  return { transcript, description: summarizePath(walk, steps, troubleshooterText().summary), topic: end?.topic };
}
