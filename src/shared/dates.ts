/**
 * Calendar days as Paraguay lives them. The facts, interviews and services this system records
 * happen in Paraguay (America/Asuncion, UTC−3 all year since 2024, UTC−4/−3 before), so "today",
 * "this year" and "the day of this instant" mean Paraguay's calendar, not UTC's: between 21:00 and
 * midnight in Asunción, UTC is already on the next day. Used by the server and the web alike.
 *
 * Days are ISO strings (`YYYY-MM-DD`); they compare correctly as strings.
 */

export const PARAGUAY_TIME_ZONE = 'America/Asuncion';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARAGUAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day (`YYYY-MM-DD`) an instant falls on in Paraguay. */
export function paraguayDayOf(instant: Date | string | number): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  // Formatted once (the privacy job calls this for every audit row it reads).
  const parts = dayFormat.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today in Paraguay (`YYYY-MM-DD`). */
export function paraguayToday(now: Date = new Date()): string {
  return paraguayDayOf(now);
}

/** This year in Paraguay. */
export function paraguayYear(now: Date = new Date()): number {
  return Number(paraguayDayOf(now).slice(0, 4));
}

/** The calendar day `days` after (or, negative, before) `day`; pure calendar arithmetic. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * True when `day` is after today in Paraguay. A day of slack is allowed by default, so that a
 * device whose clock or time zone is a little ahead is not refused for entering its own "today".
 */
export function isAfterParaguayToday(day: string, slackDays = 1, now: Date = new Date()): boolean {
  return day > addDays(paraguayToday(now), slackDays);
}
