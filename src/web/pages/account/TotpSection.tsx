/** Turning on two-step verification: ask for a secret, show it, confirm with a first code. */
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { TotpConfirmRequest, type TotpEnrolment } from '../../../shared/api.js';
import { ROLES_REQUIRING_TOTP } from '../../../shared/roles.js';
import * as api from '../../api-legacy.js';
import { TextField } from '../../components/Field.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { TotpPanel } from '../../components/TotpPanel.js';
import { validate } from '../../forms.js';
import { useForm } from '../../hooks/useForm.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCurrentSession, useSession } from '../../session.js';

export function TotpSection() {
  const { t } = useI18n();
  const { update } = useSession();
  const { user } = useCurrentSession();
  const form = useForm();
  const [enrolment, setEnrolment] = useState<z.output<typeof TotpEnrolment> | null>(null);
  const [code, setCode] = useState('');
  const [justEnabled, setJustEnabled] = useState(false);

  async function start() {
    const result = await form.submit(api.enrollTotp);
    if (result) setEnrolment(result);
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const checked = validate(TotpConfirmRequest, { code: code.replace(/\s/g, '') }, t, {
      code: 'error.totpFormat',
    });
    if (!checked.ok) return form.showErrors(checked.errors);
    const session = await form.submit(() => api.confirmTotp(checked.data), ['code']);
    if (!session) return;
    setEnrolment(null);
    setCode('');
    setJustEnabled(true);
    update(session);
  }

  const required = ROLES_REQUIRING_TOTP.includes(user.role);
  return (
    <section className="panel" aria-labelledby="account-totp">
      <h2 id="account-totp">{t('account.totp')}</h2>
      {user.totpEnabled ? (
        <p className="status-line status-line--ok">{t('account.totpOn')}</p>
      ) : (
        <p className={required ? 'notice notice--warning' : undefined}>
          {required ? t('account.totpRequired') : t('account.totpOff')}
        </p>
      )}
      {!user.totpEnabled && !enrolment && (
        <button type="button" className="btn btn--primary" onClick={start} disabled={form.pending}>
          {t('account.totpStart')}
        </button>
      )}
      {enrolment && (
        <form ref={form.formRef} onSubmit={confirm} noValidate className="form">
          <TotpPanel totpSecret={enrolment.totpSecret} otpauthUri={enrolment.otpauthUri} headingLevel={3} />
          <p>{t('account.totpConfirmIntro')}</p>
          <TextField
            label={t('login.totp')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            hint={t('login.totpHint')}
            error={form.errors.code}
            className="input--code"
            required
          />
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={form.pending}>
              {form.pending ? t('action.working') : t('account.totpConfirm')}
            </button>
          </div>
        </form>
      )}
      <LiveRegion error={form.alert} success={justEnabled ? t('account.totpEnabled') : null} />
    </section>
  );
}
