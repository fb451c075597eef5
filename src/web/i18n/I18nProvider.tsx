/**
 * Holds the active language for the whole app and keeps the document and API client in step.
 * The active language's catalogue is a chunk of its own: the provider renders once it is loaded
 * (a few kB, before anything else is useful), and a switch of language shows the new language
 * once its catalogue has arrived.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../shared/roles.js';
import { setApiLocale } from '../api.js';
import type { Translate } from './catalogue.js';
import { formatDate, formatDateTime, formatNumber } from './dates.js';
import { applyDocumentLocale, initialLocale, storeLocale } from './locale.js';
import { isCatalogueLoaded, loadCatalogue, translator } from './translate.js';

export interface I18n {
  locale: Locale;
  t: Translate;
  /** Switches the language in this browser (the session provider also saves it on the server). */
  setLocale(locale: Locale): void;
  /** A calendar day (`YYYY-MM-DD`) as itself, or an instant as Paraguay's day. */
  formatDate(value: string | null | undefined): string;
  /** An instant's date and time in Paraguay's time zone. */
  formatDateTime(value: string | null | undefined): string;
  formatNumber(value: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function apply(locale: Locale): void {
  applyDocumentLocale(locale);
  setApiLocale(locale);
  storeLocale(locale);
}

/** Loads `locale`'s catalogue; if its chunk cannot be fetched, the app still runs in a loaded language. */
function load(locale: Locale): Promise<void> {
  return loadCatalogue(locale).catch(() =>
    locale === 'es' ? undefined : loadCatalogue('es').catch(() => {}),
  );
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [ready, setReady] = useState(() => isCatalogueLoaded(locale));

  useEffect(() => {
    apply(locale);
    if (ready) return;
    let live = true;
    void load(locale).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [locale, ready]);

  const setLocale = useCallback((next: Locale) => {
    void load(next).then(() => {
      apply(next);
      setLocaleState(next);
    });
  }, []);

  const value = useMemo<I18n>(
    () => ({
      locale,
      t: translator(locale),
      setLocale,
      formatDate: (value) => formatDate(locale, value),
      formatDateTime: (value) => formatDateTime(locale, value),
      formatNumber: (value) => formatNumber(locale, value),
    }),
    [locale, setLocale],
  );

  if (!ready) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
