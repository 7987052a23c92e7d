import type { InputHTMLAttributes, TextareaHTMLAttributes } from 'preact';
import { describedBy } from './described-by.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** Said before the error (ErrorMessage). */
  errorPrefix?: string;
  /** The control's other attributes: type, name, value, autocomplete, event handlers… (a textarea takes the same). */
  input: InputHTMLAttributes;
  /** Makes it a textarea of this many rows. */
  rows?: number;
}

/** A labelled text box with its hint and error message, wired together as GOV.UK does. */
export function Field({ id, label, hint, error, errorPrefix, input: { value, ...attributes }, rows }: Props) {
  const control = { id, 'aria-describedby': describedBy(id, hint, error), value, ...attributes };
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <ErrorMessage id={id} message={error} prefix={errorPrefix} />
      {rows ? <textarea {...(control as TextareaHTMLAttributes)} rows={rows} /> : <input {...control} />}
    </div>
  );
}
