import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { damerauWithin, jaroWinkler } from './strings.js';

/** Textbook optimal-string-alignment distance, to check the bounded, optimised one against. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('jaroWinkler', () => {
  it('gives the published values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
  });

  it('is symmetric, in [0, 1], and 1 exactly for equal non-empty strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
        if (a.length > 0) expect(jaroWinkler(a, a)).toBe(1);
      }),
    );
  });
});

describe('shared scratch arrays', () => {
  it('give the same answers after longer strings, in any order of calls', () => {
    const long = 'a'.repeat(150) + 'b';
    const longer = 'a'.repeat(149) + 'ba';
    const before = [jaroWinkler('martha', 'marhta'), damerauWithin('1234567', '1243576', 2)];
    expect(damerauWithin(long, longer, 2)).toBe(1);
    expect(jaroWinkler(long, longer)).toBeGreaterThan(0.99);
    expect([jaroWinkler('martha', 'marhta'), damerauWithin('1234567', '1243576', 2)]).toEqual(before);
    expect(damerauWithin('12', '21', 2)).toBe(1);
  });
});

describe('damerauWithin', () => {
  it('counts a transposition of digits as one edit', () => {
    expect(damerauWithin('1234567', '1243567', 1)).toBe(1);
    expect(damerauWithin('1234567', '1234567', 1)).toBe(0);
    expect(damerauWithin('1234567', '7654321', 1)).toBe(2);
    expect(damerauWithin('123456', '1234567', 1)).toBe(1);
  });

  it('agrees with the textbook distance, capped at max + 1', () => {
    const digits = fc.string({ unit: fc.constantFrom('1', '2', '3', 'a'), maxLength: 8 });
    fc.assert(
      fc.property(digits, digits, fc.integer({ min: 1, max: 3 }), (a, b, max) => {
        expect(damerauWithin(a, b, max)).toBe(Math.min(reference(a, b), max + 1));
      }),
      { numRuns: 500 },
    );
  });
});
