/**
 * Dates as the web shows them: in the active language's format and Paraguay's time zone
 * (America/Asuncion), whatever the time zone of the device. Every date the web displays goes
 * through `formatDate` or `formatDateTime` (the I18n context binds them to the active language).
 *
 * Two kinds of value come from the API:
 * - a calendar day, `YYYY-MM-DD` (date of birth, date of the facts): shown as that day, never
 *   shifted by a time zone;
 * - an instant, an ISO timestamp (created at, locked until): shown in Paraguay's time, and as
 *   Paraguay's day when only the day is wanted (at 22:00 in Asunción, UTC is already tomorrow).
 * Day arithmetic ("today in Paraguay") lives in src/shared/dates.ts, shared with the server.
 */
import { PARAGUAY_TIME_ZONE, paraguayDayOf } from '../../shared/dates.js';
import type { Locale } from '../../shared/roles.js';
import { intlLocale } from './catalogue.js';

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

const formats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), options);
    formats.set(key, format);
  }
  return format;
}

/** The calendar day of `value`: itself for `YYYY-MM-DD`, Paraguay's day for an instant. */
function dayOf(value: string): string | null {
  if (CALENDAR_DAY.test(value)) return value;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : paraguayDayOf(instant);
}

/**
 * A day in `locale` ("5 ene. 2026", "5 Jan 2026"). Accepts a calendar day or an instant; an empty
 * value gives '' and an unreadable one is shown as it came.
 */
export function formatDate(locale: Locale, value: string | null | undefined): string {
  if (!value) return '';
  const day = dayOf(value);
  if (!day) return value;
  // The day at noon UTC, formatted in UTC: the same calendar day in every time zone.
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/**
 * An instant's date and time in Paraguay, in `locale` ("5 ene. 2026, 14:30"). The 24-hour clock
 * throughout, as Paraguay's public administration writes times ("14:30 hs"), not "2:30 p. m.".
 */
export function formatDateTime(locale: Locale, value: string | Date | null | undefined): string {
  if (!value) return '';
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return String(value);
  return dateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: PARAGUAY_TIME_ZONE,
  }).format(instant);
}

/** A number in `locale`'s format (thousands separators). */
export function formatNumber(locale: Locale, value: number): string {
  return value.toLocaleString(intlLocale(locale));
}
