import type { InputHTMLAttributes } from 'preact';
import { ErrorMessage } from './ErrorMessage.tsx';

interface Props {
  id: string;
  label: string;
  error?: string;
  /** Said before the error (ErrorMessage). */
  errorPrefix?: string;
  /** The box's other attributes: name, value, checked, onChange… */
  input: InputHTMLAttributes;
}

/** One checkbox that must be ticked (a confirmation), with its error message. */
export function Checkbox({ id, label, error, errorPrefix, input }: Props) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <ErrorMessage id={id} message={error} prefix={errorPrefix} />
      <div class="choice">
        <input type="checkbox" id={id} aria-describedby={error && `${id}-error`} {...input} />
        <label for={id}>{label}</label>
      </div>
    </div>
  );
}
