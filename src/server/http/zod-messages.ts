/**
 * Spanish and English messages for the request schemas' size checks, in the plain words of the
 * web's own messages. zod's locales say them as a formula ("se esperaba que texto tuviera >=2
 * caracteres", "Too small: expected string to have >=3 characters"), which a person filling a form
 * should not have to decode. Every other check keeps zod's message; Guaraní is in zod-gn.ts.
 */
import { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;
type Words = {
  empty: string;
  atLeast: (n: string, what: 'characters' | 'items') => string;
  upTo: (n: string, what: 'characters' | 'items') => string;
  number: (bound: 'min' | 'max', inclusive: boolean, n: string) => string;
  unknown: (keys: string[]) => string;
};

const WORDS: Record<'es' | 'en', Words> = {
  es: {
    empty: 'No puede quedar vacío.',
    atLeast: (n, what) => `Debe tener al menos ${n} ${what === 'characters' ? 'caracteres' : 'elementos'}.`,
    upTo: (n, what) => `Puede tener hasta ${n} ${what === 'characters' ? 'caracteres' : 'elementos'}.`,
    number: (bound, inclusive, n) =>
      bound === 'min'
        ? inclusive
          ? `Debe ser ${n} o más.`
          : `Debe ser mayor que ${n}.`
        : inclusive
          ? `Debe ser ${n} o menos.`
          : `Debe ser menor que ${n}.`,
    // zod's Spanish calls an unknown field a "llave" (key): said here as a field to remove.
    unknown: (keys) =>
      keys.length > 1
        ? `Campos no admitidos: ${keys.join(', ')}. Quítelos de la solicitud.`
        : `Campo no admitido: ${keys.join(', ')}. Quítelo de la solicitud.`,
  },
  en: {
    empty: 'Cannot be empty.',
    atLeast: (n, what) => `Must have at least ${n} ${what}.`,
    upTo: (n, what) => `Can have up to ${n} ${what}.`,
    number: (bound, inclusive, n) =>
      bound === 'min'
        ? inclusive
          ? `Must be ${n} or more.`
          : `Must be greater than ${n}.`
        : inclusive
          ? `Must be ${n} or less.`
          : `Must be less than ${n}.`,
    unknown: (keys) =>
      `${keys.length > 1 ? 'Fields not accepted' : 'Field not accepted'}: ${keys.join(', ')}. Remove ${keys.length > 1 ? 'them' : 'it'} from the request.`,
  },
};

function plain(words: Words, issue: RawIssue): string | null {
  const counted = (origin: string) =>
    origin === 'string' ? 'characters' : origin === 'array' || origin === 'set' ? 'items' : null;
  switch (issue.code) {
    case 'too_small': {
      const what = counted(issue.origin);
      const n = String(issue.minimum);
      if (what === 'characters' && n === '1') return words.empty;
      if (what) return words.atLeast(n, what);
      return issue.origin === 'number' || issue.origin === 'int'
        ? words.number('min', issue.inclusive ?? true, n)
        : null;
    }
    case 'too_big': {
      const what = counted(issue.origin);
      const n = String(issue.maximum);
      if (what) return words.upTo(n, what);
      return issue.origin === 'number' || issue.origin === 'int'
        ? words.number('max', issue.inclusive ?? true, n)
        : null;
    }
    case 'unrecognized_keys':
      return words.unknown(issue.keys);
    default:
      return null;
  }
}

/** zod's `localeError` for `locale`, with the size checks and unknown fields in plain words. */
export function localeError(locale: 'es' | 'en'): z.core.$ZodErrorMap {
  const zodOwn = (locale === 'es' ? z.locales.es() : z.locales.en()).localeError;
  // zod's own answer as it gives it (undefined lets zod fall back to its default message).
  return (issue) => plain(WORDS[locale], issue) ?? zodOwn(issue);
}
