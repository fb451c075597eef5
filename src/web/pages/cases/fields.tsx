/**
 * Form controls the case and person forms need beyond components/Field: a text area, a group of
 * checkboxes (a multi-select that works with a thumb and a screen reader) and a single checkbox.
 */
import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';

type TextAreaProps = {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>;

export function TextAreaField({ label, name, error, hint, ...textarea }: TextAreaProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={6}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...textarea}
      />
    </div>
  );
}

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
  const errorId = props.error ? `${id}-error` : undefined;
  const hintId = props.hint ? `${id}-hint` : undefined;
  function toggle(option: V, checked: boolean) {
    const next = new Set(props.value);
    if (checked) next.add(option);
    else next.delete(option);
    props.onChange(props.options.filter((candidate) => next.has(candidate)));
  }
  return (
    <fieldset
      className={props.error ? 'checkbox-group field--invalid' : 'checkbox-group'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
      disabled={props.disabled}
    >
      <legend>{props.legend}</legend>
      {props.hint && (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      )}
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
