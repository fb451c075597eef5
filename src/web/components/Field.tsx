/**
 * Labelled form controls. The hint and the error are tied to the control with aria-describedby,
 * and aria-invalid marks it so the form can move focus to the first field to fix.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldProps {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: string | undefined;
}

interface Described {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function FieldFrame(props: FieldProps & { children: (described: Described) => ReactNode }) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={props.error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
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
      {props.children({
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy,
      })}
    </div>
  );
}

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

export function TextField({ label, name, error, hint, ...input }: InputProps) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint}>
      {(described) => <input name={name} type="text" {...input} {...described} />}
    </FieldFrame>
  );
}

type SelectProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>;

export function SelectField({ label, name, error, hint, children, ...select }: SelectProps) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint}>
      {(described) => (
        <select name={name} {...select} {...described}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
