/** Paraguay's working days: weekends and national holidays (Easter-based ones included) are skipped. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  holidaysOf,
  isWorkingDay,
  workingDaysBetween,
} from '../../src/shared/working-days.js';

describe('working days', () => {
  it('computes Easter and the holy days from it', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    const days = holidaysOf(2026).map((h) => h.day);
    expect(days).toContain('2026-04-02');
    expect(days).toContain('2026-04-03');
    expect(days).toHaveLength(12);
  });

  it('skips weekends and holidays', () => {
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-08')).toBe(false); // Caacupé, a Tuesday
    expect(isWorkingDay('2026-12-07')).toBe(true);
    // Wednesday before Easter 2026 + 1 working day: Thursday and Friday are holy days → Monday.
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-06');
    // Friday 4 December 2026 + 3: Mon 7, (Tue 8 Caacupé), Wed 9, Thu 10.
    expect(addWorkingDays('2026-12-04', 3)).toBe('2026-12-10');
    // 14 and 15 May are both holidays.
    expect(addWorkingDays('2026-05-13', 1)).toBe('2026-05-18');
    expect(addWorkingDays('2026-12-05', 0)).toBe('2026-12-07');
  });

  it('counts back what it added', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40 }),
        (date, n) => {
          const day = date.toISOString().slice(0, 10);
          const start = addWorkingDays(day, 0);
          const end = addWorkingDays(start, n);
          expect(isWorkingDay(end)).toBe(true);
          expect(workingDaysBetween(start, end)).toBe(n);
        },
      ),
    );
  });
});
