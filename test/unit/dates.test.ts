import { describe, expect, it } from 'vitest';
import {
  addDays,
  isAfterParaguayToday,
  paraguayDayOf,
  paraguayToday,
  paraguayYear,
} from '../../src/shared/dates.js';

describe('Paraguay days', () => {
  it('late evening in Asunción is still the same day there while UTC has moved on', () => {
    // 2025-12-31 23:30 in Asunción (UTC−3) is 2026-01-01 02:30 UTC.
    const instant = new Date('2026-01-01T02:30:00Z');
    expect(instant.toISOString().slice(0, 10)).toBe('2026-01-01');
    expect(paraguayDayOf(instant)).toBe('2025-12-31');
    expect(paraguayToday(instant)).toBe('2025-12-31');
    expect(paraguayYear(instant)).toBe(2025);
  });

  it('the day after 03:00 UTC is the same in both calendars', () => {
    expect(paraguayDayOf('2026-03-15T03:00:00Z')).toBe('2026-03-15');
    expect(paraguayDayOf(Date.UTC(2026, 2, 15, 12))).toBe('2026-03-15');
  });

  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('a day is in the future only beyond today plus the slack', () => {
    const now = new Date('2026-06-10T15:00:00Z');
    expect(isAfterParaguayToday('2026-06-10', 1, now)).toBe(false);
    expect(isAfterParaguayToday('2026-06-11', 1, now)).toBe(false);
    expect(isAfterParaguayToday('2026-06-12', 1, now)).toBe(true);
    expect(isAfterParaguayToday('2026-06-11', 0, now)).toBe(true);
  });
});
