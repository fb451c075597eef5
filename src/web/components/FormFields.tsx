/**
 * Form controls bound to the surrounding react-hook-form form by name: the label, hint and error
 * come with the control, and the value is converted on the way in (a blank answer becomes null or
 * undefined, a number field a number) so the shared schema checks what the API will receive.
 *
 * A control's words come from one message key, `msg`: its label is that message and its hint the
 * message `<msg>Hint` where the catalogue has one (`hint` given, or `false`, overrides it). A text
 * control's `maxLength` is the form's schema's limit for that field unless given.
 */
import {
  createContext,
  useContext,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { get, useController, useFormContext, type RegisterOptions } from 'react-hook-form';
import type { z } from 'zod';
import { stringLimit } from '../forms.js';
import type { PlainKey } from '../i18n/catalogue.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { hasMessage } from '../i18n/translate.js';
import { valueOptions, type ValueListName } from '../i18n/values.js';
import { describedBy, FieldFrame, fieldAria, FieldMessages } from './Field.js';
import { DepartmentOptions } from './DepartmentSelect.js';
import { Options } from './Options.js';

/** The schema the surrounding form is checked with (set by `<Form>`), for the fields' limits. */
export const FormSchemaContext = createContext<z.core.$ZodType | undefined>(undefined);

/** What names a control: a message key (label, and hint by convention) or the words themselves. */
export interface Words {
  /** The message key of the label (and, by convention, of the hint). */
  msg?: PlainKey;
  /** The label's words, where no message key fits (one of `msg` and `label` is needed). */
  label?: string;
  /** The hint under the label; with `msg`, `<msg>Hint` when there is one; `false` for none. */
  hint?: string | false | undefined;
}

type Bound = Words & {
  name: string;
  /** What a blank answer becomes: kept as '' (default for text), null, or left out (undefined). */
  blank?: 'keep' | 'null' | 'undefined';
};

/** The label and hint of a control from its message key or its own words. */
export function useWords({ msg, label, hint }: Words): { label: string; hint: string | undefined } {
  const { t, locale } = useI18n();
  const hintKey = `${msg ?? ''}Hint`;
  const conventional = msg && hint === undefined && hasMessage(locale, hintKey);
  return {
    label: label ?? t(msg as PlainKey),
    hint: conventional ? t(hintKey as PlainKey) : hint || undefined,
  };
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

function useBound({ name, blank = 'keep', ...words }: Bound, number = false) {
  const { register, formState } = useFormContext();
  const schema = useContext(FormSchemaContext);
  const id = useId();
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  const options: RegisterOptions = { setValueAs: valueAs(blank, number) };
  return {
    id,
    error,
    ...useWords(words),
    limit: stringLimit(schema, name),
    registered: register(name, options),
  };
}

type Omitted = 'name' | 'id' | 'value' | 'onChange';
type InputProps = Bound & Omit<InputHTMLAttributes<HTMLInputElement>, Omitted>;

/** A text, date, number or password input; `type="number"` gives the form a number. */
export function FormText({ name, msg, label, hint, blank, type = 'text', ...input }: InputProps) {
  const bound = useBound({ name, msg, label, hint, blank }, type === 'number');
  const maxLength = input.maxLength ?? (type === 'number' || type === 'date' ? undefined : bound.limit);
  return (
    <FieldFrame id={bound.id} label={bound.label} hint={bound.hint} error={bound.error}>
      <input
        type={type}
        {...input}
        maxLength={maxLength}
        {...bound.registered}
        {...fieldAria(bound.id, bound.hint, bound.error)}
      />
    </FieldFrame>
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
  Omit<SelectHTMLAttributes<HTMLSelectElement>, Omitted> & {
    /** The values of a closed list, as the options (after `children`). */
    list?: ValueListName;
    /** A first, empty choice with these words. */
    empty?: string;
  };

/** A select; a blank choice becomes undefined unless `blank` says otherwise. */
export function FormSelect({
  name,
  msg,
  label,
  hint,
  blank = 'undefined',
  list,
  empty,
  children,
  ...select
}: SelectProps) {
  const { locale } = useI18n();
  const bound = useBound({ name, msg, label, hint, blank });
  return (
    <FieldFrame id={bound.id} label={bound.label} hint={bound.hint} error={bound.error}>
      <select {...select} {...bound.registered} {...fieldAria(bound.id, bound.hint, bound.error)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {children}
        {list && <Options options={valueOptions(locale, list)} />}
      </select>
    </FieldFrame>
  );
}

/** Paraguay's departments, after an empty choice ("none" unless `emptyLabel` says otherwise). */
export function FormDepartment({
  emptyLabel,
  ...props
}: Omit<SelectProps, 'children' | 'list' | 'empty'> & { emptyLabel?: string }) {
  return (
    <FormSelect {...props}>
      <DepartmentOptions emptyLabel={emptyLabel} />
    </FormSelect>
  );
}

type TextAreaProps = Bound & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Omitted>;

export function FormTextArea({ name, msg, label, hint, blank, ...textarea }: TextAreaProps) {
  const bound = useBound({ name, msg, label, hint, blank });
  return (
    <FieldFrame id={bound.id} label={bound.label} hint={bound.hint} error={bound.error}>
      <textarea
        rows={6}
        {...textarea}
        maxLength={textarea.maxLength ?? bound.limit}
        {...bound.registered}
        {...fieldAria(bound.id, bound.hint, bound.error)}
      />
    </FieldFrame>
  );
}

/** One yes/no choice, whose value is true or false. */
export function FormCheckbox({ name, msg, label }: { name: string; msg?: PlainKey; label?: ReactNode }) {
  const { register } = useFormContext();
  const { t } = useI18n();
  return (
    <label className="checkbox checkbox--single">
      <input type="checkbox" {...register(name)} />
      <span>{label ?? t(msg as PlainKey)}</span>
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

/** A titled part of a long form (reflection period, identity…), with a hint under its title. */
export function FormSection({
  legend,
  hint,
  children,
}: {
  legend: string;
  hint?: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {children}
    </fieldset>
  );
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
