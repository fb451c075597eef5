/**
 * Adding a suspect (with the public-official flag, which makes it a complicity investigation),
 * recording an operation or raid, and an international cooperation request.
 */
import { useState, type FormEvent } from 'react';
import {
  AddSuspectRequest,
  COOPERATION_DIRECTIONS,
  COOPERATION_KINDS,
  OFFICIAL_KINDS,
  PERPETRATOR_ROLES,
  RecordCooperationRequest,
  RecordOperationRequest,
} from '../../../shared/api-prosecution.js';
import * as api from '../../api-legacy.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localIsoDate } from '../referrals/inbox.js';
import { addSuspect, recordCooperationRequest, recordOperation } from './client.js';
import type { FormProps } from './types.js';
import { labelKey } from './labels.js';

const optional = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

export function SuspectForm({ investigation, onClose, onSaved }: FormProps) {
  const { t } = useI18n();
  const form = useForm();
  const institutions = useLoad(api.listInstitutions, 'institutions');
  const [givenNames, setGivenNames] = useState('');
  const [surnames, setSurnames] = useState('');
  const [sex, setSex] = useState('Unknown');
  const [birthYear, setBirthYear] = useState('');
  const [role, setRole] = useState<string>('RecruiterIntermediary');
  const [officialKind, setOfficialKind] = useState('');
  const [officialInstitution, setOfficialInstitution] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(
      AddSuspectRequest,
      {
        givenNames,
        surnames: optional(surnames),
        sex,
        birthYear: numberOrNull(birthYear),
        roles: [role],
        official: officialKind ? { kind: officialKind, institutionId: officialInstitution } : null,
      },
      t,
    );
    if (!checked.ok) return form.showErrors(checked.errors);
    const next = await form.submit(
      () => addSuspect(investigation.id, checked.data),
      ['givenNames', 'birthYear'],
    );
    if (next) onSaved(t('prosecution.suspectAdded'), next);
  }
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="suspect-form">
      <TextField
        label={t('prosecution.field.givenNames')}
        name="givenNames"
        value={givenNames}
        maxLength={120}
        onChange={(event) => setGivenNames(event.target.value)}
        error={form.errors.givenNames}
        required
      />
      <TextField
        label={t('prosecution.field.surnames')}
        name="surnames"
        value={surnames}
        maxLength={120}
        onChange={(event) => setSurnames(event.target.value)}
        error={form.errors.surnames}
      />
      <SelectField
        label={t('prosecution.field.sex')}
        name="sex"
        value={sex}
        onChange={(e) => setSex(e.target.value)}
      >
        <ValueOptions list="SEXES" />
      </SelectField>
      <TextField
        label={t('prosecution.field.birthYear')}
        name="birthYear"
        type="number"
        inputMode="numeric"
        value={birthYear}
        onChange={(event) => setBirthYear(event.target.value)}
        error={form.errors.birthYear}
      />
      <SelectField
        label={t('prosecution.field.role')}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value)}
      >
        {PERPETRATOR_ROLES.map((r) => (
          <option key={r} value={r}>
            {t(labelKey('role', r))}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('prosecution.field.official')}
        hint={t('prosecution.officialHint')}
        name="officialKind"
        value={officialKind}
        onChange={(event) => setOfficialKind(event.target.value)}
      >
        <option value="">{t('prosecution.notOfficial')}</option>
        {OFFICIAL_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(labelKey('official', k))}
          </option>
        ))}
      </SelectField>
      {officialKind && (
        <SelectField
          label={t('prosecution.field.officialInstitution')}
          name="officialInstitution"
          value={officialInstitution}
          onChange={(event) => setOfficialInstitution(event.target.value)}
          error={form.errors['official.institutionId']}
          required
        >
          <option value="">{t('prosecution.choose')}</option>
          {(institutions.data?.items ?? []).map((i) => (
            <option key={i.id} value={i.id}>
              {i.code} — {i.name}
            </option>
          ))}
        </SelectField>
      )}
      <FormActions form={form} submitLabel={t('prosecution.addSuspect')} onCancel={onClose} />
    </form>
  );
}

