/**
 * Form controls bound to the surrounding react-hook-form form by name: the label, hint and error
 * come with the control, and the value is converted on the way in (a blank answer becomes null or
 * undefined, a number field a number) so the shared schema checks what the API will receive.
 */
import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { get, useController, useFormContext, type RegisterOptions } from 'react-hook-form';
import { describedBy, FieldMessages } from './Field.js';
import { DepartmentOptions } from './DepartmentSelect.js';

interface Bound {
  name: string;
  label: string;
  hint?: string | undefined;
  /** What a blank answer becomes: kept as '' (default for text), null, or left out (undefined). */
  blank?: 'keep' | 'null' | 'undefined';
}

function valueAs(blank: Bound['blank'], number: boolean) {
  return (value: unknown) => {
    if (typeof value !== 'string') return value;
    const text = number ? value.trim() : value;
    if (text.trim() === '' && blank !== 'keep') return blank === 'null' ? null : undefined;
    if (number) return text === '' ? text : Number(text);
    return blank === 'keep' ? value : value.trim();
  };
}

function useBound({ name, blank = 'keep' }: Bound, number = false) {
  const { register, formState } = useFormContext();
  const id = useId();
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  const options: RegisterOptions = { setValueAs: valueAs(blank, number) };
  return { id, error, registered: register(name, options) };
}

function Frame({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

const aria = (id: string, hint?: string, error?: string) => ({
  id,
  'aria-invalid': error ? (true as const) : undefined,
  'aria-describedby': describedBy(id, hint, error),
});

type InputProps = Bound & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'value' | 'onChange'>;

/** A text, date, number or password input; `type="number"` gives the form a number. */
export function FormText({ name, label, hint, blank, type = 'text', ...input }: InputProps) {
  const { id, error, registered } = useBound({ name, label, blank }, type === 'number');
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input type={type} {...input} {...registered} {...aria(id, hint, error)} />
    </Frame>
  );
}

/**
 * A whole number — a count of persons or places, an age, months, a year: the numeric keyboard on a
 * phone, and never below `min` (0 unless given). The form receives a number.
 */
export function FormNumber({ min = 0, ...props }: Omit<InputProps, 'type' | 'inputMode'>) {
  return <FormText {...props} type="number" inputMode="numeric" min={min} />;
}

type SelectProps = Bound &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'value' | 'onChange'>;

/** A select; a blank choice becomes undefined unless `blank` says otherwise. */
export function FormSelect({ name, label, hint, blank = 'undefined', children, ...select }: SelectProps) {
  const { id, error, registered } = useBound({ name, label, blank });
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select {...select} {...registered} {...aria(id, hint, error)}>
        {children}
      </select>
    </Frame>
  );
}

/** Paraguay's departments, after an empty choice ("none" unless `emptyLabel` says otherwise). */
export function FormDepartment({
  emptyLabel,
  ...props
}: Omit<SelectProps, 'children'> & { emptyLabel?: string }) {
  return (
    <FormSelect {...props}>
      <DepartmentOptions emptyLabel={emptyLabel} />
    </FormSelect>
  );
}

type TextAreaProps = Bound &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id' | 'value' | 'onChange'>;

export function FormTextArea({ name, label, hint, blank, ...textarea }: TextAreaProps) {
  const { id, error, registered } = useBound({ name, label, blank });
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea rows={6} {...textarea} {...registered} {...aria(id, hint, error)} />
    </Frame>
  );
}

/** One yes/no choice, whose value is true or false. */
export function FormCheckbox({ name, label }: { name: string; label: ReactNode }) {
  const { register } = useFormContext();
  return (
    <label className="checkbox checkbox--single">
      <input type="checkbox" {...register(name)} />
      <span>{label}</span>
    </label>
  );
}

interface ChoicesProps<V extends string> {
  name: string;
  legend: string;
  options: readonly V[];
  label(option: V): string;
  hint?: string | undefined;
  disabled?: boolean;
}

/** Several choices from a closed list (an array of values, in the list's order), as checkboxes. */
export function FormChoices<V extends string>({
  name,
  legend,
  options,
  label,
  hint,
  disabled,
}: ChoicesProps<V>) {
  const { field, fieldState } = useController({ name });
  const id = useId();
  const error = fieldState.error?.message;
  const value = (field.value ?? []) as readonly V[];
  function toggle(option: V, checked: boolean) {
    const next = new Set(value);
    if (checked) next.add(option);
    else next.delete(option);
    field.onChange(options.filter((candidate) => next.has(candidate)));
  }
  return (
    <fieldset
      className={error ? 'checkbox-group field--invalid' : 'checkbox-group'}
      aria-describedby={describedBy(id, hint, error)}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="checkbox-options">
        {options.map((option, index) => (
          <label key={option} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={option}
              checked={value.includes(option)}
              aria-invalid={error ? true : undefined}
              ref={index === 0 ? field.ref : undefined}
              onChange={(event) => toggle(option, event.target.checked)}
              onBlur={field.onBlur}
            />
            <span>{label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
