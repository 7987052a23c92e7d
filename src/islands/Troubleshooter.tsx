import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Actor } from 'xstate';
import { compileFlow, currentStep, OUTCOME_TAG, type FlowMachine, type PathEntry } from '../troubleshooter/compile.ts';
import { formatPath } from '../troubleshooter/path-param.ts';
import { pathAnswers, summarizePath, type PathSummaryText } from '../troubleshooter/path-summary.ts';
import type { PreparedFlow, PreparedStep } from '../troubleshooter/prepare.ts';
import { endOf, possiblePrefix, resumePath } from '../troubleshooter/resume.ts';
import { refParts } from '../troubleshooter/walk.ts';
import { flowHref, flowStepHref } from '../lib/links.ts';
import { reportFlow } from '../client/flow-reports.ts';
import { formatMessage, type Message } from '../i18n/format.ts';
import { useActor } from './troubleshooter/use-actor.ts';
import { Escalation } from './troubleshooter/Escalation.tsx';
import { hydration } from './troubleshooter/hydrated.ts';
import { automaticChoice, readerFacts } from './troubleshooter/reader-facts.ts';
import { AnswerList, StepView, type StepViewText } from './troubleshooter/StepView.tsx';
import { hashStep, historyPath, loadSavedPath, savePath, writeHistory } from './troubleshooter/flow-location.ts';
import type { ContactFormProps, ContactFormText } from './ContactForm.tsx';

type FlowActor = Actor<FlowMachine>;

/** Its words, from the message catalogue (src/i18n/island-text.ts); the Message ones it fills in itself. */
export interface TroubleshooterText extends StepViewText {
  progress: Message;
  progressLast: Message;
  finished: Message;
  announce: Message;
  back: string;
  restart: string;
  resume: Message;
  resumeContinue: string;
  resumeRestart: string;
  waiting: string;
  /** "Your answers so far ({count})", the path-so-far list's summary under the step. */
  answersCount: Message;
  summary: PathSummaryText;
  form: ContactFormText;
}

interface Props {
  text: TroubleshooterText;
  flow: PreparedFlow;
  /** For the contact form at escalate steps. */
  topics: ContactFormProps['topics'];
  /** Where the server rendered the walk: a step, and the path that led there. */
  at: { step: string; path: PathEntry[] };
  /**
   * `start`: the flow's own address, where `#<step>` and this tab's saved progress say where the reader is.
   * `step`: a step's own page (`/troubleshoot/<flow>/<step>/?path=…`), whose address says it all.
   */
  entry: 'start' | 'step';
  /** Where the notices script keeps the reader's chosen user type, for automatic steps that pick by it. */
  userTypeKey: string;
  /** On an escalate step's own page: the contact form as the server rendered it (a named slot). */
  form?: ComponentChildren;
}

/**
 * One step at a time. The server renders the step in the address, with links for choices, for every reader; this
 * island takes that markup over and from then on moves without loading pages: the URL hash, history entries and
 * sessionStorage all follow the machine.
 */
