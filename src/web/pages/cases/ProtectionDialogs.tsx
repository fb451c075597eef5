/**
 * The protection panel's forms: record a need, record a consent (or a child's best-interest
 * exception), refer a need to one of its matching providers, withdraw a consent. Each is checked
 * with the shared schema before sending; the server checks again and explains what to fix.
 */
import { useState, type FormEvent } from 'react';
import type { CaseView } from '../../../shared/api-identification.js';
import {
  CreateReferralRequest,
  RecordConsentRequest,
  RecordNeedRequest,
} from '../../../shared/api-protection.js';
import {
  CONSENT_GIVERS,
  CONSENT_METHODS,
  DEFAULT_SHARED_FIELDS,
  SERVICE_TYPES,
  SHAREABLE_FIELDS,
} from '../../../shared/catalogues.js';
import * as api from '../../api-legacy.js';
import { DepartmentSelect } from '../../components/DepartmentSelect.js';
import { SelectField, TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Modal } from '../../components/Modal.js';
import { ValueOptions } from '../../components/ValueOptions.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { localIsoDate } from '../referrals/inbox.js';
import type { Need } from './types.js';
import { CheckboxGroup } from './fields.js';
import { distinctPersons } from './people.js';

type Field = (typeof SHAREABLE_FIELDS)[number];
type Service = (typeof SERVICE_TYPES)[number];
interface Saved {
  onClose(): void;
  onSaved(message: string): void;
}

function PersonSelect(props: { view: CaseView; value: string; onChange(v: string): void; error?: string }) {
  const { t } = useI18n();
  return (
    <SelectField
      label={t('protection.person')}
      name="personId"
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      error={props.error}
      required
    >
      <option value="">{t('cases.choose')}</option>
      {distinctPersons(props.view).map((person) => (
        <option key={person.personId} value={person.personId}>
          {person.fullName}
        </option>
      ))}
    </SelectField>
  );
}

const NEED_FIELDS = ['personId', 'serviceType', 'urgency', 'department', 'notes'] as const;

export function NeedDialog({ view, onClose, onSaved }: { view: CaseView } & Saved) {
  const { t } = useI18n();
  const form = useForm();
  const [personId, setPersonId] = useState(distinctPersons(view)[0]?.personId ?? '');
  const [serviceType, setServiceType] = useState('');
  const [urgency, setUrgency] = useState('Normal');
  const [department, setDepartment] = useState('');
  const [notes, setNotes] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      personId: personId || undefined,
      serviceType: serviceType || undefined,
      urgency,
      ...(department ? { department } : {}),
      notes: notes.trim() || null,
    };
    const checked = validate(RecordNeedRequest, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const need = await form.submit(() => api.recordNeed(view.id, checked.data), NEED_FIELDS);
    if (need) onSaved(t('protection.need.saved'));
  }

  return (
    <Modal title={t('protection.recordNeed')} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <PersonSelect view={view} value={personId} onChange={setPersonId} error={form.errors.personId} />
        <SelectField
          label={t('protection.need.service')}
          name="serviceType"
          value={serviceType}
          onChange={(event) => setServiceType(event.target.value)}
          error={form.errors.serviceType}
          required
        >
          <option value="">{t('cases.choose')}</option>
          <ValueOptions list="SERVICE_TYPES" />
        </SelectField>
        <SelectField
          label={t('protection.need.urgency')}
          name="urgency"
          value={urgency}
          onChange={(event) => setUrgency(event.target.value)}
          error={form.errors.urgency}
        >
          <ValueOptions list="URGENCIES" />
        </SelectField>
        <DepartmentSelect
          label={t('protection.need.department')}
          hint={t('protection.need.departmentHint')}
          name="department"
          value={department}
          onChange={(event) => setDepartment(event.target.value)}
          error={form.errors.department}
        />
        <TextAreaField
          label={t('protection.need.notes')}
          name="notes"
          rows={2}
          maxLength={2000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          error={form.errors.notes}
        />
        <FormActions form={form} submitLabel={t('action.save')} onCancel={onClose} />
      </form>
    </Modal>
  );
}

const CONSENT_FIELDS = [
  'personId',
  'kind',
  'services',
  'sharedFields',
  'givenOn',
  'method',
  'givenBy',
  'reason',
];

