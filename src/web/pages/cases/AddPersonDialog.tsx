/**
 * Links an existing person to the case: search by name (the name travels in the request body),
 * choose one of the results and their role in the case.
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import {
  AddCasePersonRequest,
  SearchPersonsRequest,
  type CaseView,
} from '../../../shared/api-identification.js';
import type { PersonSummary } from '../../../shared/api-identification.js';
import * as api from '../../api-legacy.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Modal } from '../../components/Modal.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useValueLabel } from './labels.js';

type Found = z.output<typeof PersonSummary>;

interface Props {
  view: CaseView;
  onClose(): void;
  onSaved(message: string, view: CaseView): void;
}

export function AddPersonDialog({ view, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const label = useValueLabel();
  const searchForm = useForm();
  const form = useForm();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Found[] | null>(null);
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState('');

  async function onSearch(event: FormEvent) {
    event.preventDefault();
    const checked = validate(SearchPersonsRequest, { q }, t);
    if (!checked.ok) return searchForm.showErrors(checked.errors);
    const found = await searchForm.submit(() => api.searchPersons(checked.data), ['q']);
    if (found) {
      setResults(found.items);
      setPersonId('');
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(
      AddCasePersonRequest,
      { personId: personId || undefined, role: role || undefined },
      t,
    );
    if (!checked.ok) {
      const { personId: missing, ...rest } = checked.errors;
      return form.showErrors(missing ? { ...rest, personId: t('cases.addPersonChoose') } : rest);
    }
    const next = await form.submit(() => api.addCasePerson(view.id, checked.data), ['personId', 'role']);
    const chosen = results?.find((person) => person.id === personId);
    if (next) onSaved(t('cases.personAdded', { name: chosen?.fullName ?? '', sex: chosen?.sex }), next);
  }

  const linked = new Set(view.persons.map((person) => person.personId));
  return (
    <Modal title={t('cases.addPersonTitle')} onClose={onClose}>
      <form
        ref={searchForm.formRef}
        onSubmit={onSearch}
        noValidate
        className="form person-search"
        role="search"
        aria-label={t('cases.addPersonSearch')}
      >
        <TextField
          label={t('cases.addPersonSearch')}
          hint={t('cases.addPersonSearchHint')}
          name="q"
          type="search"
          autoComplete="off"
          maxLength={120}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          error={searchForm.errors.q}
        />
        <div className="form-actions">
          <button type="submit" className="btn" disabled={searchForm.pending}>
            {searchForm.pending ? t('action.working') : t('action.search')}
          </button>
        </div>
        <LiveRegion error={searchForm.alert} />
      </form>
      {results && (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          {results.length === 0 ? (
            <p className="empty" role="status">
              {t('cases.addPersonNoResults')}
            </p>
          ) : (
            <fieldset
              className={form.errors.personId ? 'checkbox-group field--invalid' : 'checkbox-group'}
              aria-describedby={form.errors.personId ? 'add-person-error' : undefined}
            >
              <legend>{t('cases.addPersonResults', { count: results.length })}</legend>
              {form.errors.personId && (
                <p id="add-person-error" className="field-error">
                  {form.errors.personId}
                </p>
              )}
              <div className="checkbox-options checkbox-options--single">
                {results.map((person) => (
                  <label key={person.id} className="checkbox">
                    <input
                      type="radio"
                      name="personId"
                      value={person.id}
                      checked={personId === person.id}
                      disabled={linked.has(person.id)}
                      aria-invalid={form.errors.personId ? true : undefined}
                      onChange={() => setPersonId(person.id)}
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
            <SelectField
              label={t('cases.field.role')}
              name="role"
              value={role}
              onChange={(event) => setRole(event.target.value)}
              error={form.errors.role}
              required
            >
              <option value="">{t('cases.choose')}</option>
              <ValueOptions list="CASE_PERSON_ROLES" />
            </SelectField>
          )}
          <FormActions
            form={form}
            submitLabel={t('cases.addPersonSubmit')}
            showSubmit={results.length > 0}
            onCancel={onClose}
          />
        </form>
      )}
    </Modal>
  );
}
