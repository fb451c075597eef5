/** Filters for the audit log, validated with the same schema the server uses for its query. */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ListAuditEventsQuery } from '../../../shared/api.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FilterActions } from '../../components/FormActions.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LiveRegion } from '../../components/LiveRegion.js';

export type AuditQuery = Omit<z.output<typeof ListAuditEventsQuery>, 'before'>;

const EMPTY = {
  from: '',
  to: '',
  actorUserId: '',
  action: '',
  resourceType: '',
  resourceId: '',
  outcome: '',
};
type Values = typeof EMPTY;

/** `datetime-local` values are local wall-clock times; the API wants an instant with offset. */
function toInstant(local: string): string | undefined {
  if (local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

export function AuditFilters({ onApply }: { onApply(query: AuditQuery): void }) {
  const { t } = useI18n();
  const form = useForm();
  const [values, setValues] = useState<Values>(EMPTY);

  function set(name: keyof Values) {
    return (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  }

  function apply(next: Values) {
    const input = {
      from: toInstant(next.from),
      to: toInstant(next.to),
      actorUserId: next.actorUserId.trim() || undefined,
      action: next.action.trim() || undefined,
      resourceType: next.resourceType.trim() || undefined,
      resourceId: next.resourceId.trim() || undefined,
      outcome: next.outcome || undefined,
    };
    const checked = validate(ListAuditEventsQuery, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    form.reset();
    onApply(checked.data);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply(values);
  }

  function onClear() {
    setValues(EMPTY);
    apply(EMPTY);
  }

  return (
    <form
      ref={form.formRef}
      className="filters filters--audit"
      onSubmit={onSubmit}
      noValidate
      aria-label={t('audit.filters')}
    >
      <TextField
        label={t('audit.from')}
        name="from"
        type="datetime-local"
        value={values.from}
        onChange={set('from')}
        error={form.errors.from}
      />
      <TextField
        label={t('audit.to')}
        name="to"
        type="datetime-local"
        value={values.to}
        onChange={set('to')}
        error={form.errors.to}
      />
      <TextField
        label={t('audit.actorUserId')}
        name="actorUserId"
        spellCheck={false}
        autoComplete="off"
        value={values.actorUserId}
        onChange={set('actorUserId')}
        error={form.errors.actorUserId}
      />
      <TextField
        label={t('audit.action')}
        name="action"
        spellCheck={false}
        autoComplete="off"
        value={values.action}
        onChange={set('action')}
        error={form.errors.action}
      />
      <TextField
        label={t('audit.resourceType')}
        name="resourceType"
        spellCheck={false}
        autoComplete="off"
        value={values.resourceType}
        onChange={set('resourceType')}
        error={form.errors.resourceType}
      />
      <TextField
        label={t('audit.resourceId')}
        name="resourceId"
        spellCheck={false}
        autoComplete="off"
        value={values.resourceId}
        onChange={set('resourceId')}
        error={form.errors.resourceId}
      />
      <SelectField
        label={t('audit.outcome')}
        name="outcome"
        value={values.outcome}
        onChange={set('outcome')}
        error={form.errors.outcome}
      >
        <option value="">{t('audit.anyOutcome')}</option>
        <option value="success">{t('outcome.success')}</option>
        <option value="denied">{t('outcome.denied')}</option>
        <option value="failure">{t('outcome.failure')}</option>
      </SelectField>
      <FilterActions submitLabel={t('audit.apply')} onClear={onClear} />
      <LiveRegion error={form.alert} />
    </form>
  );
}
