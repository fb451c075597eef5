/** The period a query covers: a calendar year, or from/to dates (both inclusive). */
import type { StatisticsFilters } from '../../shared/api-statistics.js';
import { errors } from '../core/errors.js';
import { paraguayYear } from '../../shared/dates.js';

export interface Period {
  /** Inclusive. */
  from: string;
  /** Exclusive (the day after the last day). */
  until: string;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period of the filters; a year, or from/to, or the current calendar year. */
export function periodOf(filters: StatisticsFilters, today = new Date()): Period {
  if (filters.year !== undefined && (filters.from || filters.to))
    throw errors.validation([{ path: 'query.year', message: 'issue.yearOrRange' }]);
  if (filters.from || filters.to) {
    if (!filters.from || !filters.to)
      throw errors.validation([{ path: 'query.from', message: 'issue.fromAndTo' }]);
    if (filters.from > filters.to)
      throw errors.validation([{ path: 'query.to', message: 'issue.fromAfterTo' }]);
    return { from: filters.from, until: iso(Date.parse(`${filters.to}T00:00:00Z`) + DAY) };
  }
  const year = filters.year ?? paraguayYear(today);
  return { from: `${year}-01-01`, until: `${year + 1}-01-01` };
}

/** The same period one year earlier (year-over-year change). */
export function previousPeriod(period: Period): Period {
  const back = (date: string) =>
    `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`.replace('-02-29', '-02-28');
  return { from: back(period.from), until: back(period.until) };
}

/** The last day of a period (inclusive), for display. */
export function lastDay(period: Period): string {
  return iso(Date.parse(`${period.until}T00:00:00Z`) - DAY);
}
