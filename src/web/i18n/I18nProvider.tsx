/** Holds the active language for the whole app and keeps the document and API client in step. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../shared/roles.js';
import { setApiLocale } from '../api.js';
import { intlLocale, type Translate } from './catalogue.js';
import { applyDocumentLocale, initialLocale, storeLocale } from './locale.js';
import { translator } from './translate.js';

export interface I18n {
  locale: Locale;
  t: Translate;
  /** Switches the language in this browser (the session provider also saves it on the server). */
  setLocale(locale: Locale): void;
  formatDateTime(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function apply(locale: Locale): void {
  applyDocumentLocale(locale);
  setApiLocale(locale);
  storeLocale(locale);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const first = initialLocale();
    apply(first);
    return first;
  });

  const setLocale = useCallback((next: Locale) => {
    apply(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dateTime = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
    return {
      locale,
      t: translator(locale),
      setLocale,
      formatDateTime: (iso) => {
        const date = new Date(iso);
        return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
      },
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