export default function Troubleshooter({ text, flow, topics, at, entry, userTypeKey, form }: Props) {
  const { locale } = text.form;
  const machine = useMemo(() => compileFlow(flow), [flow]);
  const steps = useMemo(() => new Map(flow.steps.map((s) => [s.id, s])), [flow]);
  // First exactly the step the server rendered, so hydrating changes nothing; the mount effect then moves on.
  const [snapshot, actor] = useActor(machine, (started) =>
    follow(started, flow, at.path.length || at.step === flow.start ? at.path : { open: at.step }),
  );
  const [ready, setReady] = useState(false);
  /** Progress saved in this tab, offered instead of reopened when the reader comes back to the start. */
  const [offer, setOffer] = useState<PathEntry[]>();
  const heading = useRef<HTMLHeadingElement>(null);
  const readerMoved = useRef(false);
  const reloaded = useRef(false);
  const [announcement, setAnnouncement] = useState('');
  // The form's minimum time to fill counts from when the reader reached the step.
  const [openedAt, setOpenedAt] = useState(() => Date.now());

  const now = () => {
    const snap = actor.getSnapshot();
    return { step: currentStep(snap), path: snap.context.path };
  };
  const depth = () => (history.state as { depth?: number } | null)?.depth ?? 0;
  const record = (mode: 'push' | 'replace') => {
    const { step, path } = now();
    const atStart = step === flow.start && path.length === 0;
    // A step page keeps its own address until the reader moves; from then on the island's `#<step>` addresses.
    const url = mode === 'replace' && entry === 'step' && !readerMoved.current ? location.href : flowHref(flow, atStart ? undefined : step);
    writeHistory(flow.id, url, path, mode, mode === 'push' ? depth() + 1 : depth());
  };
  /** Steps passed without being shown since the last report: automatic ones, and `flow` steps (hand-overs). */
  const passed = useRef<string[]>([]);
  const send = (choice: string) => {
    const via = steps.get(now().step)!.exits.find((e) => e.id === choice)?.via;
    actor.send({ type: 'CHOOSE', choice });
    if (via) passed.current.push(via);
  };
  /** Automatic steps pick their branch at once: the reader never sees them. */
  const settle = () => {
    for (let step = steps.get(now().step)!; step.auto; step = steps.get(now().step)!) {
      passed.current.push(step.id);
      send(automaticChoice(step.auto, readerFacts(userTypeKey)));
    }
  };

  useEffect(() => {
    hydration.done = true;
    const saved = historyPath(history.state, flow.id);
    reloaded.current = saved !== undefined;
    // A history entry's path stands unless the address names another step (the reader changed the hash, then reloaded).
    if (saved) follow(actor, flow, resumePath(flow, hashStep(), saved));
    else if (entry === 'start') {
      const hash = hashStep();
      const stored = possiblePrefix(flow, loadSavedPath(flow.id));
      if (hash) follow(actor, flow, resumePath(flow, hash, stored));
      else if (stored.length > 0) setOffer(stored);
    }
    settle();
    record('replace');
    setReady(true);
    const onPop = (event: PopStateEvent) => {
      readerMoved.current = true;
      setOffer(undefined);
      const entryPath = historyPath(event.state, flow.id);
      follow(actor, flow, resumePath(flow, hashStep(), entryPath ?? now().path));
      settle();
      if (!entryPath) record('replace');
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [actor]);

  const stepId = currentStep(snapshot);
  const step = steps.get(stepId)!;
  const path = snapshot.context.path;
  const finished = snapshot.hasTag(OUTCOME_TAG);
  const where = (ref: string) => {
    const { flow: owner, step: id } = refParts(flow.id, ref);
    return { flow: owner, step: id, version: flow.flows[owner].version };
  };
  const number = path.filter((e) => !steps.get(e.step)?.auto).length + 1;

  useEffect(() => {
    if (!ready) return;
    savePath(flow.id, path);
    setOpenedAt(Date.now());
    // A reload shows a step again but is no new visit. Steps passed on the way count too: insights show the
    // hand-overs and the branches automatic steps take.
    if (readerMoved.current || !reloaded.current)
      for (const ref of [...passed.current, stepId]) reportFlow({ type: 'step_viewed', ...where(ref) });
    passed.current = [];
    if (!readerMoved.current) return;
    if (finished && step.result) reportFlow({ type: 'outcome', ...where(stepId), result: step.result });
    heading.current?.focus();
    setAnnouncement(formatMessage(text.announce, { step: number, title: step.title }, locale));
  }, [stepId, path, ready]);

  const move = (event: MouseEvent, action: () => void) => {
    // Let the browser open the link itself in a new tab or window.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    readerMoved.current = true;
    setOffer(undefined);
    action();
  };
  const choose = (event: MouseEvent, choice: string) =>
    move(event, () => {
      send(choice);
      settle();
      record('push');
    });
  const back = (event: MouseEvent) =>
    move(event, () => {
      // Our own history entry behind this one: let the browser go back, so its Back and ours agree.
      if (depth() > 0) return history.back();
      do actor.send({ type: 'BACK' });
      while (steps.get(now().step)!.auto && now().path.length > 0);
      record('replace');
    });
  const restart = (event: MouseEvent) =>
    move(event, () => {
      actor.send({ type: 'RESTART' });
      settle();
      savePath(flow.id, undefined);
      record('push');
    });
  // Continuing takes the place of the start in history, so Back goes one answer back, not to the offer.
  const resume = (event: MouseEvent) =>
    move(event, () => {
      follow(actor, flow, offer!);
      settle();
      record('replace');
    });

  const backPath = withoutLastAnswer(path, steps);
  const answers = pathAnswers(flow, path);
  const escalation = (
    <Escalation
      key={`${step.id}:${path.length}`}
      waiting={text.waiting}
      serverForm={readerMoved.current ? undefined : form}
      form={{
        text: text.form,
        topics,
        topic: step.topic,
        description: summarizePath(flow, path, text.summary),
        transcript: { flow: flow.id, steps: path },
        startedAt: openedAt,
        suggest: true,
        onSubmitted: (reference) => actor.send({ type: 'SUBMITTED', reference }),
      }}
    />
  );

  return (
    // `data-ready` tells tests (and styles, if ever needed) that the island has taken the server's markup over.
    <div class="flow" data-ready={ready ? '' : undefined}>
      {offer && (
        <div class="flow-resume" role="group" aria-labelledby="flow-resume-text">
          <p id="flow-resume-text">{formatMessage(text.resume, { title: steps.get(endOf(flow, offer))!.title }, locale)}</p>
          <a class="button" href={flowHref(flow, endOf(flow, offer))} onClick={resume}>
            {text.resumeContinue}
          </a>{' '}
          <a class="button secondary" href={flowHref(flow)} onClick={(event) => move(event, () => savePath(flow.id, undefined))}>
            {text.resumeRestart}
          </a>
        </div>
      )}
      <StepView
        step={step}
        text={text}
        heading={heading}
        choiceHref={(choice) =>
          flowStepHref(flow, step.exits.find((e) => e.id === choice)!.next, formatPath([...path, { step: stepId, choice }]))
        }
        onChoose={choose}
        escalation={escalation}
        progress={formatMessage(
          finished ? text.finished : step.questionsLeft > 0 ? text.progress : text.progressLast,
          { step: number, count: step.questionsLeft },
          locale,
        )}
        answers={answers}
      />
      <div class="flow-controls">
        {backPath && (
          // Without JavaScript, Back is the page one answer back, an automatic step's question included.
          <a class="flow-back" href={stepHref(flow, path.slice(0, -1), path)} onClick={back}>
            {text.back}
          </a>
        )}
        {(path.length > 0 || stepId !== flow.start) && (
          <a href={flowHref(flow)} onClick={restart}>
            {text.restart}
          </a>
        )}
      </div>
      {answers.length > 0 && step.kind !== 'escalate' && (
        // The path so far, folded away: Back and Start over are the ways to change it.
        <details class="flow-history">
          <summary>{formatMessage(text.answersCount, { count: answers.length }, locale)}</summary>
          <AnswerList answers={answers} />
        </details>
      )}
      <p class="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** The path one answer back: automatic steps, which the reader never saw, go with the answer before them. */
function withoutLastAnswer(path: PathEntry[], steps: Map<string, PreparedStep>): PathEntry[] | undefined {
  const last = path.findLastIndex((e) => !steps.get(e.step)?.auto);
  return last < 0 ? undefined : path.slice(0, last);
}

/** The page of the step a shortened path leads to: the flow's start, or where a walk that began mid-flow began. */
function stepHref(flow: PreparedFlow, shorter: PathEntry[], path: PathEntry[]): string {
  if (shorter.length === 0 && path[0].step === flow.start) return flowHref(flow);
  return flowStepHref(flow, shorter.length ? endOf(flow, shorter) : path[0].step, formatPath(shorter));
}

/** Puts the actor where a path leads: from the start, or from the step a deep link opened. */
function follow(actor: FlowActor, flow: PreparedFlow, path: PathEntry[] | { open: string }): void {
  actor.send({ type: 'RESTART' });
  if ('open' in path) return actor.send({ type: 'GO', step: path.open });
  if (path.length > 0 && path[0].step !== flow.start) actor.send({ type: 'GO', step: path[0].step });
  for (const entry of path) actor.send({ type: 'CHOOSE', choice: entry.choice });
}
