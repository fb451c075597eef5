/** New password and its confirmation, with the length rule the server enforces. */
import { PASSWORD_MIN_LENGTH } from '../../shared/roles.js';
import type { FieldErrors } from '../forms.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from './Field.js';

interface Props {
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  errors: FieldErrors;
  /** The account name, so password managers file the new password under it. */
  username?: string;
}

export function PasswordFields({ password, confirm, onPassword, onConfirm, errors, username }: Props) {
  const { t } = useI18n();
  return (
    <>
      {username !== undefined && (
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      )}
      <TextField
        label={t('password.new')}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => onPassword(event.target.value)}
        hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        error={errors.password}
        required
      />
      <TextField
        label={t('password.confirm')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(event) => onConfirm(event.target.value)}
        error={errors.confirm}
        required
      />
    </>
  );
}
