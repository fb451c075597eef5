/** Filters for the audit log, validated with the same schema the server uses for its query. */
import { useEffect } from 'react';
import type { z } from 'zod';
import { AUDIT_RESOURCE_TYPES } from '../../../shared/actions.js';
import { ListAuditEventsQuery } from '../../../shared/api.js';
import { Form, useFormAlert, useZodForm } from '../../components/Form.js';
import { FilterActions } from '../../components/FormActions.js';
import { FormSelect, FormText } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const Filters = ListAuditEventsQuery.omit({ before: true, limit: true });
export type AuditQuery = z.output<typeof Filters>;

/** `datetime-local` values are local wall-clock times; the API wants an instant with offset. */
function toInstant(local: unknown): unknown {
  if (local === '') return undefined;
  if (typeof local !== 'string') return local;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** An instant as the `datetime-local` value of the user's clock (minutes). */
function toLocal(instant: string | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const TEXT_FILTERS = ['actorUserId', 'action'] as const;

interface Props {
  /** The filters in force (from the address). */
  value: AuditQuery;
  onApply(query: AuditQuery): void;
}

export function AuditFilters({ value, onApply }: Props) {
  const { t } = useI18n();
  const shown = { ...value, from: toLocal(value.from), to: toLocal(value.to) };
  const form = useZodForm(Filters, {
    defaultValues: shown,
    prepare: (values) => ({ ...values, from: toInstant(values.from), to: toInstant(values.to) }),
  });
  const alert = useFormAlert(form);
  const shownKey = JSON.stringify(shown);
  // The address is the source of truth: back/forward show the filters of that entry.
  useEffect(() => form.reset(JSON.parse(shownKey) as typeof shown), [form, shownKey]);
  const onSubmit = form.handleSubmit(onApply);
  function onClear() {
    form.reset({});
    onApply({});
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="filters filters--audit" aria-label={t('audit.filters')}>
      <FormText msg="audit.from" name="from" type="datetime-local" blank="undefined" />
      <FormText msg="audit.to" name="to" type="datetime-local" blank="undefined" />
      {TEXT_FILTERS.map((name) => (
        <FormText
          key={name}
          label={t(`audit.${name}`)}
          name={name}
          spellCheck={false}
          autoComplete="off"
          blank="undefined"
        />
      ))}
      {/* The kinds of record by name in the reader's language (the trail stores their codes). */}
      <FormSelect msg="audit.resourceType" name="resourceType">
        <option value="">{t('audit.anyResourceType')}</option>
        {AUDIT_RESOURCE_TYPES.map((type) => [type, t(`auditResource.${type}`)] as const)
          .sort(([, a], [, b]) => a.localeCompare(b))
          .map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
      </FormSelect>
      <FormText
        msg="audit.resourceId"
        name="resourceId"
        spellCheck={false}
        autoComplete="off"
        blank="undefined"
      />
      <FormSelect msg="audit.outcome" name="outcome">
        <option value="">{t('audit.anyOutcome')}</option>
        <option value="success">{t('outcome.success')}</option>
        <option value="denied">{t('outcome.denied')}</option>
        <option value="failure">{t('outcome.failure')}</option>
      </FormSelect>
      <FilterActions submitLabel={t('audit.apply')} onClear={onClear} />
      <LiveRegion error={alert} />
    </Form>
  );
}
