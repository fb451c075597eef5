/**
 * The release calendar of the open data (docs/DISCLOSURE-CONTROL.md "Release calendar"): releases
 * are due every 1, 3, 6 or 12 months. Each covers a period ending on the last day of a month whose
 * number is a multiple of the frequency (quarterly: 31 March, 30 June, 30 September, 31 December)
 * and is due `lagDays` after it. A scheduled release is *published* when a release was published
 * (Paraguay's day) after its period ended, *overdue* when its due day has passed without one, and
 * *upcoming* otherwise. The schedule counts from the day the system started (`startsOn`): a period
 * that ended before it was never due. Days are Paraguay's calendar days.
 */
import type { ReleaseCalendarView, ReleaseSchedule } from '../../../shared/api-statistics.js';
import { addDays, paraguayDayOf, paraguayToday } from '../../../shared/dates.js';
import type { Ctx } from '../../core/context.js';
import { auditOperation } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';

type Scheduled = ReleaseCalendarView['scheduled'][number];
export interface Calendar {
  frequencyMonths: number;
  lagDays: number;
}
/** A calendar as stored: with the day its schedule counts from. */
export interface StartedCalendar extends Calendar {
  startsOn: string;
}
/** A published release: its version and the Paraguay day it was published. */
export interface PublishedOn {
  version: number;
  day: string;
}

const lastDayOf = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * The scheduled releases whose periods end from two years before `today` (but not before the
 * calendar's start) to two years after, in date order, each with its state.
 */
export function schedule(
  calendar: StartedCalendar,
  published: readonly PublishedOn[],
  today: string,
): Scheduled[] {
  const year = Number(today.slice(0, 4));
  const days = [...published].sort((a, b) => a.day.localeCompare(b.day) || a.version - b.version);
  const out: Scheduled[] = [];
  for (let y = year - 2; y <= year + 2; y++)
    for (let m = calendar.frequencyMonths; m <= 12; m += calendar.frequencyMonths) {
      const periodEnd = lastDayOf(y, m);
      if (periodEnd < calendar.startsOn) continue;
      const dueOn = addDays(periodEnd, calendar.lagDays);
      const release = days.find((r) => r.day > periodEnd)?.version ?? null;
      const state = release !== null ? 'published' : dueOn < today ? 'overdue' : 'upcoming';
      out.push({ periodEnd, dueOn, release, state });
    }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The latest due releases (up to 4) and the next ones (up to 4), and the overdue one. */
export function calendarView(calendar: StartedCalendar, published: readonly PublishedOn[], today: string) {
  const all = schedule(calendar, published, today);
  const due = all.filter((s) => s.dueOn < today);
  const coming = all.filter((s) => s.dueOn >= today);
  const latest = due.at(-1);
  return {
    scheduled: [...due.slice(-4), ...coming.slice(0, 4)],
    overdue: latest?.state === 'overdue' ? latest : null,
    next: coming.filter((s) => s.state === 'upcoming').slice(0, 3),
  };
}

/** The stored calendar (null when none is set) and the Paraguay day of each published release. */
async function load(trx: Trx) {
  const row = await trx
    .selectFrom('statistics_release_calendar')
    .select(['frequency_months', 'lag_days', 'updated_at', 'starts_on'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const releases = await trx.selectFrom('statistics_releases').select(['version', 'published_at']).execute();
  const published = releases.map((r) => ({ version: r.version, day: paraguayDayOf(r.published_at) }));
  const calendar: StartedCalendar | null = row
    ? { frequencyMonths: row.frequency_months, lagDays: row.lag_days, startsOn: row.starts_on }
    : null;
  return { calendar, updatedAt: row?.updated_at, published };
}

/** The public part: frequency, lag and the next scheduled releases (null when no calendar is set). */
export async function publicSchedule(trx: Trx): Promise<ReleaseSchedule | null> {
  const { calendar, published } = await load(trx);
  if (!calendar) return null;
  const { frequencyMonths, lagDays } = calendar;
  return { frequencyMonths, lagDays, next: calendarView(calendar, published, paraguayToday()).next };
}

/** The analysts' view: the calendar, the latest due and next releases, and the overdue one. */
export async function getReleaseCalendar(trx: Trx): Promise<ReleaseCalendarView> {
  const { calendar, updatedAt, published } = await load(trx);
  if (!calendar) return { calendar: null, scheduled: [], overdue: null };
  const { scheduled, overdue } = calendarView(calendar, published, paraguayToday());
  return {
    calendar: { ...calendar, updatedAt: new Date(updatedAt!).toISOString() },
    scheduled,
    overdue,
  };
}

/** Sets the calendar (audited with the fields changed). */
export async function setReleaseCalendar(ctx: Ctx, input: Calendar): Promise<ReleaseCalendarView> {
  const values = {
    frequency_months: input.frequencyMonths,
    lag_days: input.lagDays,
    updated_by: ctx.actor?.userId ?? null,
    updated_at: new Date(),
  };
  await ctx.trx
    .insertInto('statistics_release_calendar')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  await auditOperation(ctx, 'statistics.calendar', 'statistics_release_calendar', '1', [
    'frequencyMonths',
    'lagDays',
  ]);
  return getReleaseCalendar(ctx.trx);
}
