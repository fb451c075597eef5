/**
 * Controls of the intake wizard: a radio group sized for a thumb (the screening answers and the
 * status decision), the step's heading (which takes focus when the step changes) and the
 * back / next bar that stays in reach at the bottom of a phone screen.
 */
import { useEffect, useId, useRef, type HTMLAttributes, type ReactNode } from 'react';
import type { z } from 'zod';
import { describedBy, FieldMessages } from '../../components/Field.js';
import { useZodForm, type ZodForm, type ZodFormOptions } from '../../components/Form.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface RadioGroupProps<V extends string> {
  legend: ReactNode;
  name: string;
  options: readonly { value: V; label: string }[];
  value: V | '' | undefined;
  onChange(value: V): void;
  error?: string | undefined;
  hint?: string | undefined;
  /** `inline` lays short options (yes / no / not known) side by side. */
  layout?: 'inline' | 'stacked';
  className?: string;
}

/** One choice from a few, as native radio buttons in a fieldset whose legend names the question. */
export function RadioGroup<V extends string>(props: RadioGroupProps<V>) {
  const id = useId();
  const classes = ['choice-group', props.error ? 'field--invalid' : '', props.className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset className={classes} aria-describedby={describedBy(id, props.hint, props.error)}>
      <legend>{props.legend}</legend>
      <FieldMessages id={id} hint={props.hint} error={props.error} />
      <div className={props.layout === 'inline' ? 'choice-options choice-options--inline' : 'choice-options'}>
        {props.options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              aria-invalid={props.error ? true : undefined}
              onChange={() => props.onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A heading (`h3` unless `level` says otherwise) that takes focus and scrolls into view when it
 * appears, if `focus`: where a screen reader should continue after the content changed without a
 * page navigation.
 */
export function FocusHeading({
  level: Heading = 'h3',
  focus = true,
  ...heading
}: HTMLAttributes<HTMLHeadingElement> & { level?: 'h2' | 'h3'; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
    // Only when the heading first appears.
  }, []);
  return <Heading ref={ref} tabIndex={-1} {...heading} />;
}

/**
 * The step's heading. After the user moves between steps it takes focus so screen readers start
 * at the new step; on the first step the page heading keeps it.
 */
export function StepHeading({ children, focus }: { children: ReactNode; focus: boolean }) {
  return (
    <FocusHeading level="h2" focus={focus} className="intake-step-title">
      {children}
    </FocusHeading>
  );
}

interface WizardNavProps {
  onBack?: (() => void) | undefined;
  /** The primary button submits the step's form. */
  nextLabel: string;
  pending?: boolean;
  extra?: ReactNode;
}

export function WizardNav({ onBack, nextLabel, pending = false, extra }: WizardNavProps) {
  const { t } = useI18n();
  return (
    <div className={extra ? 'wizard-nav wizard-nav--wide' : 'wizard-nav'}>
      {onBack && (
        <button type="button" className="btn" onClick={onBack} disabled={pending}>
          {t('intake.back')}
        </button>
      )}
      {extra}
      <button type="submit" className="btn btn--primary" disabled={pending} aria-busy={pending || undefined}>
        {pending ? t('action.working') : nextLabel}
      </button>
    </div>
  );
}

/**
 * A step's form, checked with the request's shared schema after `prepare` turns the step's values
 * into the request. The values live in the wizard (going back shows them), so every change is
 * handed to `onChange`. `options` gives format hints and the fields that show renamed errors.
 */
export function useStepForm<S extends z.ZodType, V extends object>(
  schema: S,
  values: V,
  onChange: (values: V) => void,
  prepare: (values: V) => unknown,
  options: Pick<ZodFormOptions<S>, 'hints' | 'shownOn'> = {},
): ZodForm<S> {
  const latest = useRef({ onChange, prepare });
  latest.current = { onChange, prepare };
  const form = useZodForm(schema, {
    ...options,
    defaultValues: values as never,
    prepare: (input) => latest.current.prepare(input as unknown as V),
  });
  useEffect(() => {
    const subscription = form.watch((next) => latest.current.onChange(next as V));
    return () => subscription.unsubscribe();
  }, [form]);
  return form;
}
