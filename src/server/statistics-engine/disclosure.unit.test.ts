import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  protectSeries,
  protectTable,
  smallRowsInto,
  type CountTable,
  type ProtectedTable,
} from './disclosure.js';

// ---------------------------------------------------------------------------------------------
// Independent check of derivability: exact integer linear algebra (BigInt), not the bridge rule
// the implementation uses. A suppressed value is exactly derivable iff its unit vector lies in the
// row space of the equations that link the suppressed values once published values are known.
// ---------------------------------------------------------------------------------------------

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Rank of an integer matrix by fraction-free Gaussian elimination. */
function rank(input: bigint[][]): number {
  const m = input.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivot = m[r]!;
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0n) continue;
      const f = m[i]![c]!;
      const row = m[i]!.map((v, j) => v * pivot[c]! - pivot[j]! * f);
      const g = row.reduce((acc, v) => gcd(acc, v), 0n);
      m[i] = g > 1n ? row.map((v) => v / g) : row;
    }
    r++;
  }
  return r;
}

interface Unknown {
  r: number;
  c: number;
}

/** Positions in the extended table (R+1)×(C+1) and the published value or null. */
function extended(p: ProtectedTable): (number | null)[][] {
  return [...p.cells.map((row, r) => [...row, p.rowTotals[r]!]), [...p.colTotals, p.total]];
}

/** Returns the suppressed positions whose value is exactly derivable from the published ones. */
function derivable(p: ProtectedTable): Unknown[] {
  const x = extended(p);
  const R = p.rowKeys.length;
  const C = p.colKeys.length;
  const unknowns: Unknown[] = [];
  x.forEach((row, r) => row.forEach((v, c) => v === null && unknowns.push({ r, c })));
  if (unknowns.length === 0) return [];
  const col = (r: number, c: number): number => unknowns.findIndex((u) => u.r === r && u.c === c);
  // Each line of the extended table: its cells sum to its total (the last position).
  const equations: bigint[][] = [];
  const line = (positions: [number, number][], total: [number, number]): void => {
    const eq = new Array<bigint>(unknowns.length).fill(0n);
    for (const [r, c] of positions) if (col(r, c) >= 0) eq[col(r, c)]! += 1n;
    if (col(...total) >= 0) eq[col(...total)]! -= 1n;
    equations.push(eq);
  };
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  for (let r = 0; r <= R; r++)
    line(
      range(C).map((c) => [r, c] as [number, number]),
      [r, C],
    );
  for (let c = 0; c <= C; c++)
    line(
      range(R).map((r) => [r, c] as [number, number]),
      [R, c],
    );
  const base = rank(equations);
  return unknowns.filter((_, i) => {
    const unit = unknowns.map((__, j) => (j === i ? 1n : 0n));
    return rank([...equations, unit]) === base;
  });
}

function truth(table: CountTable): number[][] {
  const x = table.cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = new Array<number>(table.colKeys.length + 1).fill(0);
  for (const row of x) row.forEach((v, c) => (totals[c]! += v));
  return [...x, totals];
}

