/**
 * First start: creates the first system administrator with the one-time token from the link the
 * server printed (`/setup#token=...`; the fragment never reaches the server's logs), then shows
 * the administrator's TOTP secret once.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { SetupRequest, type SetupResponse } from '../../shared/api.js';
import * as api from '../api-legacy.js';
import { TextField } from '../components/Field.js';
import { LiveRegion } from '../components/LiveRegion.js';
import { LoadError, Loading } from '../components/Loading.js';
import { Page } from '../components/Page.js';
import { PasswordFields } from '../components/PasswordFields.js';
import { PublicLayout } from '../components/PublicLayout.js';
import { TotpPanel } from '../components/TotpPanel.js';
import { passwordFormErrors, validate } from '../forms.js';
import { useForm } from '../hooks/useForm.js';
import { useLoad } from '../hooks/useLoad.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Link } from '@tanstack/react-router';
import { forgetHash, readHashToken } from '../navigation.js';

export function SetupPage() {
  const { t } = useI18n();
  const [token] = useState(readHashToken);
  const status = useLoad(api.getSetupStatus, 'setup');
  const [done, setDone] = useState<z.output<typeof SetupResponse> | null>(null);

  useEffect(forgetHash, []);

  let body;
  if (done) {
    body = (
      <>
        <TotpPanel totpSecret={done.totpSecret} otpauthUri={done.otpauthUri} />
        <p>
          <Link to="/login" className="btn btn--primary">
            {t('common.goToLogin')}
          </Link>
        </p>
      </>
    );
  } else if (status.loading) {
    body = <Loading />;
  } else if (status.error) {
    body = <LoadError error={status.error} onRetry={status.reload} />;
  } else if (!status.data?.needsSetup) {
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
      <p>
        <Link to="/login" className="btn btn--primary">
          {t('common.goToLogin')}
        </Link>
      </p>
    </>
  );
}

interface FormProps {
  token: string;
  onDone(result: z.output<typeof SetupResponse>): void;
}

function SetupForm({ token, onDone }: FormProps) {
  const { t } = useI18n();
  const form = useForm();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(SetupRequest, { token, username, displayName, password }, t, {
      username: 'error.usernameFormat',
    });
    const errors = passwordFormErrors(checked.ok ? {} : checked.errors, password, confirm, t);
    if (!checked.ok || Object.keys(errors).length > 0) return form.showErrors(errors);
    const result = await form.submit(
      () => api.completeSetup(checked.data),
      ['username', 'displayName', 'password'],
    );
    if (result) onDone(result);
  }

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <p>{t('setup.intro')}</p>
      <TextField
        label={t('setup.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        hint={t('setup.usernameHint')}
        error={form.errors.username}
        required
      />
      <TextField
        label={t('setup.displayName')}
        name="displayName"
        autoComplete="name"
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={form.errors.displayName}
        required
      />
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
          {form.pending ? t('action.working') : t('setup.submit')}
        </button>
      </div>
    </form>
  );
}
