/**
 * Login in two steps: username and password, then, when the server answers `totp_required`, the
 * six-digit code from the user's authenticator app (the password is kept in memory meanwhile).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { LoginRequest } from '../../shared/api.js';
import * as api from '../api-legacy.js';
import { TextField } from '../components/Field.js';
import { LiveRegion } from '../components/LiveRegion.js';
import { Page } from '../components/Page.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { SessionGate } from '../components/SessionGate.js';
import { safeNext } from '../navigation.js';
import { validate } from '../forms.js';
import { useForm } from '../hooks/useForm.js';
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
  const form = useForm();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsSetup, setNeedsSetup] = useState(false);

  useEffect(() => {
    api.getSetupStatus().then(
      (status) => setNeedsSetup(status.needsSetup),
      () => undefined, // only a hint; the login form works without it
    );
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { username, password, ...(step === 'totp' ? { totp: totp.replace(/\s/g, '') } : {}) };
    const checked = validate(LoginRequest, input, t, { totp: 'error.totpFormat' });
    if (!checked.ok) return form.showErrors(checked.errors);
    const session = await form.submit(async () => {
      try {
        return await api.login(checked.data);
      } catch (error) {
        if (error instanceof api.ApiError && error.code === 'totp_required' && step === 'password') {
          setStep('totp');
          return null;
        }
        throw error;
      }
    }, ['username', 'password', 'totp']);
    if (session) signIn(session);
  }

  function back() {
    setStep('password');
    setTotp('');
    form.reset();
  }

  const title = step === 'password' ? t('login.title') : t('login.totpTitle');
  return (
    <PublicLayout>
      <Page title={title} focusHeading={false} key={step}>
        {needsSetup && <p className="notice notice--info">{t('login.needsSetup')}</p>}
        {notice && step === 'password' && <p className="notice notice--info">{t(NOTICES[notice])}</p>}
        <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
          {step === 'password' ? (
            <>
              <TextField
                label={t('login.username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                value={username}
                onChange={(event) => setUsername(event.target.value)}
                error={form.errors.username}
                required
                data-testid="login-username"
              />
              <TextField
                label={t('login.password')}
                name="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={form.errors.password}
                required
                data-testid="login-password"
              />
            </>
          ) : (
            <>
              <p>{t('login.totpIntro', { username })}</p>
              <TextField
                label={t('login.totp')}
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={7}
                autoFocus
                value={totp}
                onChange={(event) => setTotp(event.target.value)}
                hint={t('login.totpHint')}
                error={form.errors.totp}
                required
                className="input--code"
                data-testid="login-totp"
              />
            </>
          )}
          <LiveRegion error={form.alert} />
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
        </form>
      </Page>
    </PublicLayout>
  );
}
