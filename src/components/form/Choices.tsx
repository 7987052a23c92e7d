import type { GenericEventHandler } from 'preact';
import { Fieldset } from './Fieldset.tsx';

interface Props {
  type: 'radio' | 'checkbox';
  /** The first box's id, where the error summary's link lands; the others add `-<option id>`. */
  id: string;
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  /** Said before the error (ErrorMessage). */
  errorPrefix?: string;
  /** Each box: `id` is the value it sends. */
  options: readonly { id: string; label: string }[];
  /** The values ticked. */
  checked: readonly string[];
  onChange?: GenericEventHandler<HTMLInputElement>;
}

/** Radios or checkboxes under one question, as GOV.UK lays them out. */
export function Choices({ type, id, name, options, checked, onChange, ...fieldset }: Props) {
  return (
    <Fieldset id={id} {...fieldset}>
      {options.map((option, i) => {
        const box = i === 0 ? id : `${id}-${option.id}`;
        return (
          <div class="choice" key={option.id}>
            <input type={type} id={box} name={name} value={option.id} checked={checked.includes(option.id)} onChange={onChange} />
            <label for={box}>{option.label}</label>
          </div>
        );
      })}
    </Fieldset>
  );
}