export function OperationForm({ investigation, onClose, onSaved }: FormProps) {
  const { t } = useI18n();
  const form = useForm();
  const [occurredOn, setOccurredOn] = useState(localIsoDate());
  const [department, setDepartment] = useState(investigation.department ?? '');
  const [place, setPlace] = useState('');
  const [arrested, setArrested] = useState('0');
  const [rescued, setRescued] = useState('0');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(
      RecordOperationRequest,
      {
        occurredOn,
        department,
        place: optional(place),
        personsArrested: Number(arrested),
        victimsRescued: Number(rescued),
      },
      t,
    );
    if (!checked.ok) return form.showErrors(checked.errors);
    const next = await form.submit(() => recordOperation(investigation.id, checked.data), ['occurredOn']);
    if (next) onSaved(t('prosecution.operationRecorded'), next);
  }
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="operation-form">
      <TextField
        label={t('prosecution.field.occurredOn')}
        name="occurredOn"
        type="date"
        value={occurredOn}
        onChange={(event) => setOccurredOn(event.target.value)}
        error={form.errors.occurredOn}
        required
      />
      <DepartmentSelect
        label={t('prosecution.field.department')}
        name="department"
        value={department}
        onChange={(event) => setDepartment(event.target.value)}
        error={form.errors.department}
        required
      />
      <TextField
        label={t('prosecution.field.place')}
        name="place"
        value={place}
        maxLength={300}
        onChange={(event) => setPlace(event.target.value)}
      />
      <TextField
        label={t('prosecution.field.arrested')}
        name="personsArrested"
        type="number"
        min={0}
        value={arrested}
        onChange={(event) => setArrested(event.target.value)}
        error={form.errors.personsArrested}
      />
      <TextField
        label={t('prosecution.field.rescued')}
        name="victimsRescued"
        type="number"
        min={0}
        value={rescued}
        onChange={(event) => setRescued(event.target.value)}
        error={form.errors.victimsRescued}
      />
      <FormActions form={form} submitLabel={t('prosecution.recordOperation')} onCancel={onClose} />
    </form>
  );
}

export function CooperationForm({ investigation, onClose, onSaved }: FormProps) {
  const { t } = useI18n();
  const form = useForm();
  const [kind, setKind] = useState<string>('mutual_legal_assistance');
  const [direction, setDirection] = useState<string>('outgoing');
  const [country, setCountry] = useState('');
  const [requestedOn, setRequestedOn] = useState(localIsoDate());
  const [grantedOn, setGrantedOn] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = {
      kind,
      direction,
      country: country.trim().toUpperCase(),
      requestedOn,
      grantedOn: optional(grantedOn),
    };
    const checked = validate(RecordCooperationRequest, body, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const next = await form.submit(
      () => recordCooperationRequest(investigation.id, checked.data),
      ['country', 'grantedOn'],
    );
    if (next) onSaved(t('prosecution.cooperationRecorded'), next);
  }
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="cooperation-form">
      <SelectField
        label={t('prosecution.field.kind')}
        name="kind"
        value={kind}
        onChange={(e) => setKind(e.target.value)}
      >
        {COOPERATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(labelKey('cooperation', k))}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('prosecution.field.direction')}
        name="direction"
        value={direction}
        onChange={(e) => setDirection(e.target.value)}
      >
        {COOPERATION_DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {t(labelKey('direction', d))}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('prosecution.field.country')}
        hint={t('prosecution.countryHint')}
        name="country"
        value={country}
        maxLength={2}
        onChange={(event) => setCountry(event.target.value)}
        error={form.errors.country}
        required
      />
      <TextField
        label={t('prosecution.field.requestedOn')}
        name="requestedOn"
        type="date"
        value={requestedOn}
        onChange={(event) => setRequestedOn(event.target.value)}
        error={form.errors.requestedOn}
        required
      />
      <TextField
        label={t('prosecution.field.grantedOn')}
        name="grantedOn"
        type="date"
        value={grantedOn}
        onChange={(event) => setGrantedOn(event.target.value)}
        error={form.errors.grantedOn}
      />
      <FormActions form={form} submitLabel={t('prosecution.recordCooperation')} onCancel={onClose} />
    </form>
  );
}
