/**
 * Paraguay's working days: Monday to Friday except the national holidays. Deadlines of follow-up
 * (a referral's answer, a service's delivery, a task's due date) count working days, so a referral
 * made on the Wednesday before Easter is not overdue on Good Friday. docs/TASKS.md.
 *
 * The holidays (Ley 1.601/2000 and the laws that added to it):
 * - fixed by law: 1 January, 1 March (Heroes), 1 May (Labour), 14 and 15 May (Independence),
 *   12 June (Chaco Peace), 15 August (Foundation of Asunción), 29 September (Boquerón),
 *   8 December (Virgin of Caacupé), 25 December;
 * - Holy Thursday and Good Friday, computed from Easter (Gregorian computus);
 * - movable: the Executive may move 1 March, 12 June and 29 September to a Monday or Friday by
 *   decree, year by year. `MOVED_HOLIDAYS` holds those moves, checked against the decree of each
 *   year; a year without an entry keeps the law's date. Update it when a decree is published.
 *
 * Days are ISO strings (`YYYY-MM-DD`), as in dates.ts.
 */
import { addDays } from './dates.js';

export interface Holiday {
  day: string;
  /** A stable code (the web translates it). */
  code: string;
}

/** Fixed-date holidays by law: month-day and code. */
const FIXED: ReadonlyArray<readonly [string, string]> = [
  ['01-01', 'new_year'],
  ['03-01', 'heroes'],
  ['05-01', 'labour'],
  ['05-14', 'independence'],
  ['05-15', 'independence_mother'],
  ['06-12', 'chaco_peace'],
  ['08-15', 'asuncion'],
  ['09-29', 'boqueron'],
  ['12-08', 'caacupe'],
  ['12-25', 'christmas'],
];

/**
 * Movable holidays moved by decree: year → code → the day it is observed instead. Only moves read
 * in a published decree belong here; none is guessed.
 */
export const MOVED_HOLIDAYS: Readonly<Record<number, Readonly<Record<string, string>>>> = {};

/** Easter Sunday of `year` (Gregorian calendar; anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const cache = new Map<number, Holiday[]>();

/** The national holidays of `year`, in date order. */
export function holidaysOf(year: number): Holiday[] {
  const known = cache.get(year);
  if (known) return known;
  const moved = MOVED_HOLIDAYS[year] ?? {};
  const easter = easterSunday(year);
  const list: Holiday[] = [
    ...FIXED.map(([md, code]) => ({ day: moved[code] ?? `${year}-${md}`, code })),
    { day: addDays(easter, -3), code: 'holy_thursday' },
    { day: addDays(easter, -2), code: 'good_friday' },
  ].sort((x, y) => x.day.localeCompare(y.day));
  cache.set(year, list);
  return list;
}

/** Whether `day` is a holiday in Paraguay. */
export function isHoliday(day: string): boolean {
  return holidaysOf(Number(day.slice(0, 4))).some((h) => h.day === day);
}

/** Monday to Friday and not a holiday. */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(day);
}

/**
 * The day `n` working days after `day` (n ≥ 0; 0 gives `day` itself when it is a working day, or
 * the next working day). "3 working days from Wednesday before Easter" is the next Tuesday.
 */
export function addWorkingDays(day: string, n: number): string {
  let current = day;
  while (!isWorkingDay(current)) current = addDays(current, 1);
  for (let left = n; left > 0;) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left--;
  }
  return current;
}

/** Working days from `from` (excluded) to `to` (included); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day)) count++;
  return count;
}

/**
 * The instant a deadline of `day` ends: the start of the next day in Paraguay (UTC−3 since 2024),
 * so a referral due on a day is overdue from midnight of that day.
 */
export function endOfParaguayDay(day: string): Date {
  return new Date(`${addDays(day, 1)}T00:00:00-03:00`);
}
