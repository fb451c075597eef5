/**
 * The case list's search and filters. The reference search is always visible; the other filters
 * fold behind a button on phones. Applying them changes the address, which reloads the list.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ListCasesQuery } from '../../../shared/api-identification.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FilterActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { activeFilterCount, type CaseFilter } from './filter.js';

const EMPTY = {
  reference: '',
  status: '',
  detectionMethod: '',
  department: '',
  assessment: '',
  ict: '',
  from: '',
  to: '',
};
type Values = typeof EMPTY;

function valuesOf(filter: CaseFilter): Values {
  const values = { ...EMPTY };
  for (const key of Object.keys(EMPTY) as (keyof Values)[]) values[key] = filter[key] ?? '';
  return values;
}

export function CaseFilters({ filter, onApply }: { filter: CaseFilter; onApply(next: CaseFilter): void }) {
  const { t } = useI18n();
  const form = useForm();
  const panelId = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(filter));
  const [open, setOpen] = useState(false);
  const filterKey = JSON.stringify(filter);

  // The address is the source of truth: back/forward show the filters of that entry.
  useEffect(() => setValues(valuesOf(JSON.parse(filterKey) as CaseFilter)), [filterKey]);

  function set(name: keyof Values) {
    return (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  }

  function apply(next: Values) {
    const input = Object.fromEntries(
      Object.entries(next)
        .map(([key, value]) => [key, value.trim()])
        .filter(([, value]) => value !== ''),
    );
    const checked = validate(ListCasesQuery, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    if (checked.data.from && checked.data.to && checked.data.from > checked.data.to) {
      return form.showErrors({ to: t('cases.filter.toBeforeFrom') });
    }
    form.reset();
    const { limit: _limit, offset: _offset, ...chosen } = checked.data;
    onApply(chosen);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply(values);
  }

  function onClear() {
    setValues(EMPTY);
    apply(EMPTY);
  }

  const count = activeFilterCount(filter);
  return (
    <form
      ref={form.formRef}
      className="filters case-filters"
      role="search"
      aria-label={t('cases.filter.label')}
      onSubmit={onSubmit}
      noValidate
    >
      <TextField
        label={t('cases.filter.reference')}
        hint={t('cases.filter.referenceHint')}
        name="reference"
        type="search"
        maxLength={20}
        autoComplete="off"
        spellCheck={false}
        value={values.reference}
        onChange={set('reference')}
        error={form.errors.reference}
      />
      <button
        type="button"
        className="btn case-filters-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {count > 0 ? t('cases.filter.toggleCount', { count }) : t('cases.filter.toggle')}
      </button>
      <div
        id={panelId}
        className={open ? 'case-filters-panel case-filters-panel--open' : 'case-filters-panel'}
      >
        <SelectField
          label={t('cases.field.status')}
          name="status"
          value={values.status}
          onChange={set('status')}
        >
          <option value="">{t('cases.filter.any')}</option>
          <ValueOptions list="CASE_STATUSES" />
        </SelectField>
        <SelectField
          label={t('cases.field.detectionMethod')}
          name="detectionMethod"
          value={values.detectionMethod}
          onChange={set('detectionMethod')}
        >
          <option value="">{t('cases.filter.any')}</option>
          <ValueOptions list="DETECTION_METHODS" />
        </SelectField>
        <DepartmentSelect
          label={t('cases.field.department')}
          name="department"
          value={values.department}
          onChange={set('department')}
          emptyLabel={t('cases.filter.any')}
        />
        <SelectField
          label={t('cases.filter.assessment')}
          name="assessment"
          value={values.assessment}
          onChange={set('assessment')}
        >
          <option value="">{t('cases.filter.any')}</option>
          <ValueOptions list="ASSESSMENTS" />
        </SelectField>
        <SelectField label={t('cases.filter.ict')} name="ict" value={values.ict} onChange={set('ict')}>
          <option value="">{t('cases.filter.any')}</option>
          <option value="true">{t('cases.filter.ictYes')}</option>
          <option value="false">{t('cases.filter.ictNo')}</option>
        </SelectField>
        <TextField
          label={t('cases.filter.from')}
          name="from"
          type="date"
          value={values.from}
          onChange={set('from')}
          error={form.errors.from}
        />
        <TextField
          label={t('cases.filter.to')}
          name="to"
          type="date"
          value={values.to}
          onChange={set('to')}
          error={form.errors.to}
        />
      </div>
      <FilterActions submitLabel={t('action.search')} onClear={onClear} submitTestId="case-filters-apply" />
      <LiveRegion error={form.alert} />
    </form>
  );
}
