import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParaguayHours } from './alerts.js';

const HOUR = 3_600_000;

describe('ParaguayHours: the hour and day in Paraguay, formatted once per UTC hour', () => {
  /** Every `step` ms from `from` for `hours` hours, through one clock, against formatting each instant. */
  const sweep = (from: string, hours: number, step: number) => {
    const clock = new ParaguayHours();
    const start = Date.parse(from);
    for (let t = start; t < start + hours * HOUR; t += step)
      expect(clock.of(new Date(t)), new Date(t).toISOString()).toEqual(ParaguayHours.exact(t));
  };

  it('agrees with formatting each instant across the change to and from summer time', () => {
    // Summer time began on 1 Oct 2023 (00:00 → 01:00) and ended on 24 Mar 2024 (00:00 → 23:00 the day before).
    sweep('2023-09-30T12:00:00Z', 30, 59_999);
    sweep('2024-03-23T12:00:00Z', 30, 59_999);
  });

  it('agrees where the offset is not whole hours (local mean time, before 1931)', () => {
    sweep('1919-12-31T00:00:00Z', 30, 59_999);
  });

  it('agrees on any instants, in any order', () => {
    const clock = new ParaguayHours();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.parse('1900-01-01'), max: Date.parse('2100-01-01') })),
        (ts) => {
          for (const t of ts) expect(clock.of(new Date(t))).toEqual(ParaguayHours.exact(t));
          for (const t of ts) expect(clock.of(new Date(t + 1))).toEqual(ParaguayHours.exact(t + 1));
        },
      ),
    );
  });
});
