/** New password and its confirmation, with the length rule the server enforces. */
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../shared/roles.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { FormText } from './FormFields.js';

/** A set-password request's schema with the confirmation the form asks for (never sent). */
export function withConfirmation<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  return schema
    .extend({ confirm: z.string() })
    .refine((values: { password?: unknown; confirm?: unknown }) => values.password === values.confirm, {
      path: ['confirm'],
    });
}

/** The hints of such a form: a mismatch, and a bad link (the token is the link's, not a field). */
export const PASSWORD_HINTS = { confirm: 'error.passwordMismatch', token: 'error.linkInvalid' } as const;

/** The request without the confirmation. */
export function withoutConfirmation<T extends { confirm: string }>({ confirm: _confirm, ...body }: T) {
  return body;
}

export function PasswordFields({ username }: { username?: string }) {
  const { t } = useI18n();
  return (
    <>
      {username !== undefined && (
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      )}
      <FormText
        msg="password.new"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        required
      />
      <FormText msg="password.confirm" name="confirm" type="password" autoComplete="new-password" required />
    </>
  );
}
