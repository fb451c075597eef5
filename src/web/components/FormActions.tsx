/**
 * The end of a dialog's form: its live region, then the submit button (which says it is working
 * while the request runs) and Cancel. One place, so every dialog announces and reads the same.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { LiveRegion } from './LiveRegion.js';

interface FormActionsProps {
  /** What the form's live region says (the server's message, or that fields need fixing). */
  alert?: string | null;
  /** Whether the form's request is running. */
  pending?: boolean;
  submitLabel: string;
  /** Called without arguments, so a dialog's `onClose(result?)` can be passed as it is. */
  onCancel(): void;
  /** False leaves out the submit button while there is nothing to submit. */
  showSubmit?: boolean;
}

export function FormActions({
  alert,
  pending = false,
  submitLabel,
  onCancel,
  showSubmit = true,
}: FormActionsProps) {
  return (
    <>
      <LiveRegion error={alert ?? null} />
      <div className="form-actions">
        {showSubmit && <SubmitButton pending={pending} label={submitLabel} />}
        <CancelButton onCancel={onCancel} />
      </div>
    </>
  );
}

/** Cancel: leaves a dialog or a question without doing its work. */
export function CancelButton({ onCancel }: { onCancel(): void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="btn" onClick={() => onCancel()}>
      {t('action.cancel')}
    </button>
  );
}

/** A form's submit button, which says it is working while the form's request runs. */
export function SubmitButton(props: { pending: boolean; label: string; testId?: string | undefined }) {
  const { t } = useI18n();
  return (
    <button type="submit" className="btn btn--primary" disabled={props.pending} data-testid={props.testId}>
      {props.pending ? t('action.working') : props.label}
    </button>
  );
}

/**
 * A page's form ending (no dialog to cancel): its live region (the error, and `success` once
 * saved), the submit button and `extra`.
 */
export function SubmitRow(props: {
  alert: string | null;
  success?: string | null;
  pending: boolean;
  label: string;
  testId?: string;
  extra?: ReactNode;
}) {
  return (
    <>
      <LiveRegion error={props.alert} success={props.success ?? null} />
      <div className="form-actions">
        <SubmitButton pending={props.pending} label={props.label} testId={props.testId} />
        {props.extra}
      </div>
    </>
  );
}

/** A filter form's buttons: apply the filters (submit) and clear them. */
export function FilterActions(props: { submitLabel: string; onClear(): void; submitTestId?: string }) {
  const { t } = useI18n();
  return (
    <div className="filters-actions">
      <button type="submit" className="btn btn--primary" data-testid={props.submitTestId}>
        {props.submitLabel}
      </button>
      <button type="button" className="btn" onClick={() => props.onClear()}>
        {t('action.clear')}
      </button>
    </div>
  );
}
