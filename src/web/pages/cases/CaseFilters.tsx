/**
 * The case list's search and filters, checked with the list's own query schema. The reference
 * search is always visible; the other filters fold behind a button on phones. Applying them
 * changes the address, which reloads the list.
 */
import { useEffect, useId, useState } from 'react';
import { ListCasesQuery } from '../../../shared/api-identification.js';
import { Form, useFormAlert, useZodForm } from '../../components/Form.js';
import { FormDepartment, FormSelect, FormText } from '../../components/FormFields.js';
import { FilterActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { ValueListName } from '../../i18n/values.js';
import { activeFilterCount, type CaseFilter } from './filter.js';

const Filters = ListCasesQuery.omit({ limit: true, offset: true });

const EMPTY: CaseFilter = {
  reference: undefined,
  status: undefined,
  detectionMethod: undefined,
  department: undefined,
  assessment: undefined,
  ict: undefined,
  from: undefined,
  to: undefined,
};

export function CaseFilters({ filter, onApply }: { filter: CaseFilter; onApply(next: CaseFilter): void }) {
  const { t } = useI18n();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const { offset: _offset, ...shown } = filter;
  const form = useZodForm(Filters, { defaultValues: { ...EMPTY, ...shown } });
  const alert = useFormAlert(form);
  const filterKey = JSON.stringify(shown);

  // The address is the source of truth: back/forward show the filters of that entry.
  useEffect(() => form.reset({ ...EMPTY, ...(JSON.parse(filterKey) as CaseFilter) }), [form, filterKey]);

  const onSubmit = form.handleSubmit((values) => {
    if (values.from && values.to && values.from > values.to) {
      form.setError('to', { message: t('cases.filter.toBeforeFrom') }, { shouldFocus: true });
      return;
    }
    onApply(values);
  });

  function onClear() {
    form.reset(EMPTY);
    onApply({});
  }

  const count = activeFilterCount(filter);
  return (
    <Form
      form={form}
      onSubmit={onSubmit}
      className="filters case-filters"
      role="search"
      aria-label={t('cases.filter.label')}
    >
      <FormText
        msg="cases.filter.reference"
        name="reference"
        type="search"
        blank="undefined"
        maxLength={20}
        autoComplete="off"
        spellCheck={false}
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
        <AnyOf label={t('cases.field.status')} name="status" list="CASE_STATUSES" />
        <AnyOf label={t('cases.field.detectionMethod')} name="detectionMethod" list="DETECTION_METHODS" />
        <FormDepartment msg="cases.field.department" name="department" emptyLabel={t('cases.filter.any')} />
        <AnyOf label={t('cases.filter.assessment')} name="assessment" list="ASSESSMENTS" />
        <FormSelect msg="cases.filter.ict" name="ict">
          <option value="">{t('cases.filter.any')}</option>
          <option value="true">{t('cases.filter.ictYes')}</option>
          <option value="false">{t('cases.filter.ictNo')}</option>
        </FormSelect>
        <FormText msg="cases.filter.from" name="from" type="date" blank="undefined" />
        <FormText msg="cases.filter.to" name="to" type="date" blank="undefined" />
      </div>
      <FilterActions submitLabel={t('action.search')} onClear={onClear} submitTestId="case-filters-apply" />
      <LiveRegion error={alert} />
    </Form>
  );
}

/** A filter on one closed list, "any" first. */
function AnyOf({ label, name, list }: { label: string; name: string; list: ValueListName }) {
  const { t } = useI18n();
  return (
    <FormSelect label={label} name={name}>
      <option value="">{t('cases.filter.any')}</option>
      <ValueOptions list={list} />
    </FormSelect>
  );
}
