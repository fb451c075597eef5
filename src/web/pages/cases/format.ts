/** Formatting shared by the case and person pages: calendar dates, countries, places. */
import type { Locale } from '../../../shared/roles.js';
import { departmentName } from '../../departments.js';
import { intlLocale } from '../../i18n/catalogue.js';

/** A calendar date (`YYYY-MM-DD`) in the user's language; read as UTC so it never shifts a day. */
export function formatDate(locale: Locale, value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A country's name from its ISO 3166-1 code (Guaraní uses the Spanish names). */
export function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** "District, Department, Country" from whatever parts are known. */
export function placeLabel(
  locale: Locale,
  parts: { district?: string | null; department?: string | null; country?: string | null },
): string {
  return [
    parts.district,
    parts.department ? departmentName(parts.department) : null,
    parts.country ? countryName(locale, parts.country) : null,
  ]
    .filter(Boolean)
    .join(', ');
}
