/**
 * Labelled form controls: the one field frame (label, hint, error) that every control is drawn in,
 * and plain text, select and text area controls for the few fields outside a form's state (a file
 * to import, a list's local filter). The hint and the error are tied to the control with
 * aria-describedby, and aria-invalid marks it so the form can move focus to the first field to fix.
 * The controls bound to a react-hook-form form are in FormFields.tsx, in the same frame.
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

/** The attributes that tie control `id` to its hint and error, and mark it invalid. */
export const fieldAria = (id: string, hint?: string, error?: string) => ({
  id,
  'aria-invalid': error ? (true as const) : undefined,
  'aria-describedby': describedBy(id, hint, error),
});

/** A field: its label for control `id`, its hint and error, then the control. */
export function FieldFrame(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={props.error ? 'field field--invalid' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      <FieldMessages id={props.id} hint={props.hint} error={props.error} />
      {props.children}
    </div>
  );
}

type InputProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

export function TextField({ label, name, error, hint, ...input }: InputProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input name={name} type="text" {...input} {...fieldAria(id, hint, error)} />
    </FieldFrame>
  );
}

type SelectProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>;

export function SelectField({ label, name, error, hint, children, ...select }: SelectProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select name={name} {...select} {...fieldAria(id, hint, error)}>
        {children}
      </select>
    </FieldFrame>
  );
}

type TextAreaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>;

export function TextAreaField({ label, name, error, hint, ...textarea }: TextAreaProps) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea name={name} rows={6} {...textarea} {...fieldAria(id, hint, error)} />
    </FieldFrame>
  );
}
