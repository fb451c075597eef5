/**
 * Plain (React-free) translation, used by the provider and by the API client's own messages.
 *
 * Each language's catalogue is its own chunk, loaded when the language is first used
 * (`loadCatalogue`); the provider loads the active one before rendering, so `translate` is
 * synchronous everywhere after that. Until a catalogue is loaded its language falls back to a
 * loaded one (Spanish first), and a key with no loaded catalogue at all shows as the key.
 */
import type { Locale } from '../../shared/roles.js';
import type { Catalogue, MessageKey, ParamArgs, Translate } from './catalogue.js';
import { formatMessage, type MessageValues } from './format.js';

const loaders: Record<Locale, () => Promise<Catalogue>> = {
  es: () => import('./es.js').then((m) => m.es),
  gn: () => import('./gn.js').then((m) => m.gn),
  en: () => import('./en.js').then((m) => m.en),
};

const loaded: Partial<Record<Locale, Catalogue>> = {};
const pending: Partial<Record<Locale, Promise<void>>> = {};

/** Loads `locale`'s catalogue (once); resolves when `translate` can use it. */
export function loadCatalogue(locale: Locale): Promise<void> {
  if (loaded[locale]) return Promise.resolve();
  pending[locale] ??= loaders[locale]().then(
    (catalogue) => {
      loaded[locale] = catalogue;
    },
    (error: unknown) => {
      delete pending[locale]; // a failed chunk download may be retried
      throw error;
    },
  );
  return pending[locale];
}

export function isCatalogueLoaded(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

function catalogueFor(locale: Locale): Catalogue | undefined {
  return loaded[locale] ?? loaded.es ?? loaded.gn ?? loaded.en;
}

/** The message for `key` in `locale`, formatted with its arguments. */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...params: ParamArgs<K>): string {
  const message = catalogueFor(locale)?.[key];
  if (message === undefined) return key;
  return formatMessage(locale, message, params[0] as MessageValues | undefined);
}

/** Whether `key` has a message (in `locale`'s catalogue, or the loaded one it falls back to). */
export function hasMessage(locale: Locale, key: string): key is MessageKey {
  const catalogue = catalogueFor(locale);
  return catalogue !== undefined && Object.hasOwn(catalogue, key);
}

/** A `t` bound to one locale. */
export function translator(locale: Locale): Translate {
  return (key, ...params) => translate(locale, key, ...params);
}
