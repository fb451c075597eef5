import type { FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../shared/roles.js';

/** The language of a response: Accept-Language (the web app sends its current language), else es. */
export function localeOf(request: FastifyRequest, fallback: Locale = DEFAULT_LOCALE): Locale {
  const header = request.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const tag = part.split(';')[0]!.trim().toLowerCase().split('-')[0];
      if ((LOCALES as readonly string[]).includes(tag ?? '')) return tag as Locale;
    }
  }
  return fallback;
}
