/** Issues a password-reset link for a user after confirmation, and shows it once. */
import type { UserView } from '../../../shared/api.js';
import { resetUserPassword } from '../../../shared/contracts/users.js';
import { CopyField } from '../../components/CopyField.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { Modal } from '../../components/Modal.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiMutation } from '../../queries.js';

export function PasswordResetDialog({ user, onClose }: { user: UserView; onClose(): void }) {
  const { t, formatDateTime } = useI18n();
  const reset = useApiMutation(resetUserPassword);
  const result = reset.data;
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
      <LiveRegion error={reset.error?.message ?? null} />
      <div className="form-actions">
        {!result && (
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => reset.mutate({ params: { id: user.id } })}
            disabled={reset.isPending}
          >
            {reset.isPending ? t('action.working') : t('users.resetPassword')}
          </button>
        )}
        <button type="button" className="btn" onClick={onClose}>
          {result ? t('action.close') : t('action.cancel')}
        </button>
      </div>
    </Modal>
  );
}
