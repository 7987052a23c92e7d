import type { ComponentChildren } from 'preact';
import { describedBy } from './described-by.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  /** Names its hint and error message (`<id>-hint`, `<id>-error`); the error summary links to the first control's id. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  /** Said before the error (ErrorMessage). */
  errorPrefix?: string;
  children: ComponentChildren;
}

/** A group of controls under one question: the legend, its hint and error message, wired together as GOV.UK does. */
export function Fieldset({ id, legend, hint, error, errorPrefix, children }: Props) {
  return (
    <fieldset class="field" aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorMessage id={id} message={error} prefix={errorPrefix} />
      {children}
    </fieldset>
  );
}
