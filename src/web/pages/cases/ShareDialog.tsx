/** Shares the case with another institution, with the reason the audit trail keeps. */
import { useState, type FormEvent } from 'react';
import { ShareCaseRequest, type CaseView } from '../../../shared/api-identification.js';
import * as api from '../../api-legacy.js';
import { SelectField, TextAreaField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { LoadError, Loading } from '../../components/Loading.js';
import { Modal } from '../../components/Modal.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useLoad } from '../../hooks/useLoad.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const FIELDS = ['institutionId', 'reason'] as const;

interface Props {
  view: CaseView;
  onClose(): void;
  onSaved(message: string, view: CaseView): void;
}

export function ShareDialog({ view, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const institutions = useLoad(() => api.listInstitutions().then((list) => list.items), 'institutions');
  const [institutionId, setInstitutionId] = useState('');
  const [reason, setReason] = useState('');

  const excluded = new Set([view.ownerInstitution.id, ...view.shares.map((share) => share.institution.id)]);
  const choices = (institutions.data ?? []).filter((institution) => !excluded.has(institution.id));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(ShareCaseRequest, { institutionId: institutionId || undefined, reason }, t);
    if (!checked.ok) return form.showErrors(checked.errors);
    const next = await form.submit(() => api.shareCase(view.id, checked.data), FIELDS);
    const code = choices.find((institution) => institution.id === institutionId)?.code ?? '';
    if (next) onSaved(t('cases.share.saved', { code }), next);
  }

  return (
    <Modal title={t('cases.share.dialogTitle', { reference: view.reference })} onClose={onClose}>
      {institutions.error ? (
        <LoadError error={institutions.error} onRetry={institutions.reload} />
      ) : !institutions.data ? (
        <Loading />
      ) : (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          <p className="field-hint">{t('cases.share.explain')}</p>
          <SelectField
            label={t('cases.share.institution')}
            name="institutionId"
            value={institutionId}
            onChange={(event) => setInstitutionId(event.target.value)}
            error={form.errors.institutionId}
            required
          >
            <option value="">{t('cases.choose')}</option>
            {choices.map((institution) => (
              <option key={institution.id} value={institution.id}>
                {institution.code} — {institution.name}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t('cases.share.reason')}
            hint={t('cases.share.reasonHint')}
            name="reason"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={form.errors.reason}
            required
          />
          <FormActions form={form} submitLabel={t('cases.share.submit')} onCancel={onClose} />
        </form>
      )}
    </Modal>
  );
}
