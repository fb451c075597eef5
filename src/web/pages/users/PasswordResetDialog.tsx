/** Issues a password-reset link for a user after confirmation, and shows it once. */
import { useState } from 'react';
import type { z } from 'zod';
import type { PasswordResetResponse, UserView } from '../../../shared/api.js';
import * as api from '../../api-legacy.js';
import { CopyField } from '../../components/CopyField.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Modal } from '../../components/Modal.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export function PasswordResetDialog({ user, onClose }: { user: UserView; onClose(): void }) {
  const { t, formatDateTime } = useI18n();
  const form = useForm();
  const [result, setResult] = useState<z.output<typeof PasswordResetResponse> | null>(null);

  async function reset() {
    const answer = await form.submit(() => api.resetUserPassword(user.id));
    if (answer) setResult(answer);
  }

  return (
    <Modal title={t('users.resetTitle', { username: user.username })} onClose={onClose}>
      {result ? (
        <div className="result">
          <CopyField label={t('users.resetLink')} value={result.resetLink} testId="reset-link" />
          <p>{t('users.resetExpires', { date: formatDateTime(result.expiresAt) })}</p>
          <p className="notice notice--warning">{t('users.resetNote')}</p>
        </div>
      ) : (
        <p>{t('users.resetConfirm', { username: user.username })}</p>
      )}
      <LiveRegion error={form.alert} />
      <div className="form-actions">
        {!result && (
          <button type="button" className="btn btn--danger" onClick={reset} disabled={form.pending}>
            {form.pending ? t('action.working') : t('users.resetPassword')}
          </button>
        )}
        <button type="button" className="btn" onClick={onClose}>
          {result ? t('action.close') : t('action.cancel')}
        </button>
      </div>
    </Modal>
  );
}
