import type { ComponentChildren } from 'preact';
import type { PreparedStep } from '../../troubleshooter/prepare.ts';

/** What a reader can do at a step: choose, confirm a fix, ask support for help, or leave with a link. */
interface Props {
  step: PreparedStep;
  /** "Did this fix it?", asked under instructions. */
  fixed: string;
  onChoose: (choice: string) => void;
  /** What an escalate step shows: the contact form, with the path attached. */
  escalation: ComponentChildren;
}

export function StepActions({ step, fixed, onChoose, escalation }: Props) {
  if (step.kind === 'escalate') return escalation;
  if (step.kind === 'outcome') {
    return step.link ? (
      <p>
        <a class="button" href={step.link.href}>
          {step.link.label}
        </a>
      </p>
    ) : null;
  }
  return (
    <div class="flow-choices" role="group" aria-labelledby={step.kind === 'instructions' ? 'flow-fixed-question' : 'flow-step-heading'}>
      {step.kind === 'instructions' && <p id="flow-fixed-question">{fixed}</p>}
      <ul>
        {step.exits.map((exit) => (
          <li key={exit.id}>
            <button type="button" class="choice" onClick={() => onChoose(exit.id)}>
              {exit.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
