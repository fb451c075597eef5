/** Plain (React-free) translation, used by the provider and by the API client's own messages. */
import type { Locale } from '../../shared/roles.js';
import { interpolate, type MessageKey, type ParamArgs, type Translate } from './catalogue.js';
import { en } from './en.js';
import { es } from './es.js';
import { gn } from './gn.js';

const catalogues = { es, gn, en } as const;

/** The message for `key` in `locale`, falling back to Spanish if a catalogue lacks it at run time. */
export function translate<K extends MessageKey>(locale: Locale, key: K, ...params: ParamArgs<K>): string {
  const message = catalogues[locale][key] ?? es[key];
  return interpolate(message, params[0] as Record<string, string | number> | undefined);
}

/** A `t` bound to one locale. */
export function translator(locale: Locale): Translate {
  return (key, ...params) => translate(locale, key, ...params);
}
