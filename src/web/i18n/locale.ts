/**
 * Where the active language comes from before login (this browser's last choice, else Spanish),
 * and how it is applied to the document. The browser's own language list is deliberately not
 * used: browsers almost never offer Guaraní, and Spanish is the expected default in Paraguay's
 * institutions, so guessing would mostly pick English on machines set up in English.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../shared/roles.js';

const STORAGE_KEY = 'nanduti.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStored(): Locale | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage can be disabled by policy; the default is fine then
  }
}

/** Remembers the choice in this browser so the login page opens in it next time. */
export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // see readStored
  }
}

export function initialLocale(): Locale {
  return readStored() ?? DEFAULT_LOCALE;
}

/** Sets `<html lang>` so screen readers pronounce the page in the right language. */
export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
}
