/**
 * First start: creates the first system administrator with the one-time token from the link the
 * server printed (`/setup#token=...`; the fragment never reaches the server's logs), then shows
 * the administrator's TOTP secret once.
 */
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import { SetupRequest, type SetupResponse } from '../../shared/api.js';
import { completeSetup, getSetupStatus } from '../../shared/contracts/setup.js';
import { GoToLogin, UsernameField } from '../components/AccountFields.js';
import { Form, useApiForm, useFormAlert } from '../components/Form.js';
import { SubmitRow } from '../components/FormActions.js';
import { FormText } from '../components/FormFields.js';
import { LoadError, Loading } from '../components/Loading.js';
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
import { useApiQuery } from '../queries.js';
import { forgetHash, readHashToken } from '../navigation.js';

export function SetupPage() {
  const { t } = useI18n();
  const [token] = useState(readHashToken);
  const status = useApiQuery(getSetupStatus, {});
  const [done, setDone] = useState<z.output<typeof SetupResponse> | null>(null);

  useEffect(forgetHash, []);

  let body;
  if (done) {
    body = (
      <>
        <TotpPanel
          totpSecret={done.totpSecret}
          otpauthUri={done.otpauthUri}
          qrCode={done.qrCode}
          pendingUntilSignIn
        />
        <GoToLogin />
      </>
    );
  } else if (status.isError) {
    body = <LoadError error={status.error} onRetry={() => void status.refetch()} />;
  } else if (!status.data) {
    body = <Loading />;
  } else if (!status.data.needsSetup) {
    body = <AlreadySetUp />;
  } else if (!token) {
    body = <p className="notice notice--error">{t('setup.missingToken')}</p>;
  } else {
    body = <SetupForm token={token} onDone={setDone} />;
  }

  return (
    <PublicLayout>
      <Page title={done ? t('setup.done') : t('setup.title')} key={done ? 'done' : 'form'}>
        {body}
      </Page>
    </PublicLayout>
  );
}

function AlreadySetUp() {
  const { t } = useI18n();
  return (
    <>
      <p className="notice notice--info">{t('setup.alreadyDone')}</p>
      <GoToLogin />
    </>
  );
}

interface FormProps {
  token: string;
  onDone(result: z.output<typeof SetupResponse>): void;
}

function SetupForm({ token, onDone }: FormProps) {
  const { t } = useI18n();
  const form = useApiForm(completeSetup, {
    schema: withConfirmation(SetupRequest),
    defaultValues: { token, username: '', displayName: '', password: '', confirm: '' },
    hints: { ...PASSWORD_HINTS, username: 'error.usernameFormat' },
    toInput: (values) => ({ body: withoutConfirmation(values) }),
    onSuccess: onDone,
  });
  return (
    <Form form={form} onSubmit={form.onSubmit}>
      <p>{t('setup.intro')}</p>
      <UsernameField label={t('setup.username')} hint={t('setup.usernameHint')} />
      <FormText msg="setup.displayName" name="displayName" autoComplete="name" required />
      <PasswordFields />
      <SubmitRow alert={useFormAlert(form)} pending={form.pending} label={t('setup.submit')} />
    </Form>
  );
}
