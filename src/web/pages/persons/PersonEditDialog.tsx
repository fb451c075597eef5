/**
 * Edits a person's record. Only the fields that changed are sent, and they are checked with the
 * server's own schema first so each error shows next to its field.
 */
import { useState, type FormEvent } from 'react';
import { UpdatePersonRequest, type PersonView } from '../../../shared/api-identification.js';
import { LANGUAGES } from '../../../shared/catalogues.js';
import * as api from '../../api-legacy.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { FORM_ERROR, validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CheckboxField, CheckboxGroup } from '../cases/fields.js';
import { useValueLabel } from '../cases/labels.js';
import { changedPersonFields, personFormValues, type PersonFormValues } from './person-form.js';

const FIELDS = [
  'givenNames',
  'firstSurname',
  'secondSurname',
  'aliases',
  'sex',
  'gender',
  'dateOfBirth',
  'estimatedAge',
  'nationalities',
  'documentType',
  'documentNumber',
  'languages',
  'indigenousCommunity',
  'disability',
  'contact',
  'residenceDepartment',
  'residenceDistrict',
] as const;

interface Props {
  person: PersonView;
  onClose(): void;
  onSaved(person: PersonView): void;
}

export function PersonEditDialog({ person, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const label = useValueLabel();
  const form = useForm();
  const [values, setValues] = useState<PersonFormValues>(() => personFormValues(person));

  function set(name: keyof PersonFormValues) {
    return (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  }
  function text(name: keyof PersonFormValues & (typeof FIELDS)[number]) {
    return {
      name,
      value: values[name] as string,
      onChange: set(name),
      error: form.errors[name],
      autoComplete: 'off',
    };
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const changes = changedPersonFields(person, values);
    const checked = validate(UpdatePersonRequest, changes, t, {
      nationalities: 'persons.nationalitiesFormat',
    });
    if (!checked.ok) {
      const { [FORM_ERROR]: formError, ...fieldErrors } = checked.errors;
      // Array items report as `nationalities.0`: show them on the field itself.
      const errors: Record<string, string | undefined> = {};
      for (const [key, message] of Object.entries(fieldErrors)) errors[key.split('.')[0] ?? key] ??= message;
      return form.showErrors(formError ? { ...errors, [FORM_ERROR]: t('error.nothingToChange') } : errors);
    }
    const next = await form.submit(() => api.updatePerson(person.id, checked.data), FIELDS);
    if (next) onSaved(next);
  }

  return (
    <Modal title={t('persons.editTitle')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="person-edit-form">
        <fieldset className="form-section">
          <legend>{t('persons.identity')}</legend>
          <TextField label={t('persons.field.givenNames')} required maxLength={120} {...text('givenNames')} />
          <TextField label={t('persons.field.firstSurname')} maxLength={120} {...text('firstSurname')} />
          <TextField label={t('persons.field.secondSurname')} maxLength={120} {...text('secondSurname')} />
          <TextField label={t('persons.field.aliases')} hint={t('persons.listHint')} {...text('aliases')} />
          <SelectField label={t('persons.field.sex')} name="sex" value={values.sex} onChange={set('sex')}>
            <ValueOptions list="SEXES" />
          </SelectField>
          <SelectField
            label={t('persons.field.gender')}
            name="gender"
            value={values.gender}
            onChange={set('gender')}
            error={form.errors.gender}
          >
            <option value="">{t('common.none')}</option>
            <ValueOptions list="GENDERS" />
          </SelectField>
          <TextField label={t('persons.field.dateOfBirthInput')} type="date" {...text('dateOfBirth')} />
          <TextField
            label={t('persons.field.estimatedAge')}
            type="number"
            inputMode="numeric"
            min={0}
            max={120}
            {...text('estimatedAge')}
          />
          <CheckboxField
            label={t('persons.field.ageApproximate')}
            name="ageApproximate"
            checked={values.ageApproximate}
            onChange={(checked) => setValues((v) => ({ ...v, ageApproximate: checked }))}
          />
          <TextField
            label={t('persons.field.nationalities')}
            hint={t('persons.nationalitiesHint')}
            spellCheck={false}
            {...text('nationalities')}
          />
          <SelectField
            label={t('persons.field.documentType')}
            name="documentType"
            value={values.documentType}
            onChange={set('documentType')}
            error={form.errors.documentType}
          >
            <option value="">{t('common.none')}</option>
            <ValueOptions list="DOCUMENT_TYPES" />
          </SelectField>
          <TextField label={t('persons.field.documentNumber')} maxLength={40} {...text('documentNumber')} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('persons.needs')}</legend>
          <CheckboxGroup
            legend={t('persons.field.languages')}
            name="languages"
            options={LANGUAGES}
            value={values.languages}
            onChange={(languages) => setValues((v) => ({ ...v, languages }))}
            label={(value) => label('LANGUAGES', value)}
            error={form.errors.languages}
          />
          <CheckboxField
            label={t('persons.field.interpreterNeeded')}
            name="interpreterNeeded"
            checked={values.interpreterNeeded}
            onChange={(checked) => setValues((v) => ({ ...v, interpreterNeeded: checked }))}
          />
          <CheckboxField
            label={t('persons.field.indigenous')}
            name="indigenous"
            checked={values.indigenous}
            onChange={(checked) => setValues((v) => ({ ...v, indigenous: checked }))}
          />
          {values.indigenous && (
            <TextField
              label={t('persons.field.indigenousCommunity')}
              maxLength={200}
              {...text('indigenousCommunity')}
            />
          )}
          <TextField label={t('persons.field.disability')} maxLength={200} {...text('disability')} />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('persons.residenceAndContact')}</legend>
          <DepartmentSelect
            label={t('persons.field.residenceDepartment')}
            name="residenceDepartment"
            value={values.residenceDepartment}
            onChange={set('residenceDepartment')}
            error={form.errors.residenceDepartment}
          />
          <TextField
            label={t('persons.field.residenceDistrict')}
            maxLength={120}
            {...text('residenceDistrict')}
          />
          <TextField label={t('persons.field.contact')} maxLength={200} {...text('contact')} />
        </fieldset>
        <FormActions form={form} submitLabel={t('action.save')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
