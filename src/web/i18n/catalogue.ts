/**
 * Message keys and the typed translate function. Keys come from the Spanish catalogue, so a key
 * missing from another language is a compile error, and so is a call that forgets a placeholder.
 */
import type { Locale } from '../../shared/roles.js';
import { es } from './es.js';

export type MessageKey = keyof typeof es;
export type Catalogue = { readonly [K in MessageKey]: string };

/** Names of the `{placeholders}` in a message. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;
type ParamsOf<K extends MessageKey> = Record<Placeholders<(typeof es)[K]>, string | number>;

/** Arguments after the key: none for a plain message, the placeholder values otherwise. */
export type ParamArgs<K extends MessageKey> = [Placeholders<(typeof es)[K]>] extends [never]
  ? []
  : [params: ParamsOf<K>];

export type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

/** Fills `{name}` placeholders; an unknown placeholder is left as written so it shows in review. */
export function interpolate(message: string, params: Record<string, string | number> | undefined): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** BCP 47 tag for Intl formatting; Guaraní borrows Paraguayan Spanish number and date formats. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'es-PY';
}

/** Keys whose message has no placeholders (usable where the key is chosen at run time). */
export type PlainKey = { [K in MessageKey]: ParamArgs<K> extends [] ? K : never }[MessageKey];
