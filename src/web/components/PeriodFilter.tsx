/**
 * A period filter (from, to) for a list or report whose period lives in the address: checked with
 * the list's own query schema, applied by the page (which navigates), cleared in one click.
 */
import type { z } from 'zod';
import { Form, useZodForm } from './Form.js';
import { FilterActions } from './FormActions.js';
import { FormText } from './FormFields.js';
import { useI18n } from '../i18n/I18nProvider.js';

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

interface Props<S extends z.ZodType<Period, Period>> {
  /** The from/to part of the list's query schema (the rules the server applies). */
  schema: S;
  value: Period;
  onApply(period: Period): void;
  labels: { from: string; to: string };
  'aria-label'?: string;
}

export function PeriodFilter<S extends z.ZodType<Period, Period>>({
  schema,
  value,
  onApply,
  labels,
  ...rest
}: Props<S>) {
  const { t } = useI18n();
  const form = useZodForm(schema, { defaultValues: { from: value.from, to: value.to } as never });
  const onSubmit = form.handleSubmit((period) => onApply({ from: period.from, to: period.to }));
  function onClear() {
    form.reset({ from: undefined, to: undefined } as never);
    onApply({});
  }
  return (
    <Form form={form} onSubmit={onSubmit} className="filters" aria-label={rest['aria-label']}>
      <FormText label={labels.from} name="from" type="date" blank="undefined" />
      <FormText label={labels.to} name="to" type="date" blank="undefined" />
      <FilterActions submitLabel={t('action.search')} onClear={onClear} />
    </Form>
  );
}
