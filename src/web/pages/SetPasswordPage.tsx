/**
 * The page behind activation links (`/activate#token=...`, a new user) and reset links
 * (`/reset#token=...`, issued by an administrator): choose a password, and, when the account must
 * use two-step verification, receive its TOTP secret once.
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { SetPasswordRequest, type SetPasswordResponse } from '../../shared/api.js';
import { setPasswordWithToken } from '../../shared/contracts/setup.js';
import { GoToLogin } from '../components/AccountFields.js';
import { Form, useApiForm, useFormAlert } from '../components/Form.js';
import { SubmitRow } from '../components/FormActions.js';
import { Page } from '../components/Page.js';
import {
  PASSWORD_HINTS,
  PasswordFields,
  withConfirmation,
  withoutConfirmation,
} from '../components/PasswordFields.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { TotpPanel } from '../components/TotpPanel.js';
import { useI18n } from '../i18n/I18nProvider.js';
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
        {done.totp && (
          <TotpPanel
            totpSecret={done.totp.totpSecret}
            otpauthUri={done.totp.otpauthUri}
            qrCode={done.totp.qrCode}
            pendingUntilSignIn
          />
        )}
        <GoToLogin />
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
  const form = useApiForm(setPasswordWithToken, {
    schema: withConfirmation(SetPasswordRequest),
    defaultValues: { token, password: '', confirm: '' },
    hints: PASSWORD_HINTS,
    toInput: (values) => ({ body: withoutConfirmation(values) }),
    onSuccess: onDone,
  });
  return (
    <Form form={form} onSubmit={form.onSubmit}>
      <p>{mode === 'activate' ? t('setPassword.activateIntro') : t('setPassword.resetIntro')}</p>
      <PasswordFields />
      <SubmitRow alert={useFormAlert(form)} pending={form.pending} label={t('setPassword.submit')} />
    </Form>
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
