/**
 * The referral's actions that need more than a click: decline (reason), complete, close (reason)
 * and record a service delivered (date, what). Checked with the shared schemas before sending.
 */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import {
  CompleteReferralRequest,
  DeclineReferralRequest,
  ServiceDeliveryRequest,
  type ReferralView,
} from '../../../shared/api-protection.js';
import * as api from '../../api-legacy.js';
import { TextAreaField, TextField } from '../../components/Field.js';
import { FormActions } from '../../components/FormActions.js';
import { Modal } from '../../components/Modal.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localIsoDate } from './inbox.js';

export type DialogKind = 'decline' | 'complete' | 'close' | 'recordDelivery';
type View = z.output<typeof ReferralView>;

interface Props {
  kind: DialogKind;
  referralId: string;
  onClose(): void;
  onSaved(message: string, view: View): void;
}

const FIELDS = ['reason', 'deliveredOn', 'description'] as const;

export function ReferralDialog({ kind, referralId, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const form = useForm();
  const [reason, setReason] = useState('');
  const [deliveredOn, setDeliveredOn] = useState(localIsoDate());
  const [description, setDescription] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (kind === 'recordDelivery') {
      const checked = validate(ServiceDeliveryRequest, { deliveredOn, description }, t);
      if (!checked.ok) return form.showErrors(checked.errors);
      const next = await form.submit(() => api.recordServiceDelivery(referralId, checked.data), FIELDS);
      if (next) onSaved(t('referrals.deliveryRecorded'), next);
    } else if (kind === 'decline') {
      const checked = validate(DeclineReferralRequest, { reason }, t);
      if (!checked.ok) return form.showErrors(checked.errors);
      const next = await form.submit(() => api.declineReferral(referralId, checked.data), FIELDS);
      if (next) onSaved(t('referrals.declined'), next);
    } else {
      const outcome = kind === 'complete' ? 'completed' : 'closed';
      const checked = validate(CompleteReferralRequest, { outcome, reason: reason.trim() || null }, t);
      if (!checked.ok) return form.showErrors(checked.errors);
      const next = await form.submit(() => api.completeReferral(referralId, checked.data), FIELDS);
      if (next) onSaved(kind === 'complete' ? t('referrals.completed') : t('referrals.closed'), next);
    }
  }

  const titles = {
    decline: t('referrals.decline'),
    complete: t('referrals.complete'),
    close: t('referrals.close'),
    recordDelivery: t('referrals.recordDelivery'),
  };
  return (
    <Modal title={titles[kind]} onClose={onClose}>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form" data-testid="referral-dialog">
        {kind === 'recordDelivery' ? (
          <>
            <TextField
              label={t('referrals.deliveredOn')}
              name="deliveredOn"
              type="date"
              value={deliveredOn}
              onChange={(event) => setDeliveredOn(event.target.value)}
              error={form.errors.deliveredOn}
              required
            />
            <TextAreaField
              label={t('referrals.deliveryWhat')}
              hint={t('referrals.deliveryWhatHint')}
              name="description"
              rows={3}
              maxLength={2000}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              error={form.errors.description}
              required
            />
          </>
        ) : (
          <TextAreaField
            label={kind === 'complete' ? t('referrals.reasonOptional') : t('referrals.reason')}
            hint={t('referrals.reasonHint')}
            name="reason"
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={form.errors.reason}
            required={kind !== 'complete'}
          />
        )}
        <FormActions form={form} submitLabel={titles[kind]} onCancel={onClose} />
      </form>
    </Modal>
  );
}
