/**
 * Links an existing person to the case: search by name (the name travels in the request body),
 * choose one of the results and their role in the case.
 */
import { useState } from 'react';
import { SearchPersonsRequest, type CaseView } from '../../../shared/api-identification.js';
import { addCasePerson } from '../../../shared/contracts/cases.js';
import { searchPersons } from '../../../shared/contracts/persons.js';
import { Form, useApiForm, useFormAlert, useZodForm } from '../../components/Form.js';
import { FormActions } from '../../components/FormActions.js';
import { FormSelect, FormText } from '../../components/FormFields.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Modal } from '../../components/Modal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiQuery } from '../../queries.js';
import { useValueLabel } from './labels.js';

const Search = SearchPersonsRequest.pick({ q: true });

interface Props {
  view: CaseView;
  onClose(): void;
  onSaved(message: string): void;
}

export function AddPersonDialog({ view, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const label = useValueLabel();
  const [q, setQ] = useState<string | null>(null);
  const searchForm = useZodForm(Search, { defaultValues: { q: '' } });
  const found = useApiQuery(searchPersons, { body: { q: q ?? '' } }, { enabled: q !== null });
  const results = found.data?.items;
  const form = useApiForm(addCasePerson, {
    defaultValues: { personId: '', role: '' },
    hints: { personId: 'cases.addPersonChoose' },
    toInput: (body) => ({ params: { id: view.id }, body }),
    onSuccess: (_, values) => {
      const chosen = results?.find((person) => person.id === values.personId);
      onSaved(t('cases.personAdded', { name: chosen?.fullName ?? '', sex: chosen?.sex }));
    },
  });
  const onSearch = searchForm.handleSubmit((values) => {
    form.setValue('personId', '');
    if (values.q === q) void found.refetch();
    setQ(values.q);
  });
  const searchAlert = useFormAlert(searchForm) ?? found.error?.message ?? null;
  const alert = useFormAlert(form);
  const personError = form.formState.errors.personId?.message;

  const linked = new Set(view.persons.map((person) => person.personId));
  return (
    <Modal title={t('cases.addPersonTitle')} onClose={onClose}>
      <Form
        form={searchForm}
        onSubmit={onSearch}
        className="form person-search"
        role="search"
        aria-label={t('cases.addPersonSearch')}
      >
        <FormText msg="cases.addPersonSearch" name="q" type="search" autoComplete="off" maxLength={120} />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={found.isFetching}>
            {found.isFetching ? t('action.working') : t('action.search')}
          </button>
        </div>
        <LiveRegion error={searchAlert} />
      </Form>
      {results && (
        <Form form={form} onSubmit={form.onSubmit}>
          {results.length === 0 ? (
            <p className="empty" role="status">
              {t('cases.addPersonNoResults')}
            </p>
          ) : (
            <fieldset
              className={personError ? 'checkbox-group field--invalid' : 'checkbox-group'}
              aria-describedby={personError ? 'add-person-error' : undefined}
            >
              <legend>{t('cases.addPersonResults', { count: results.length })}</legend>
              {personError && (
                <p id="add-person-error" className="field-error">
                  {personError}
                </p>
              )}
              <div className="checkbox-options checkbox-options--single">
                {results.map((person) => (
                  <label key={person.id} className="checkbox">
                    <input
                      type="radio"
                      value={person.id}
                      disabled={linked.has(person.id)}
                      aria-invalid={personError ? true : undefined}
                      {...form.register('personId')}
                    />
                    <span>
                      <strong>{person.fullName}</strong>
                      <span className="cell-secondary">
                        {[
                          label('SEXES', person.sex),
                          person.birthYear !== null
                            ? t('cases.bornIn', { sex: person.sex, year: person.birthYear })
                            : null,
                          person.ownerInstitutionCode,
                          linked.has(person.id) ? t('cases.addPersonAlready') : null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {results.length > 0 && (
            <FormSelect
              msg="cases.field.role"
              name="role"
              required
              empty={t('cases.choose')}
              list="CASE_PERSON_ROLES"
            />
          )}
          <FormActions
            alert={alert}
            pending={form.pending}
            submitLabel={t('cases.addPersonSubmit')}
            showSubmit={results.length > 0}
            onCancel={onClose}
          />
        </Form>
      )}
    </Modal>
  );
}
