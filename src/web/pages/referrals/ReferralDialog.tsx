/**
 * The referral's actions that need more than a click: decline (reason), complete, close (reason)
 * and record a service delivered (date, what). Checked with the shared schemas before sending.
 */
import {
  completeReferral,
  declineReferral,
  recordServiceDelivery,
} from '../../../shared/contracts/referrals.js';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { FormDialog, useApiForm, type ApiForm } from '../../components/Form.js';
import { FormText, FormTextArea } from '../../components/FormFields.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { localIsoDate } from './inbox.js';

export type DialogKind = 'decline' | 'complete' | 'close' | 'recordDelivery';

interface Props {
  kind: DialogKind;
  referralId: string;
  onClose(): void;
  onSaved(message: string): void;
}

export function ReferralDialog(props: Props) {
  if (props.kind === 'recordDelivery') return <DeliveryDialog {...props} />;
  if (props.kind === 'decline') return <DeclineDialog {...props} />;
  return <CompleteDialog {...props} />;
}

/** A referral action's dialog: its submit button says the action. */
function ActionDialog<S extends z.ZodType>(props: {
  title: string;
  form: ApiForm<S>;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <FormDialog
      title={props.title}
      form={props.form}
      submitLabel={props.title}
      onClose={props.onClose}
      testId="referral-dialog"
    >
      {props.children}
    </FormDialog>
  );
}

const params =
  (props: Props) =>
  <B,>(body: B) => ({ params: { id: props.referralId }, body });

function DeliveryDialog(props: Props) {
  const { t } = useI18n();
  const form = useApiForm(recordServiceDelivery, {
    defaultValues: { deliveredOn: localIsoDate(), description: '' },
    toInput: params(props),
    onSuccess: () => props.onSaved(t('referrals.deliveryRecorded')),
  });
  const title = t('referrals.recordDelivery');
  return (
    <ActionDialog title={title} form={form} onClose={props.onClose}>
      <FormText msg="referrals.deliveredOn" name="deliveredOn" type="date" required />
      <FormTextArea msg="referrals.deliveryWhat" name="description" rows={3} maxLength={2000} required />
    </ActionDialog>
  );
}

function DeclineDialog(props: Props) {
  const { t } = useI18n();
  const form = useApiForm(declineReferral, {
    defaultValues: { reason: '' },
    toInput: params(props),
    onSuccess: () => props.onSaved(t('referrals.declined')),
  });
  const title = t('referrals.decline');
  return (
    <ActionDialog title={title} form={form} onClose={props.onClose}>
      <Reason label={t('referrals.reason')} required />
    </ActionDialog>
  );
}

/** Completes the referral (a reason is optional) or closes it without completing (with one). */
function CompleteDialog(props: Props) {
  const { t } = useI18n();
  const complete = props.kind === 'complete';
  const form = useApiForm(completeReferral, {
    defaultValues: { outcome: complete ? 'completed' : 'closed', reason: null },
    toInput: params(props),
    onSuccess: () => props.onSaved(complete ? t('referrals.completed') : t('referrals.closed')),
  });
  const title = complete ? t('referrals.complete') : t('referrals.close');
  return (
    <ActionDialog title={title} form={form} onClose={props.onClose}>
      <Reason label={complete ? t('referrals.reasonOptional') : t('referrals.reason')} required={!complete} />
    </ActionDialog>
  );
}

function Reason({ label, required }: { label: string; required: boolean }) {
  const { t } = useI18n();
  return (
    <FormTextArea
      label={label}
      hint={t('referrals.reasonHint')}
      name="reason"
      rows={3}
      maxLength={2000}
      blank={required ? 'keep' : 'null'}
      required={required}
    />
  );
}
