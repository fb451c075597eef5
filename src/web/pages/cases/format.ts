/** Formatting shared by the case and person pages: calendar dates, countries, places. */
import type { Locale } from '../../../shared/roles.js';
import { departmentName } from '../../departments.js';
import { intlLocale } from '../../i18n/catalogue.js';

/** Dates are shown by the one display helper (Paraguay's calendar and time zone). */
export { formatDate } from '../../i18n/dates.js';

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
