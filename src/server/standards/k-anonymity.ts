/**
 * k-anonymity for a case-level export (docs/STANDARDS.md): every combination of the quasi-identifiers
 * a recipient could know from elsewhere — for CTDC the year of registration, gender, age, citizenship
 * and country of exploitation — must be shared by at least k rows (CTDC publishes with k = 11).
 *
 * Local recoding, as CTDC did for its global dataset: the rows of a combination shared by fewer than k
 * rows are generalised one step at a time — age band to minor/adult only, then citizenship, country of
 * exploitation, gender, minor/adult set to missing — and the combinations are counted again after each
 * step; rows still in a combination of fewer than k after the last step are left out. Combinations of
 * k rows or more are never touched, so what is common stays exact. The result says what was done.
 */
import type { ExportRow } from './victim-record.js';

/** One generalisation step: the columns set to the missing value for rows in small combinations. */
export type Step = readonly string[];

export interface SmallCell {
  /** The combination, as column=value (the values as they would be exported). */
  cell: Record<string, string | number | null>;
  rows: number;
}

export interface KAnonymityReport {
  k: number;
  quasiIdentifiers: string[];
  /** Values set to missing, per column. */
  generalised: Record<string, number>;
  /** Rows left out because no generalisation made their combination common enough. */
  suppressedRows: number;
  /** The combinations of fewer than k rows before anything was done. */
  smallCells: SmallCell[];
}

const keyOf = (row: ExportRow, at: readonly number[]) => JSON.stringify(at.map((i) => row[i] ?? null));

function counts(rows: readonly ExportRow[], at: readonly number[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row, at);
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  return map;
}

/** The combinations of `quasiIdentifiers` shared by fewer than `k` rows. */
export function smallCells(
  columns: readonly string[],
  rows: readonly ExportRow[],
  quasiIdentifiers: readonly string[],
  k: number,
): SmallCell[] {
  const at = quasiIdentifiers.map((q) => columns.indexOf(q));
  return [...counts(rows, at)]
    .filter(([, n]) => n < k)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, n]) => {
      const values = JSON.parse(key) as Array<string | number | null>;
      return { cell: Object.fromEntries(quasiIdentifiers.map((q, i) => [q, values[i]!])), rows: n };
    });
}

/**
 * Rows made k-anonymous on `quasiIdentifiers` by the `steps` (each a list of columns set to `missing`
 * for the rows of small combinations), then by leaving out what is still rare. Does not change `rows`.
 */
export function kAnonymise(
  columns: readonly string[],
  rows: readonly ExportRow[],
  options: {
    quasiIdentifiers: readonly string[];
    steps: readonly Step[];
    k: number;
    missing: string | number | null;
  },
): { rows: ExportRow[]; report: KAnonymityReport } {
  const { quasiIdentifiers, steps, k, missing } = options;
  const at = quasiIdentifiers.map((q) => {
    const i = columns.indexOf(q);
    if (i < 0) throw new Error(`unknown quasi-identifier ${q}`);
    return i;
  });
  const generalised: Record<string, number> = {};
  const before = smallCells(columns, rows, quasiIdentifiers, k);
  let current = rows.map((row) => [...row]);
  for (const step of steps) {
    const n = counts(current, at);
    const cols = step.map((c) => columns.indexOf(c));
    current = current.map((row) => {
      if ((n.get(keyOf(row, at)) ?? 0) >= k) return row;
      const next = [...row];
      cols.forEach((i, j) => {
        if (next[i] !== missing) generalised[step[j]!] = (generalised[step[j]!] ?? 0) + 1;
        next[i] = missing;
      });
      return next;
    });
  }
  const n = counts(current, at);
  const kept = current.filter((row) => (n.get(keyOf(row, at)) ?? 0) >= k);
  return {
    rows: kept,
    report: {
      k,
      quasiIdentifiers: [...quasiIdentifiers],
      generalised,
      suppressedRows: current.length - kept.length,
      smallCells: before,
    },
  };
}