export function ConsentDialog(props: { view: CaseView; allowException: boolean } & Saved) {
  const { t, locale } = useI18n();
  const form = useForm();
  const [personId, setPersonId] = useState(distinctPersons(props.view)[0]?.personId ?? '');
  const [kind, setKind] = useState<'consent' | 'best_interest_exception'>('consent');
  const [services, setServices] = useState<Service[]>([]);
  const [sharedFields, setSharedFields] = useState<Field[]>([...DEFAULT_SHARED_FIELDS]);
  const [givenOn, setGivenOn] = useState(localIsoDate());
  const [method, setMethod] = useState<string>(CONSENT_METHODS[0]);
  const [givenBy, setGivenBy] = useState<string>(CONSENT_GIVERS[0]);
  const [reason, setReason] = useState('');
  const exception = kind === 'best_interest_exception';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      kind,
      personId: personId || undefined,
      services,
      sharedFields,
      givenOn,
      ...(exception ? { reason } : { method, givenBy }),
    };
    const checked = validate(RecordConsentRequest, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const saved = await form.submit(() => api.recordConsent(props.view.id, checked.data), CONSENT_FIELDS);
    if (saved) props.onSaved(t('protection.consent.saved'));
  }

  return (
    <Modal title={t('protection.recordConsent')} onClose={props.onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <PersonSelect
          view={props.view}
          value={personId}
          onChange={setPersonId}
          error={form.errors.personId}
        />
        {props.allowException && (
          <SelectField
            label={t('protection.consent.kind')}
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as typeof kind)}
          >
            <option value="consent">{t('protection.kind.consent')}</option>
            <option value="best_interest_exception">{t('protection.kind.best_interest_exception')}</option>
          </SelectField>
        )}
        <CheckboxGroup
          legend={t('protection.consent.services')}
          name="services"
          options={SERVICE_TYPES}
          value={services}
          onChange={setServices}
          label={(value) => valueLabel(locale, 'SERVICE_TYPES', value)}
          error={form.errors.services}
        />
        <CheckboxGroup
          legend={t('protection.consent.sharedFields')}
          name="sharedFields"
          options={SHAREABLE_FIELDS}
          value={sharedFields}
          onChange={setSharedFields}
          label={(value) => t(`referrals.person.${value}`)}
          error={form.errors.sharedFields}
        />
        <TextField
          label={t('protection.consent.givenOn')}
          name="givenOn"
          type="date"
          value={givenOn}
          onChange={(event) => setGivenOn(event.target.value)}
          error={form.errors.givenOn}
          required
        />
        {exception ? (
          <TextAreaField
            label={t('protection.consent.reason')}
            hint={t('protection.consent.reasonHint')}
            name="reason"
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={form.errors.reason}
            required
          />
        ) : (
          <>
            <SelectField
              label={t('protection.consent.method')}
              name="method"
              value={method}
              onChange={(event) => setMethod(event.target.value)}
              error={form.errors.method}
            >
              <ValueOptions list="CONSENT_METHODS" />
            </SelectField>
            <SelectField
              label={t('protection.consent.givenBy')}
              name="givenBy"
              value={givenBy}
              onChange={(event) => setGivenBy(event.target.value)}
              error={form.errors.givenBy}
            >
              <ValueOptions list="CONSENT_GIVERS" />
            </SelectField>
          </>
        )}
        <FormActions form={form} submitLabel={t('action.save')} onCancel={props.onClose} />
      </form>
    </Modal>
  );
}

const EXTRA_FIELDS = SHAREABLE_FIELDS.filter((field) => !DEFAULT_SHARED_FIELDS.includes(field));
const REFER_FIELDS = ['providerId', 'extraSharedFields', 'note'] as const;

export function ReferDialog(props: { caseId: string; need: Need } & Saved) {
  const { t, locale } = useI18n();
  const form = useForm();
  const { need } = props;
  const [providerId, setProviderId] = useState(need.matches[0]?.providerId ?? '');
  const [extra, setExtra] = useState<Field[]>([]);
  const [note, setNote] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = {
      caseId: props.caseId,
      needId: need.id,
      providerId: providerId || undefined,
      extraSharedFields: extra,
      note: note.trim() || null,
    };
    const checked = validate(CreateReferralRequest, input, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const referral = await form.submit(() => api.createReferral(checked.data), REFER_FIELDS);
    if (referral) props.onSaved(t('protection.refer.saved', { code: referral.to.code }));
  }

  return (
    <Modal
      title={t('protection.referFor', { service: valueLabel(locale, 'SERVICE_TYPES', need.serviceType) })}
      onClose={props.onClose}
    >
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <SelectField
          label={t('protection.refer.provider')}
          name="providerId"
          value={providerId}
          onChange={(event) => setProviderId(event.target.value)}
          error={form.errors.providerId}
          required
        >
          {need.matches.map((m) => (
            <option key={m.providerServiceId} value={m.providerId}>
              {m.name} ({m.institutionCode})
              {m.free !== null ? ` — ${t('protection.need.free', { count: m.free })}` : ''}
            </option>
          ))}
        </SelectField>
        <CheckboxGroup
          legend={t('protection.refer.extraFields')}
          hint={t('protection.refer.extraFieldsHint')}
          name="extraSharedFields"
          options={EXTRA_FIELDS}
          value={extra}
          onChange={setExtra}
          label={(value) => t(`referrals.person.${value}`)}
          error={form.errors.extraSharedFields}
        />
        <TextAreaField
          label={t('protection.refer.note')}
          name="note"
          rows={2}
          maxLength={2000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={form.errors.note}
        />
        <FormActions form={form} submitLabel={t('protection.refer')} onCancel={props.onClose} />
      </form>
    </Modal>
  );
}

export function WithdrawConsentDialog(props: { caseId: string; consentId: string } & Saved) {
  const { t } = useI18n();
  const form = useForm();
  async function withdraw() {
    const result = await form.submit(() => api.withdrawConsent(props.caseId, props.consentId));
    if (result)
      props.onSaved(t('protection.consent.withdrawn', { count: result.withdrawnReferralIds.length }));
  }
  return (
    <Modal title={t('protection.consent.withdrawTitle')} onClose={props.onClose}>
      <div className="form">
        <p className="confirm">{t('protection.consent.withdrawConfirm')}</p>
        <LiveRegion error={form.alert} />
        <div className="form-actions">
          <button type="button" className="btn btn--danger" disabled={form.pending} onClick={withdraw}>
            {form.pending ? t('action.working') : t('protection.withdraw')}
          </button>
          <button type="button" className="btn" onClick={props.onClose}>
            {t('action.cancel')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