const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 300 }));
const tables = fc
  .record({ rows: fc.integer({ min: 0, max: 6 }), cols: fc.integer({ min: 0, max: 6 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      table: fc.array(fc.array(count, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      k: fc.integer({ min: 1, max: 15 }),
    }),
  )
  .map(({ table, k }) => ({
    k,
    table: {
      rowKeys: table.map((_, r) => `r${r}`),
      colKeys: (table[0] ?? []).map((_, c) => `c${c}`),
      cells: table,
    } satisfies CountTable,
  }));

describe('protectTable', () => {
  it('publishes true values only, never a value in (0, k), and no suppressed value is derivable', () => {
    fc.assert(
      fc.property(tables, ({ table, k }) => {
        const p = protectTable(table, { k });
        const x = truth(table);
        const published = extended(p);
        published.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === null) {
              // Suppressed values are >= 1, so any direction of the null space keeps a
              // non-negative alternative table: the value is not uniquely determined.
              expect(x[r]![c]).toBeGreaterThanOrEqual(1);
            } else {
              expect(v).toBe(x[r]![c]);
              expect(v === 0 || v >= k).toBe(true);
            }
          }),
        );
        expect(p.suppressed).toBe(published.flat().filter((v) => v === null).length);
        expect(derivable(p)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('suppresses a lone small cell together with complementary cells', () => {
    const p = protectTable(
      {
        rowKeys: ['a', 'b'],
        colKeys: ['x', 'y'],
        cells: [
          [3, 40],
          [50, 60],
        ],
      },
      { k: 11 },
    );
    expect(p.cells[0]![0]).toBeNull();
    expect(p.suppressed).toBeGreaterThanOrEqual(4);
    expect(derivable(p)).toEqual([]);
  });

  it('merges small rows before suppression and reports the merge', () => {
    const p = protectTable(
      {
        rowKeys: ['Central', 'Alto Paraguay', 'Boquerón'],
        colKeys: ['f', 'm'],
        cells: [
          [40, 30],
          [6, 7],
          [5, 6],
        ],
      },
      { k: 11, mergeRows: (key) => (key === 'Central' ? null : 'other') },
    );
    expect(p.rowKeys).toEqual(['Central', 'other']);
    expect(p.cells).toEqual([
      [40, 30],
      [11, 13],
    ]);
    expect(p.suppressed).toBe(0);
    expect(p.merged).toEqual({ other: ['Alto Paraguay', 'Boquerón'] });
    expect(
      protectTable({ rowKeys: ['a'], colKeys: ['f'], cells: [[12]] }, { k: 11, mergeRows: () => 'g' }).cells,
    ).toEqual([[12]]);
  });

  it('merges the rows whose total is under k with smallRowsInto', () => {
    const table = {
      rowKeys: ['PY-11', 'PY-16', 'PY-19', 'PY-1'],
      colKeys: ['f', 'm'],
      cells: [
        [30, 20],
        [2, 3],
        [4, 4],
        [0, 0],
      ],
    };
    const p = protectTable(table, { k: 11, mergeRows: smallRowsInto(table, 11) });
    expect(p.rowKeys).toEqual(['PY-11', 'other', 'PY-1']);
    expect(p.merged).toEqual({ other: ['PY-16', 'PY-19'] });
    expect(p.rowTotals).toEqual([50, 13, 0]);
    expect(derivable(p)).toEqual([]);
  });

  it('publishes zeros and a table without small values unchanged', () => {
    const p = protectTable(
      {
        rowKeys: ['a', 'b'],
        colKeys: ['x', 'y'],
        cells: [
          [0, 20],
          [15, 11],
        ],
      },
      { k: 11 },
    );
    expect(p.cells).toEqual([
      [0, 20],
      [15, 11],
    ]);
    expect(p.rowTotals).toEqual([20, 26]);
    expect(p.colTotals).toEqual([15, 31]);
    expect(p.total).toBe(46);
    expect(p.suppressed).toBe(0);
  });

  it('rejects negative or fractional counts and a bad k', () => {
    expect(() => protectTable({ rowKeys: ['a'], colKeys: ['x'], cells: [[-1]] }, { k: 11 })).toThrow(
      RangeError,
    );
    expect(() => protectTable({ rowKeys: ['a'], colKeys: ['x'], cells: [[1.5]] }, { k: 11 })).toThrow(
      RangeError,
    );
    expect(() => protectTable({ rowKeys: ['a'], colKeys: ['x'], cells: [[1]] }, { k: 0 })).toThrow(
      RangeError,
    );
    expect(() => protectTable({ rowKeys: ['a'], colKeys: ['x'], cells: [] }, { k: 11 })).toThrow(RangeError);
  });
});

describe('protectSeries', () => {
  it('never publishes a value in (0, k) and never leaves one hidden value recoverable from the total', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), count),
        fc.integer({ min: 1, max: 15 }),
        (counts, k) => {
          const p = protectSeries(counts, { k });
          const total = Object.values(counts).reduce((a, b) => a + b, 0);
          const hidden = Object.keys(counts).filter((key) => p.counts[key] === null);
          for (const [key, v] of Object.entries(p.counts)) {
            if (v === null) expect(counts[key]).toBeGreaterThanOrEqual(1);
            else expect(v === counts[key] && (v === 0 || v >= k)).toBe(true);
          }
          if (p.total !== null) expect(p.total === total && (total === 0 || total >= k)).toBe(true);
          // One equation (values sum to the total): an unknown is determined iff it is alone in it.
          expect(hidden.length + (p.total === null ? 1 : 0)).not.toBe(1);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('hides the smallest other value next to a lone small one', () => {
    expect(protectSeries({ a: 3, b: 20, c: 15, d: 0 }, { k: 11 })).toEqual({
      counts: { a: null, b: 20, c: null, d: 0 },
      total: 38,
    });
  });
});
