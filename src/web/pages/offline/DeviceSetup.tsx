/**
 * Registering this device and choosing the offline PIN, and the PIN prompt that opens the vault.
 * Plain inputs: a PIN never goes into any form library's state beyond this component.
 */
import { useState } from 'react';
import { toApiError } from '../../api.js';
import { TextField } from '../../components/Field.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { registerThisDevice, unlock, useOffline } from '../../offline/store.js';

const PIN = /^\d{6,12}$/;

export function RegisterDevice({ userId }: { userId: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (k: string) => String(data.get(k) ?? '');
    const [name, pin, again] = [field('name'), field('pin'), field('pinAgain')];
    if (!PIN.test(pin)) return setError(t('offline.register.pinInvalid'));
    if (pin !== again) return setError(t('offline.register.pinMismatch'));
    setPending(true);
    setError(null);
    try {
      await registerThisDevice(userId, name.trim(), pin);
    } catch (failure) {
      setError(toApiError(failure).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form offline-form" onSubmit={(e) => void onSubmit(e)} data-testid="device-register">
      <h2>{t('offline.register.title')}</h2>
      <TextField
        label={t('offline.register.name')}
        hint={t('offline.register.nameHint')}
        name="name"
        required
        maxLength={80}
        autoComplete="off"
      />
      <TextField
        label={t('offline.register.pin')}
        hint={t('offline.register.pinHint')}
        name="pin"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        required
      />
      <TextField
        label={t('offline.register.pinAgain')}
        name="pinAgain"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        required
      />
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button className="btn btn--primary" type="submit" disabled={pending}>
        {t('offline.register.submit')}
      </button>
    </form>
  );
}

export function UnlockPrompt() {
  const { t } = useI18n();
  const { attemptsLeft } = useOffline();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const pin = String(new FormData(form).get('pin') ?? '');
    setPending(true);
    try {
      if (!(await unlock(pin))) form.reset();
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form offline-form" onSubmit={(e) => void onSubmit(e)} data-testid="offline-unlock">
      <h2>{t('offline.unlock.title')}</h2>
      <p>{t('offline.unlock.intro')}</p>
      <TextField
        label={t('offline.unlock.pin')}
        name="pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        required
        autoFocus
      />
      {attemptsLeft !== null && (
        <p className="notice notice--error" role="alert">
          {t('offline.unlock.wrong', { count: attemptsLeft })}
        </p>
      )}
      <button className="btn btn--primary" type="submit" disabled={pending}>
        {t('offline.unlock.submit')}
      </button>
    </form>
  );
}
