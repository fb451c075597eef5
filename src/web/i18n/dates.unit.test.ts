import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.js';

describe('formatDate', () => {
  it('shows a calendar day as that day in every language', () => {
    expect(formatDate('es', '2026-01-05')).toMatch(/^5 ene\.? 2026$/);
    expect(formatDate('gn', '2026-01-05')).toBe(formatDate('es', '2026-01-05'));
    expect(formatDate('en', '2026-01-05')).toBe('5 Jan 2026');
  });

  it("shows an instant as Paraguay's day, not UTC's", () => {
    // 02:00 UTC on 1 January is still 31 December in Asunción (UTC−3).
    expect(formatDate('en', '2026-01-01T02:00:00.000Z')).toBe('31 Dec 2025');
    expect(formatDate('en', '2026-01-01T03:00:00.000Z')).toBe('1 Jan 2026');
  });

  it('leaves empty values empty and unreadable ones as they came', () => {
    expect(formatDate('es', null)).toBe('');
    expect(formatDate('es', 'mañana')).toBe('mañana');
  });
});

describe('formatDateTime', () => {
  it("shows an instant in Paraguay's time, never as a UTC timestamp", () => {
    const shown = formatDateTime('en', '2026-03-10T18:45:00.000Z');
    expect(shown).toContain('10 Mar 2026');
    expect(shown).toContain('15:45');
    expect(shown).not.toContain('Z');
  });

  it('formats in the active language', () => {
    expect(formatDateTime('es', '2026-03-10T18:45:00.000Z')).toMatch(/^10 mar\.? 2026, 15:45$/);
  });
});
