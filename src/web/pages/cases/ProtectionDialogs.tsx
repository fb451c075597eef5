/**
 * The protection panel's forms: record a need, record a consent (or a child's best-interest
 * exception), refer a need to one of its matching providers. Each is checked with the shared
 * schema before sending; the server checks again and explains what to fix.
 */
import type { CaseView } from '../../../shared/api-identification.js';
import {
  CONSENT_GIVERS,
  CONSENT_METHODS,
  DEFAULT_SHARED_FIELDS,
  SHAREABLE_FIELDS,
} from '../../../shared/catalogues.js';
import { createReferral, recordConsent, recordNeed } from '../../../shared/contracts/referrals.js';
import { FormDialog, useApiForm } from '../../components/Form.js';
import { FormChoices, FormSelect, FormTextArea } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { valueLabel } from '../../i18n/values.js';
import { localIsoDate } from '../referrals/inbox.js';
import type { Need } from './types.js';
import { ConsentFields, consentBody, NeedFields } from './ProtectionFields.js';
import { distinctPersons, PersonOptions } from './people.js';

interface Saved {
  onClose(): void;
  /** `consentId`: the consent just recorded (its receipt is offered). */
  onSaved(message: string, consentId?: string): void;
}

function PersonSelect({ view }: { view: CaseView }) {
  const { t } = useI18n();
  return (
    <FormSelect msg="protection.person" name="personId" required>
      <PersonOptions view={view} empty={t('cases.choose')} />
    </FormSelect>
  );
}

const firstPerson = (view: CaseView) => distinctPersons(view)[0]?.personId ?? '';

export function NeedDialog({ view, onClose, onSaved }: { view: CaseView } & Saved) {
  const { t } = useI18n();
  const form = useApiForm(recordNeed, {
    defaultValues: { personId: firstPerson(view), serviceType: '', urgency: 'Normal', notes: null },
    toInput: (body) => ({ params: { id: view.id }, body }),
    onSuccess: () => onSaved(t('protection.need.saved')),
  });
  return (
    <FormDialog title={t('protection.recordNeed')} form={form} onClose={onClose}>
      <PersonSelect view={view} />
      <NeedFields />
    </FormDialog>
  );
}

export function ConsentDialog(props: { view: CaseView; allowException: boolean } & Saved) {
  const { t } = useI18n();
  const form = useApiForm(recordConsent, {
    defaultValues: {
      personId: firstPerson(props.view),
      kind: 'consent',
      services: [],
      sharedFields: [...DEFAULT_SHARED_FIELDS],
      givenOn: localIsoDate(),
      method: CONSENT_METHODS[0],
      givenBy: CONSENT_GIVERS[0],
      reason: '',
    },
    prepare: consentBody,
    toInput: (body) => ({ params: { id: props.view.id }, body }),
    onSuccess: (consent) => props.onSaved(t('protection.consent.saved'), consent.id),
  });
  return (
    <FormDialog title={t('protection.recordConsent')} form={form} onClose={props.onClose}>
      <PersonSelect view={props.view} />
      <ConsentFields allowException={props.allowException} />
    </FormDialog>
  );
}

const EXTRA_FIELDS = SHAREABLE_FIELDS.filter((field) => !DEFAULT_SHARED_FIELDS.includes(field));

export function ReferDialog(props: { caseId: string; need: Need } & Saved) {
  const { t, locale } = useI18n();
  const { need } = props;
  const form = useApiForm(createReferral, {
    defaultValues: {
      caseId: props.caseId,
      needId: need.id,
      providerId: need.matches[0]?.providerId ?? '',
      extraSharedFields: [],
      note: null,
    },
    onSuccess: (referral) => props.onSaved(t('protection.refer.saved', { code: referral.to.code })),
  });
  return (
    <FormDialog
      title={t('protection.referFor', { service: valueLabel(locale, 'SERVICE_TYPES', need.serviceType) })}
      form={form}
      submitLabel={t('protection.refer')}
      onClose={props.onClose}
    >
      <FormSelect msg="protection.refer.provider" name="providerId" required>
        {need.matches.map((m) => (
          <option key={m.providerServiceId} value={m.providerId}>
            {m.name} ({m.institutionCode})
            {m.free !== null ? ` — ${t('protection.need.free', { count: m.free })}` : ''}
          </option>
        ))}
      </FormSelect>
      <FormChoices
        legend={t('protection.refer.extraFields')}
        hint={t('protection.refer.extraFieldsHint')}
        name="extraSharedFields"
        options={EXTRA_FIELDS}
        label={(value) => t(`referrals.person.${value}`)}
      />
      <FormTextArea msg="protection.refer.note" name="note" rows={2} maxLength={2000} blank="null" />
    </FormDialog>
  );
}
