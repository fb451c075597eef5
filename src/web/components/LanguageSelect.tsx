/**
 * The language switcher. Each language is named in itself so anyone can find theirs whatever
 * language the page is in; once logged in the choice is saved to the user's account.
 */
import { useId, useState } from 'react';
import { LOCALES, type Locale } from '../../shared/roles.js';
import { toApiError } from '../api.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { isLocale } from '../i18n/locale.js';
import { useSession } from '../session.js';

/** Each language named in itself. */
export const ENDONYMS: Record<Locale, string> = { es: 'Español', gn: "Avañe'ẽ", en: 'English' };

export function LanguageSelect({ className, testId }: { className?: string; testId?: string }) {
  const { t, locale } = useI18n();
  const { changeLocale } = useSession();
  const id = useId();
  const [error, setError] = useState<string | null>(null);

  function onChange(value: string) {
    if (!isLocale(value)) return;
    setError(null);
    changeLocale(value).catch((reason: unknown) => setError(toApiError(reason).message));
  }

  return (
    <div className={`language-select ${className ?? ''}`}>
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={locale} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {ENDONYMS[code]}
          </option>
        ))}
      </select>
      <span className="language-select-error" role="alert">
        {error}
      </span>
    </div>
  );
}
