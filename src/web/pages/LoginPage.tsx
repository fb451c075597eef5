/**
 * Login in two steps: username and password, then, when the server answers `totp_required`, the
 * six-digit code from the user's authenticator app (the password is kept in memory meanwhile).
 */
import { useEffect, useState } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { login } from '../../shared/contracts/session.js';
import { getSetupStatus } from '../../shared/contracts/setup.js';
import { Form, useApiForm, useFormAlert } from '../components/Form.js';
import { FormText } from '../components/FormFields.js';
import { LiveRegion } from '../components/LiveRegion.js';
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
      step === 'totp'
        ? { ...values, totp: (values.totp ?? '').replace(/\s/g, '') }
        : { ...values, totp: undefined },
    hints: { totp: 'error.totpFormat' },
    onSuccess: signIn,
    // The second step: the password was right and the account asks for its TOTP code.
    onError: (error) => {
      if (error.code !== 'totp_required' || step !== 'password') return false;
      setStep('totp');
      return true;
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
              <FormText
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                required
                data-testid="login-username"
              />
              <FormText
                label={t('login.password')}
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
              <FormText
                label={t('login.totp')}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={7}
                autoFocus
                hint={t('login.totpHint')}
                required
                className="input--code"
                data-testid="login-totp"
              />
            </>
          )}
          <LiveRegion error={alert} />
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={form.pending}
              data-testid="login-submit"
            >
              {form.pending
                ? t('action.working')
                : step === 'password'
                  ? t('login.submit')
                  : t('login.totpSubmit')}
            </button>
            {step === 'totp' && (
              <button type="button" className="btn" onClick={back}>
                {t('login.back')}
              </button>
            )}
          </div>
        </Form>
      </Page>
    </PublicLayout>
  );
}
