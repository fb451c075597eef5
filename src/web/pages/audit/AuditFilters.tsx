/** Filters for the audit log, validated with the same schema the server uses for its query. */
import type { z } from 'zod';
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
  if (typeof local !== 'string' || local === '') return local;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

const TEXT_FILTERS = ['actorUserId', 'action', 'resourceType', 'resourceId'] as const;

export function AuditFilters({ onApply }: { onApply(query: AuditQuery): void }) {
  const { t } = useI18n();
  const form = useZodForm(Filters, {
    prepare: (values) => ({ ...values, from: toInstant(values.from), to: toInstant(values.to) }),
  });
  const alert = useFormAlert(form);
  const onSubmit = form.handleSubmit(onApply);
  function onClear() {
    form.reset({});
    onApply({});
  }

  return (
    <Form form={form} onSubmit={onSubmit} className="filters filters--audit" aria-label={t('audit.filters')}>
      <FormText label={t('audit.from')} name="from" type="datetime-local" blank="undefined" />
      <FormText label={t('audit.to')} name="to" type="datetime-local" blank="undefined" />
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
      <FormSelect label={t('audit.outcome')} name="outcome">
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
