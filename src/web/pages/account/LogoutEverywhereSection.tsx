/** Ends every session of this user, this one included, after an explicit confirmation. */
import { CancelButton } from '../../components/FormActions.js';
import { useState } from 'react';
import { logoutEverywhere } from '../../../shared/contracts/session.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { call, toApiError } from '../../api.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session.js';

export function LogoutEverywhereSection() {
  const { t } = useI18n();
  const { signedOut } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Like logout, outside the query layer: after it no read may run again with this session.
  async function logout() {
    setPending(true);
    setError(null);
    try {
      await call(logoutEverywhere);
      signedOut('loggedOutEverywhere');
    } catch (reason) {
      setError(toApiError(reason).message);
      setPending(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('account.sessions')}</h2>
      <p>{t('account.sessionsIntro')}</p>
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('account.logoutEverywhere')}>
          <p>
            <strong>{t('account.logoutEverywhereConfirm')}</strong>
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn--danger"
              onClick={() => void logout()}
              disabled={pending}
              autoFocus
            >
              {pending ? t('action.working') : t('action.confirm')}
            </button>
            <CancelButton onCancel={() => setConfirming(false)} />
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>
          {t('account.logoutEverywhere')}
        </button>
      )}
      <LiveRegion error={error} />
    </section>
  );
}
