import type { ComponentChildren, Ref } from 'preact';
import type { PreparedStep } from '../../troubleshooter/prepare.ts';
import { BrowserVariants } from './BrowserVariants.tsx';

export interface StepViewText {
  /** "Did this fix it?", asked under instructions. */
  fixed: string;
  browsers: string;
  articles: string;
  /** "Your answers so far", above the escalate step's form. */
  answers: string;
}

/** One answer of the walk, in the words the reader saw. */
export interface Answer {
  question: string;
  answer: string;
}

/** The walk so far: each question and the answer chosen (the escalate step shows it, and the path-so-far list). */
export function AnswerList({ answers }: { answers: Answer[] }) {
  return (
    <dl class="flow-answer-list">
      {answers.map(({ question, answer }, i) => (
        <div key={i}>
          <dt>{question}</dt>
          <dd>{answer}</dd>
        </div>
      ))}
    </dl>
  );
}

interface Props {
  step: PreparedStep;
  text: StepViewText;
  /** Each choice's address: the next step's own page, with the path extended (it works without JavaScript). */
  choiceHref: (choice: string) => string;
  onChoose: (event: MouseEvent, choice: string) => void;
  /** What an escalate step shows: the contact form, with the path attached. */
  escalation: ComponentChildren;
  heading: Ref<HTMLHeadingElement>;
  /** "Step 2 of up to 6", shown above the question. */
  progress: string;
  /** The answers that led here; the escalate step shows them above its form, so the form continues the walk. */
  answers: Answer[];
}

/**
 * One step, as the server renders it for every reader and the island takes it over: the same elements either way,
 * so nothing moves when the script arrives. Choices are links to the next step's page, which the island follows
 * without leaving the page.
 */
export function StepView({ step, text, choiceHref, onChoose, escalation, heading, progress, answers }: Props) {
  return (
    <section class="flow-step" aria-labelledby="flow-step-heading">
      <p class="flow-progress">{progress}</p>
      <h2 id="flow-step-heading" tabIndex={-1} ref={heading}>
        {step.title}
      </h2>
      {step.html && <div class="flow-body" dangerouslySetInnerHTML={{ __html: step.html }} />}
      {step.variants.length > 0 && <BrowserVariants label={text.browsers} stepId={step.id} variants={step.variants} key={step.id} />}
      {step.kind === 'escalate' && answers.length > 0 && (
        <section class="flow-answers" aria-labelledby="flow-answers-heading">
          <h3 id="flow-answers-heading">{text.answers}</h3>
          <AnswerList answers={answers} />
        </section>
      )}
      {step.kind === 'escalate' && escalation}
      {step.kind === 'outcome' && step.link && (
        <p>
          <a class="button" href={step.link.href}>
            {step.link.label}
          </a>
        </p>
      )}
      {step.exits.length > 0 && (
        <div class="flow-choices" role="group" aria-labelledby={step.kind === 'instructions' ? 'flow-fixed-question' : 'flow-step-heading'}>
          {step.kind === 'instructions' && <p id="flow-fixed-question">{text.fixed}</p>}
          <ul class="flow-options">
            {step.exits.map((exit) => (
              <li key={exit.id}>
                <a class="flow-option" href={choiceHref(exit.id)} onClick={(event) => onChoose(event, exit.id)}>
                  {exit.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {step.articles.length > 0 && (
        <nav class="flow-articles" aria-labelledby="flow-articles-heading">
          <h3 id="flow-articles-heading">{text.articles}</h3>
          <ul>
            {step.articles.map((article) => (
              <li key={article.href}>
                <a href={article.href}>{article.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}
