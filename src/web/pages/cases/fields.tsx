/**
 * Form controls the case and person forms need beyond components/Field: a group of checkboxes (a
 * multi-select that works with a thumb and a screen reader) and a single checkbox.
 */
import { useId, type ReactNode } from 'react';
import { describedBy, FieldMessages } from '../../components/Field.js';

interface CheckboxGroupProps<V extends string> {
  legend: string;
  name: string;
  options: readonly V[];
  value: readonly V[];
  onChange(value: V[]): void;
  label(option: V): string;
  error?: string | undefined;
  disabled?: boolean;
  hint?: string | undefined;
}

/** Several choices from a closed list, in the list's order. */
export function CheckboxGroup<V extends string>(props: CheckboxGroupProps<V>) {
  const id = useId();
  function toggle(option: V, checked: boolean) {
    const next = new Set(props.value);
    if (checked) next.add(option);
    else next.delete(option);
    props.onChange(props.options.filter((candidate) => next.has(candidate)));
  }
  return (
    <fieldset
      className={props.error ? 'checkbox-group field--invalid' : 'checkbox-group'}
      aria-describedby={describedBy(id, props.hint, props.error)}
      disabled={props.disabled}
    >
      <legend>{props.legend}</legend>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      <div className="checkbox-options">
        {props.options.map((option) => (
          <label key={option} className="checkbox">
            <input
              type="checkbox"
              name={props.name}
              value={option}
              checked={props.value.includes(option)}
              aria-invalid={props.error ? true : undefined}
              onChange={(event) => toggle(option, event.target.checked)}
            />
            <span>{props.label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One yes/no choice. */
export function CheckboxField(props: {
  label: ReactNode;
  name: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <label className="checkbox checkbox--single">
      <input
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}
