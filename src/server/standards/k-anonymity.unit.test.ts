/**
 * k-anonymity of export rows, for all inputs: every combination of the quasi-identifiers left in the
 * output is shared by at least k rows, rows of combinations already shared by k or more are never
 * touched, and every row is either kept (generalised or not) or counted as left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kAnonymise, smallCells } from './k-anonymity.js';

const COLUMNS = ['id', 'year', 'gender', 'age', 'citizenship', 'other'];
const QI = ['year', 'gender', 'age', 'citizenship'];
const STEPS = [['age'], ['citizenship'], ['gender']];

const row = fc.tuple(
  fc.string({ maxLength: 4 }),
  fc.constantFrom(2024, 2025),
  fc.constantFrom('Female', 'Male'),
  fc.constantFrom('18--20', '21--23', '9--17'),
  fc.constantFrom('PY', 'PY', 'PY', 'BR', 'NG'),
  fc.integer({ min: 0, max: 1 }),
);

describe('kAnonymise', () => {
  it('leaves no combination under k, keeps common ones exact and accounts for every row', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), fc.integer({ min: 2, max: 12 }), (rows, k) => {
        const { rows: out, report } = kAnonymise(COLUMNS, rows, {
          quasiIdentifiers: QI,
          steps: STEPS,
          k,
          missing: -99,
        });
        expect(smallCells(COLUMNS, out, QI, k)).toEqual([]);
        expect(out.length + report.suppressedRows).toBe(rows.length);
        const common = rows.filter(
          (r) => !report.smallCells.some((c) => QI.every((q) => c.cell[q] === r[COLUMNS.indexOf(q)])),
        );
        for (const r of common) expect(out.some((o) => o.every((v, i) => v === r[i]))).toBe(true);
        // Non-identifying columns are never changed.
        expect(out.every((o) => o[5] === 0 || o[5] === 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('generalises a rare citizenship before leaving anyone out', () => {
    const rows = [
      ...Array.from({ length: 11 }, (_, i) => [`p${i}`, 2025, 'Female', '18--20', 'PY', 0]),
      ...['NG', 'CN', 'KR', 'JP', 'FR', 'ES', 'DE', 'IT', 'US', 'MX', 'CO'].map((c) => [
        c,
        2025,
        'Female',
        '18--20',
        c,
        0,
      ]),
    ];
    const { rows: out, report } = kAnonymise(COLUMNS, rows, {
      quasiIdentifiers: QI,
      steps: STEPS,
      k: 11,
      missing: null,
    });
    expect(out).toHaveLength(22);
    expect(report.suppressedRows).toBe(0);
    expect(report.generalised).toEqual({ age: 11, citizenship: 11 });
    expect(out.filter((o) => o[4] === null)).toHaveLength(11);
  });
});
