/**
 * Login in two steps: username and password, then, when the server answers with a second-factor challenge, the
 * six-digit code from the user's authenticator app (the password is kept in memory meanwhile).
 */
import { useEffect, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { login } from '../../shared/contracts/session.js';
import { getSetupStatus } from '../../shared/contracts/setup.js';
import { totpDigits, TotpCodeField, UsernameField } from '../components/AccountFields.js';
import { Form, useApiForm, useFormAlert } from '../components/Form.js';
import { SubmitRow } from '../components/FormActions.js';
import { FormText } from '../components/FormFields.js';
import { Page } from '../components/Page.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { SessionGate } from '../components/SessionGate.js';
import { safeNext } from '../navigation.js';
import { useApiQuery } from '../queries.js';
import type { PlainKey } from '../i18n/catalogue.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useSession, type SessionNotice } from '../session.js';

const NOTICES: Record<Exclude<SessionNotice, null>, PlainKey> = {
  expired: 'login.sessionExpired',
  loggedOut: 'login.loggedOut',
  loggedOutEverywhere: 'login.loggedOutEverywhere',
};

/** The login route: the form, or once signed in, the page the visitor was going to. */
export function LoginPage() {
  const { session } = useSession();
  const { next } = useSearch({ from: '/login' });
  const navigate = useNavigate();
  useEffect(() => {
    if (session) void navigate({ href: safeNext(next), replace: true });
  }, [session, next, navigate]);
  return <SessionGate>{session ? null : <LoginForm />}</SessionGate>;
}

function LoginForm() {
  const { t } = useI18n();
  const { signIn, notice } = useSession();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const needsSetup = useApiQuery(getSetupStatus, {}, { retry: false }).data?.needsSetup ?? false;
  const form = useApiForm(login, {
    defaultValues: { username: '', password: '' },
    prepare: (values) =>
      step === 'totp' ? { ...values, totp: totpDigits(values.totp) } : { ...values, totp: undefined },
    hints: { totp: 'error.totpFormat' },
    // The second step: the password was right and the account asks for its TOTP code.
    onSuccess: (result) => {
      if ('secondFactor' in result) setStep('totp');
      else signIn(result);
    },
  });
  const alert = useFormAlert(form);

  function back() {
    setStep('password');
    form.resetField('totp');
    form.clearErrors();
    form.setServerError(null);
  }

  const title = step === 'password' ? t('login.title') : t('login.totpTitle');
  return (
    <PublicLayout>
      <Page title={title} focusHeading={false} key={step}>
        {needsSetup && <p className="notice notice--info">{t('login.needsSetup')}</p>}
        {notice && step === 'password' && <p className="notice notice--info">{t(NOTICES[notice])}</p>}
        <Form form={form} onSubmit={form.onSubmit}>
          {step === 'password' ? (
            <>
              <UsernameField label={t('login.username')} autoFocus data-testid="login-username" />
              <FormText
                msg="login.password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                data-testid="login-password"
              />
            </>
          ) : (
            <>
              <p>{t('login.totpIntro', { username: form.getValues('username') })}</p>
              <TotpCodeField name="totp" pattern="[0-9]*" autoFocus data-testid="login-totp" />
            </>
          )}
          <SubmitRow
            alert={alert}
            pending={form.pending}
            label={step === 'password' ? t('login.submit') : t('login.totpSubmit')}
            testId="login-submit"
            extra={
              step === 'totp' && (
                <button type="button" className="btn" onClick={back}>
                  {t('login.back')}
                </button>
              )
            }
          />
        </Form>
      </Page>
    </PublicLayout>
  );
}
