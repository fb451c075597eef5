/** Turning on two-step verification: ask for a secret, show it, confirm with a first code. */
import { useState } from 'react';
import { confirmTotp, enrollTotp } from '../../../shared/contracts/session.js';
import { ROLES_REQUIRING_TOTP } from '../../../shared/roles.js';
import { totpDigits, TotpCodeField } from '../../components/AccountFields.js';
import { Form, useApiForm, useFormAlert } from '../../components/Form.js';
import { LiveRegion } from '../../components/LiveRegion.js';
import { SubmitButton } from '../../components/FormActions.js';
import { TotpPanel } from '../../components/TotpPanel.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useApiMutation } from '../../queries.js';
import { useCurrentSession, useSession } from '../../session.js';

export function TotpSection() {
  const { t } = useI18n();
  const { update } = useSession();
  const { user } = useCurrentSession();
  const enrol = useApiMutation(enrollTotp);
  const [justEnabled, setJustEnabled] = useState(false);
  const form = useApiForm(confirmTotp, {
    defaultValues: { code: '' },
    prepare: (values) => ({ code: totpDigits(values.code) }),
    hints: { code: 'error.totpFormat' },
    onSuccess: (session) => {
      enrol.reset();
      form.reset({ code: '' });
      setJustEnabled(true);
      update(session);
    },
  });
  const alert = useFormAlert(form) ?? enrol.error?.message ?? null;
  const enrolment = enrol.data;

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
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => enrol.mutate({})}
          disabled={enrol.isPending}
        >
          {t('account.totpStart')}
        </button>
      )}
      {enrolment && (
        <Form form={form} onSubmit={form.onSubmit}>
          <TotpPanel
            totpSecret={enrolment.totpSecret}
            otpauthUri={enrolment.otpauthUri}
            qrCode={enrolment.qrCode}
            headingLevel={3}
          />
          <p>{t('account.totpConfirmIntro')}</p>
          <TotpCodeField name="code" />
          <div className="form-actions">
            <SubmitButton pending={form.pending} label={t('account.totpConfirm')} />
          </div>
        </Form>
      )}
      <LiveRegion error={alert} success={justEnabled ? t('account.totpEnabled') : null} />
    </section>
  );
}
