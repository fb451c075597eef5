import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactDate, fractionalYear, prepare, Vocabulary } from './record.js';

/** The dates as they were read before the fast paths: every non-digit dropped, 8 digits kept. */
function referenceDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/\D/g, '');
  return digits.length === 8 ? digits : null;
}

function referenceYear(day: string): number | null {
  const d = referenceDate(day);
  if (d === null) return null;
  const year = Number(d.slice(0, 4));
  const ms = Date.UTC(year, Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)));
  if (Number.isNaN(ms)) return null;
  return year + (ms - Date.UTC(year, 0, 1)) / (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1));
}

const digit = fc.constantFrom(...'0123456789');
/** Dates as institutions write them, and near misses: other separators, letters, too few digits. */
const dateLike = fc.oneof(
  fc
    .tuple(
      fc.array(digit, { minLength: 4, maxLength: 4 }),
      fc.array(digit, { minLength: 2, maxLength: 2 }),
      fc.array(digit, { minLength: 2, maxLength: 2 }),
      fc.constantFrom('-', '/', '', '.', 'x'),
    )
    .map(([y, m, d, sep]) => `${y.join('')}${sep}${m.join('')}${sep}${d.join('')}`),
  fc.string({ unit: fc.constantFrom(...'0123456789-/ a٣'), maxLength: 12 }),
);

describe('compactDate and fractionalYear', () => {
  it('read every date as the regular expression did', () => {
    fc.assert(
      fc.property(dateLike, (value) => {
        expect(compactDate(value)).toBe(referenceDate(value));
        expect(fractionalYear(value)).toBe(referenceYear(value));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('prepare', () => {
  it('gives records whose surnames are written alike one shared part, and others their own', () => {
    const vocab = new Vocabulary();
    const person = (firstSurname: string | null, secondSurname: string | null) => ({
      id: `${firstSurname}/${secondSurname}`,
      source: 's',
      givenNames: 'Ana',
      firstSurname,
      secondSurname,
    });
    const a = prepare(person('Benítez', 'de Maidana'), 0, vocab);
    const b = prepare(person('Benítez', 'de Maidana'), 1, vocab);
    // The same words split differently between the two fields are another part.
    const c = prepare(person('Benítez de Maidana', null), 2, vocab);
    const d = prepare(person(null, 'Benítez'), 3, vocab);
    const e = prepare(person('', 'Benítez'), 4, vocab);
    expect(b.surnames).toBe(a.surnames);
    expect(c.surnames).not.toBe(a.surnames);
    // Counted once per field, the own words are what a vocabulary that has seen nothing gives.
    for (const r of [a, c, d, e]) {
      const [first, second] = r.id.split('/').map((x) => (x === 'null' ? null : x));
      const alone = prepare(person(first!, second!), 0, new Vocabulary());
      expect(r.ownSurnames).toBe(alone.ownSurnames);
      expect(r.ownSurnameKeys.length).toBe(alone.ownSurnameKeys.length);
    }
    expect(c.ownSurnames).toBeLessThan(a.ownSurnames);
    expect(e.surnames).toBe(d.surnames);
    expect(a.aliases).toEqual([]);
  });
});
