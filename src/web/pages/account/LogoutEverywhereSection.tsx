/** Ends every session of this user, this one included, after an explicit confirmation. */
import { useState } from 'react';
import * as api from '../../api-legacy.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSession } from '../../session.js';

export function LogoutEverywhereSection() {
  const { t } = useI18n();
  const { signedOut } = useSession();
  const form = useForm();
  const [confirming, setConfirming] = useState(false);

  async function logoutEverywhere() {
    const done = await form.submit(async () => {
      await api.logoutEverywhere();
      return true;
    });
    if (done) signedOut('loggedOutEverywhere');
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
              onClick={logoutEverywhere}
              disabled={form.pending}
              autoFocus
            >
              {form.pending ? t('action.working') : t('action.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirming(false)}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn--danger" onClick={() => setConfirming(true)}>
          {t('account.logoutEverywhere')}
        </button>
      )}
      <LiveRegion error={form.alert} />
    </section>
  );
}
