/** Adds a trafficking event: its type, place, dates, the person, and whether it happened online. */
import { useState, type FormEvent } from 'react';
import { AddEventRequest, type CaseView } from '../../../shared/api-identification.js';
import { PLATFORMS } from '../../../shared/catalogues.js';
import * as api from '../../api-legacy.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { CheckboxField, CheckboxGroup } from './fields.js';
import { useValueLabel } from './labels.js';
import { distinctPersons } from './people.js';

const FIELDS = [
  'type',
  'personId',
  'country',
  'department',
  'district',
  'startDate',
  'endDate',
  'online',
  'platforms',
] as const;

type Platform = (typeof PLATFORMS)[number];

interface Props {
  view: CaseView;
  onClose(): void;
  onSaved(message: string): void;
}

export function EventDialog({ view, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const label = useValueLabel();
  const form = useForm();
  const [values, setValues] = useState({
    type: '',
    personId: '',
    country: 'PY',
    department: '',
    district: '',
    startDate: '',
    endDate: '',
  });
  const [online, setOnline] = useState(false);
  const [platforms, setPlatforms] = useState<Platform[]>([]);

  function set(name: keyof typeof values) {
    return (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value }));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const country = values.country.trim().toUpperCase();
    const input = {
      type: values.type || undefined,
      personId: values.personId || null,
      country,
      department: country === 'PY' ? values.department || null : null,
      district: values.district.trim() || null,
      startDate: values.startDate || null,
      endDate: values.endDate || null,
      online,
      platforms: online ? platforms : [],
    };
    const checked = validate(AddEventRequest, input, t, { country: 'cases.event.countryFormat' });
    if (!checked.ok) return form.showErrors(checked.errors);
    const done = await form.submit(() => api.addTraffickingEvent(view.id, checked.data), FIELDS);
    if (done) onSaved(t('cases.event.saved'));
  }

  return (
    <Modal title={t('cases.event.dialogTitle')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="event-form">
        <SelectField
          label={t('cases.event.type')}
          name="type"
          value={values.type}
          onChange={set('type')}
          error={form.errors.type}
          required
        >
          <option value="">{t('cases.choose')}</option>
          <ValueOptions list="EVENT_TYPES" />
        </SelectField>
        <SelectField
          label={t('cases.event.person')}
          name="personId"
          value={values.personId}
          onChange={set('personId')}
          error={form.errors.personId}
        >
          <option value="">{t('cases.event.wholeCase')}</option>
          {distinctPersons(view).map((person) => (
            <option key={person.personId} value={person.personId}>
              {person.fullName}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('cases.event.country')}
          hint={t('cases.event.countryHint')}
          name="country"
          maxLength={2}
          autoComplete="off"
          spellCheck={false}
          className="input--short"
          value={values.country}
          onChange={set('country')}
          error={form.errors.country}
          required
        />
        {values.country.trim().toUpperCase() === 'PY' && (
          <DepartmentSelect
            label={t('cases.field.department')}
            name="department"
            value={values.department}
            onChange={set('department')}
            error={form.errors.department}
          />
        )}
        <TextField
          label={t('cases.event.district')}
          name="district"
          maxLength={120}
          autoComplete="off"
          value={values.district}
          onChange={set('district')}
          error={form.errors.district}
        />
        <div className="form-row">
          <TextField
            label={t('cases.event.startDate')}
            name="startDate"
            type="date"
            value={values.startDate}
            onChange={set('startDate')}
            error={form.errors.startDate}
          />
          <TextField
            label={t('cases.event.endDate')}
            name="endDate"
            type="date"
            value={values.endDate}
            onChange={set('endDate')}
            error={form.errors.endDate}
          />
        </div>
        <CheckboxField
          label={t('cases.event.onlineQuestion')}
          name="online"
          checked={online}
          onChange={setOnline}
        />
        {online && (
          <CheckboxGroup
            legend={t('cases.event.platforms')}
            name="platforms"
            options={PLATFORMS}
            value={platforms}
            onChange={setPlatforms}
            label={(value) => label('PLATFORMS', value)}
            error={form.errors.platforms}
          />
        )}
        <FormActions form={form} submitLabel={t('action.save')} onCancel={onClose} />
      </form>
    </Modal>
  );
}
