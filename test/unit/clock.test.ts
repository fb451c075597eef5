/** The follow-up clock's test-only offset (src/server/core/clock.ts): parsed strictly, ignored outside tests. */
import { describe, expect, it } from 'vitest';
import { clockOffsetMs, parseClockOffset } from '../../src/server/core/clock.js';

describe('follow-up clock offset', () => {
  it('reads minutes, hours and days, forward or back', () => {
    expect(parseClockOffset(undefined)).toBe(0);
    expect(parseClockOffset(' ')).toBe(0);
    expect(parseClockOffset('30d')).toBe(30 * 86_400_000);
    expect(parseClockOffset('+90m')).toBe(90 * 60_000);
    expect(parseClockOffset('-2h')).toBe(-2 * 3_600_000);
  });

  it('refuses anything else', () => {
    for (const bad of ['30', 'd', '1.5d', '2w', '30 days', '1e3d'])
      expect(() => parseClockOffset(bad)).toThrow();
  });

  it('moves the clock only under NODE_ENV=test', () => {
    expect(clockOffsetMs({ NODE_ENV: 'test', NANDUTI_CLOCK_OFFSET: '1d' })).toBe(86_400_000);
    expect(clockOffsetMs({ NODE_ENV: 'production', NANDUTI_CLOCK_OFFSET: '1d' })).toBe(0);
    expect(clockOffsetMs({ NANDUTI_CLOCK_OFFSET: '1d' })).toBe(0);
  });
});
