/**
 * Labelled form controls: text, select and text area. The hint and the error are tied to the
 * control with aria-describedby, and aria-invalid marks it so the form can move focus to the first
 * field to fix.
 */
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

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

/** The `aria-describedby` of a control whose hint and error carry the ids `FieldMessages` gives. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/**
 * A control's hint and error, under its label or legend; `id` is the control's (or group's) id,
 * so `describedBy(id, hint, error)` names them.
 */
export function FieldMessages({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

function FieldFrame(props: FieldProps & { children: (described: Described) => ReactNode }) {
  const id = useId();
  return (
    <div className={props.error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      {props.children({
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy(id, props.hint, props.error),
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

type TextAreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>;

export function TextAreaField({ label, name, error, hint, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame label={label} name={name} error={error} hint={hint}>
      {(described) => <textarea name={name} rows={6} {...textarea} {...described} />}
    </FieldFrame>
  );
}
