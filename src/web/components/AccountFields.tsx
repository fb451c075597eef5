/**
 * Fields of the account forms (login, first set-up, a new user, two-step verification), the same
 * on every page that asks for them: a username the browser does not capitalise or correct, and
 * the six-digit code of an authenticator app.
 */
import { Link } from '@tanstack/react-router';
import type { ComponentProps } from 'react';
import { useI18n } from '../i18n/I18nProvider.js';
import { FormText } from './FormFields.js';

type TextProps = Omit<ComponentProps<typeof FormText>, 'name'>;

/** The `username` field. */
export function UsernameField(props: TextProps) {
  return (
    <FormText
      name="username"
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      required
      {...props}
    />
  );
}

/** A TOTP code field named `name`; the code may be typed with spaces (see `totpDigits`). */
export function TotpCodeField({ name, ...props }: Omit<TextProps, 'label'> & { name: string }) {
  return (
    <FormText
      msg="login.totp"
      name={name}
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      className="input--code"
      required
      {...props}
    />
  );
}

/** The code as the server reads it: digits only, the spaces some apps show left out. */
export const totpDigits = (code: string | undefined) => (code ?? '').replace(/\s/g, '');

/** The link to the login page, as a page's main action when its work is done. */
export function GoToLogin() {
  const { t } = useI18n();
  return (
    <p>
      <Link to="/login" className="btn btn--primary">
        {t('common.goToLogin')}
      </Link>
    </p>
  );
}
