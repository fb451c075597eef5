/**
 * The page behind activation links (`/activate#token=...`, a new user) and reset links
 * (`/reset#token=...`, issued by an administrator): choose a password, and, when the account must
 * use two-step verification, receive its TOTP secret once.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { SetPasswordRequest, type SetPasswordResponse } from '../../shared/api.js';
import * as api from '../api-legacy.js';
import { LiveRegion } from '../components/LiveRegion.js';
import { Page } from '../components/Page.js';
import { PasswordFields } from '../components/PasswordFields.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { TotpPanel } from '../components/TotpPanel.js';
import { passwordFormErrors, validate } from '../forms.js';
import { useForm } from '../hooks/useForm.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from '@tanstack/react-router';
import { forgetHash, readHashToken } from '../navigation.js';

export function SetPasswordPage({ mode }: { mode: 'activate' | 'reset' }) {
  const { t } = useI18n();
  const [token] = useState(readHashToken);
  const [done, setDone] = useState<z.output<typeof SetPasswordResponse> | null>(null);

  useEffect(forgetHash, []);

  const title = mode === 'activate' ? t('setPassword.activateTitle') : t('setPassword.resetTitle');
  let body;
  if (done) {
    body = (
      <>
        <p className="notice notice--success" role="status">
          {t('setPassword.done')}
        </p>
        {done.totp && <TotpPanel totpSecret={done.totp.totpSecret} otpauthUri={done.totp.otpauthUri} />}
        <p>
          <Link to="/login" className="btn btn--primary">
            {t('common.goToLogin')}
          </Link>
        </p>
      </>
    );
  } else if (!token) {
    body = <p className="notice notice--error">{t('setPassword.missingToken')}</p>;
  } else {
    body = <PasswordForm token={token} mode={mode} onDone={setDone} />;
  }

  return (
    <PublicLayout>
      <Page title={title} key={done ? 'done' : 'form'}>
        {body}
      </Page>
    </PublicLayout>
  );
}

interface FormProps {
  token: string;
  mode: 'activate' | 'reset';
  onDone(result: z.output<typeof SetPasswordResponse>): void;
}

function PasswordForm({ token, mode, onDone }: FormProps) {
  const { t } = useI18n();
  const form = useForm();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(SetPasswordRequest, { token, password }, t);
    const errors = passwordFormErrors(checked.ok ? {} : checked.errors, password, confirm, t);
    if (!checked.ok || Object.keys(errors).length > 0) return form.showErrors(errors);
    const result = await form.submit(() => api.setPasswordWithToken(checked.data), ['password']);
    if (result) onDone(result);
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <p>{mode === 'activate' ? t('setPassword.activateIntro') : t('setPassword.resetIntro')}</p>
      <PasswordFields
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        errors={form.errors}
      />
      <LiveRegion error={form.alert} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={form.pending}>
          {form.pending ? t('action.working') : t('setPassword.submit')}
        </button>
      </div>
    </form>
  );
}

/** `/activate#token=…`: a new user's first password. */
export function ActivatePage() {
  return <SetPasswordPage mode="activate" />;
}

/** `/reset#token=…`: a password reset issued by an administrator. */
export function ResetPage() {
  return <SetPasswordPage mode="reset" />;
}
