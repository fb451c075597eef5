/** Periods of statistics queries: a year, from/to (inclusive), the same period a year earlier. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import { lastDay, periodOf, previousPeriod } from './period.js';

describe('statistics periods', () => {
  it('covers a calendar year, or from/to with both days included', () => {
    expect(periodOf({ year: 2024 })).toEqual({ from: '2024-01-01', until: '2025-01-01' });
    expect(periodOf({ from: '2024-02-10', to: '2024-02-29' })).toEqual({
      from: '2024-02-10',
      until: '2024-03-01',
    });
    expect(lastDay(periodOf({ from: '2024-02-10', to: '2024-02-29' }))).toBe('2024-02-29');
    expect(periodOf({}, new Date('2026-06-01T00:00:00Z'))).toEqual({
      from: '2026-01-01',
      until: '2027-01-01',
    });
  });

  it('refuses a year with dates, a lone date, and a period that ends before it starts', () => {
    for (const filters of [
      { year: 2024, from: '2024-01-01', to: '2024-02-01' },
      { from: '2024-01-01' },
      { from: '2024-03-01', to: '2024-02-01' },
    ])
      expect(() => periodOf(filters)).toThrow(AppError);
  });

  it('compares with the same days one year earlier, for any period', () => {
    const day = fc
      .date({
        min: new Date('1995-01-01T00:00:00Z'),
        max: new Date('2090-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const previous = previousPeriod(periodOf({ from, to }));
        expect(Number(previous.from.slice(0, 4))).toBe(Number(from.slice(0, 4)) - 1);
        expect(previous.from <= previous.until).toBe(true);
        expect(Number.isNaN(Date.parse(`${previous.from}T00:00:00Z`))).toBe(false);
        expect(Number.isNaN(Date.parse(`${previous.until}T00:00:00Z`))).toBe(false);
      }),
    );
  });
});
