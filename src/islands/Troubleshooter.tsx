import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Actor } from 'xstate';
import { compileFlow, currentStep, OUTCOME_TAG, type FlowMachine, type PathEntry } from '../troubleshooter/compile.ts';
import { resumePath } from '../troubleshooter/resume.ts';
import type { PreparedFlow } from '../troubleshooter/prepare.ts';
import { useActor } from './troubleshooter/use-actor.ts';
import { BrowserVariants } from './troubleshooter/BrowserVariants.tsx';
import { hashStep, historyPath, loadSavedPath, savePath, writeHistory } from './troubleshooter/flow-location.ts';
import { reportFlow } from '../client/flow-reports.ts';
import { StepActions } from './troubleshooter/StepActions.tsx';
import ContactForm, { type ContactFormProps, type ContactFormText } from './ContactForm.tsx';
import { formatMessage, type Message } from '../i18n/format.ts';

type FlowActor = Actor<FlowMachine>;

/** Its words, from the message catalogue (src/i18n/island-text.ts); the Message ones it fills in itself. */
export interface TroubleshooterText {
  progress: Message;
  finished: Message;
  announce: Message;
  back: string;
  restart: string;
  fixed: string;
  browsers: string;
  form: ContactFormText;
}

interface Props {
  text: TroubleshooterText;
  flow: PreparedFlow;
  /** For the contact form at escalate steps. */
  topics: ContactFormProps['topics'];
  /** The element holding the no-JavaScript version, hidden once the island runs. */
  fallbackId: string;
}

/** One step at a time; the URL hash, history entries and sessionStorage all follow the machine. */
export default function Troubleshooter({ text, flow, fallbackId, topics }: Props) {
  const { locale } = text.form;
  const machine = useMemo(() => compileFlow(flow), [flow]);
  // A reload keeps the history entry's path; a new tab only has sessionStorage. Either way the URL wins.
  const [reloaded] = useState(() => historyPath(history.state, flow.id) !== undefined);
  const [snapshot, actor] = useActor(machine, (started) =>
    follow(started, flow, resumePath(flow, hashStep(), historyPath(history.state, flow.id) ?? loadSavedPath(flow.id))),
  );
  const steps = useMemo(() => new Map(flow.steps.map((s) => [s.id, s])), [flow]);
  const heading = useRef<HTMLHeadingElement>(null);
  const readerMoved = useRef(false);
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
    writeHistory(flow.id, step === flow.start && path.length === 0 ? undefined : step, path, mode, mode === 'push' ? depth() + 1 : depth());
  };

  useEffect(() => {
    document.getElementById(fallbackId)?.setAttribute('hidden', '');
    record('replace');
    const onPop = (event: PopStateEvent) => {
      readerMoved.current = true;
      const entry = historyPath(event.state, flow.id);
      follow(actor, flow, resumePath(flow, hashStep(), entry ?? now().path));
      if (!entry) record('replace');
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [actor]);

  const stepId = currentStep(snapshot);
  const step = steps.get(stepId)!;
  const path = snapshot.context.path;
  const finished = snapshot.hasTag(OUTCOME_TAG);

  useEffect(() => {
    savePath(flow.id, path);
    setOpenedAt(Date.now());
    // A reload shows a step again but is no new visit; outcomes count only when the reader gets there.
    if (readerMoved.current || !reloaded) reportFlow({ type: 'step_viewed', flow: flow.id, step: stepId });
    if (!readerMoved.current) return;
    if (finished)
      reportFlow({ type: 'outcome', flow: flow.id, step: stepId, result: step.kind === 'escalate' ? 'escalated' : step.result! });
    heading.current?.focus();
    setAnnouncement(formatMessage(text.announce, { step: path.length + 1, title: step.title }, locale));
  }, [stepId, path]);

  const choose = (choice: string) => {
    readerMoved.current = true;
    actor.send({ type: 'CHOOSE', choice });
    record('push');
  };
  const back = () => {
    readerMoved.current = true;
    // Our own history entry behind this one: let the browser go back, so its Back and ours agree.
    if (depth() > 0) return history.back();
    actor.send({ type: 'BACK' });
    record('replace');
  };
  const restart = () => {
    readerMoved.current = true;
    actor.send({ type: 'RESTART' });
    savePath(flow.id, undefined);
    record('push');
  };

  return (
    <div class="flow">
      <p class="flow-progress">
        {formatMessage(finished ? text.finished : text.progress, { step: path.length + 1, count: step.remaining }, locale)}
      </p>
      <section class="flow-step" aria-labelledby="flow-step-heading">
        <h2 id="flow-step-heading" tabIndex={-1} ref={heading}>
          {step.title}
        </h2>
        {step.html && <div class="flow-body" dangerouslySetInnerHTML={{ __html: step.html }} />}
        {step.variants.length > 0 && <BrowserVariants label={text.browsers} stepId={step.id} variants={step.variants} key={step.id} />}
        <StepActions
          step={step}
          fixed={text.fixed}
          onChoose={choose}
          escalation={
            <ContactForm
              key={`${step.id}:${path.length}`}
              text={text.form}
              topics={topics}
              topic={step.topic}
              transcript={{ flow: flow.id, steps: path }}
              startedAt={openedAt}
              onSubmitted={(reference) => actor.send({ type: 'SUBMITTED', reference })}
            />
          }
        />
      </section>
      <div class="flow-controls">
        <button type="button" class="secondary" onClick={back} disabled={path.length === 0}>
          {text.back}
        </button>
        <button type="button" class="secondary" onClick={restart} disabled={path.length === 0 && stepId === flow.start}>
          {text.restart}
        </button>
      </div>
      <p class="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

/** Puts the actor where a path leads: from the start, or from the step a deep link opened. */
function follow(actor: FlowActor, flow: PreparedFlow, path: PathEntry[] | { open: string }): void {
  actor.send({ type: 'RESTART' });
  if ('open' in path) return actor.send({ type: 'GO', step: path.open });
  if (path.length > 0 && path[0].step !== flow.start) actor.send({ type: 'GO', step: path[0].step });
  for (const entry of path) actor.send({ type: 'CHOOSE', choice: entry.choice });
}
