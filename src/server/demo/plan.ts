/**
 * How the demo cases spread over time: 2019–2026 with the yearly shape of the reference figures
 * (docs/DOMAIN.md §8: 86 victims identified in 2019, 299 in 2020, 166 in 2021; later years continue the
 * trend), scaled to the number of cases asked for. References run in detection order within a year.
 */
import type { Rng } from './prng.js';

/** Relative weight of each year. 2022–2026 have no published figure: a plausible continuation. */
export const YEAR_SHAPE: ReadonlyArray<readonly [number, number]> = [
  [2019, 86],
  [2020, 299],
  [2021, 166],
  [2022, 180],
  [2023, 195],
  [2024, 210],
  [2025, 225],
  [2026, 200],
];
/** The demo calendar ends here (fixed, so a seed gives the same data whatever the day it runs). */
export const LAST_DAY = '2026-11-15';

export interface YearSlice {
  year: number;
  count: number;
  /** Global index of the year's first case. */
  firstIndex: number;
  /** The year's case counter before the demo (references continue from it). */
  base: number;
  firstDay: number;
  days: number;
}

const DAY = 86_400_000;

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY;
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** `total` cases spread over the years by largest remainder, so the counts add up exactly. */
export function yearPlan(total: number, bases: ReadonlyMap<number, number> = new Map()): YearSlice[] {
  const weight = YEAR_SHAPE.reduce((sum, [, w]) => sum + w, 0);
  const exact = YEAR_SHAPE.map(([, w]) => (total * w) / weight);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) {
    const at = order[k]![1];
    counts[at] = counts[at]! + 1;
  }
  let firstIndex = 0;
  return YEAR_SHAPE.map(([year], i) => {
    const firstDay = dayNumber(`${year}-01-01`);
    const lastDay = year === Number(LAST_DAY.slice(0, 4)) ? dayNumber(LAST_DAY) : dayNumber(`${year}-12-31`);
    const slice = {
      year,
      count: counts[i]!,
      firstIndex,
      base: bases.get(year) ?? 0,
      firstDay,
      days: lastDay - firstDay + 1,
    };
    firstIndex += slice.count;
    return slice;
  });
}

/** The year and position within it of the case with global index `index`. */
export function locate(plan: readonly YearSlice[], index: number): { slice: YearSlice; ordinal: number } {
  for (const slice of plan) {
    if (index < slice.firstIndex + slice.count) return { slice, ordinal: index - slice.firstIndex };
  }
  throw new RangeError(`Case ${index} is beyond the plan.`);
}

/** The detection date of the `ordinal`-th case of a year: spread over the year, never decreasing. */
export function detectionDate(rng: Rng, slice: YearSlice, ordinal: number): string {
  return isoOfDay(slice.firstDay + Math.floor(((ordinal + rng.float()) * slice.days) / slice.count));
}

/** A timestamp on `iso` at a working hour (UTC-3 office hours), as ISO 8601. */
export function timestampOn(rng: Rng, iso: string): string {
  return `${iso}T${String(rng.int(11, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00Z`;
}

/** Older cases are mostly closed; recent ones still active. */
export function caseStatus(rng: Rng, year: number): string {
  const x = rng.float();
  if (year <= 2023)
    return x < 0.55 ? 'Closed' : x < 0.8 ? 'ClosedReferred' : x < 0.95 ? 'FollowUp' : 'Active';
  if (year <= 2025) return x < 0.3 ? 'Active' : x < 0.7 ? 'FollowUp' : x < 0.9 ? 'ClosedReferred' : 'Closed';
  return x < 0.7 ? 'Active' : x < 0.95 ? 'FollowUp' : 'Closed';
}

/** `days` after detection, but never after the end of the demo calendar. */
export function dayAfter(detectedOn: string, days: number): string {
  const day = addDays(detectedOn, days);
  return day > LAST_DAY ? (detectedOn > LAST_DAY ? detectedOn : LAST_DAY) : day;
}
