/**
 * Statistical disclosure control for published aggregates (docs/DISCLOSURE-CONTROL.md).
 *
 * Every public count table passes through `protectTable` (two dimensions with row, column and grand
 * totals) or `protectSeries` (one dimension with its total). The rules:
 * - primary suppression: every published value v with 0 < v < k is suppressed (zeros are published:
 *   a zero reveals that nobody is in the cell, which describes no person);
 * - small rows (a small department, a rare nationality) may be merged into a group first;
 * - secondary (complementary) suppression: more cells are suppressed until no suppressed value can be
 *   recovered exactly from the published ones. In a table with margins, the equations are those of a
 *   bipartite graph (rows + the total row, columns + the total column; a suppressed value is an
 *   edge); a suppressed value is exactly determined iff its edge is a bridge of that graph, so we add
 *   cheap published cells until every suppressed edge lies on a cycle.
 */

/** A two-dimensional count table: `cells[r][c]` persons in row `rowKeys[r]` and column `colKeys[c]`. */
export interface CountTable {
  rowKeys: string[];
  colKeys: string[];
  cells: number[][];
}

/** A table ready for publication: `null` means suppressed. */
export interface ProtectedTable {
  rowKeys: string[];
  colKeys: string[];
  cells: (number | null)[][];
  rowTotals: (number | null)[];
  colTotals: (number | null)[];
  total: number | null;
  /** How many published values (cells and totals) were suppressed. */
  suppressed: number;
  /** Group key → the original row keys merged into it. */
  merged: Record<string, string[]>;
}

/** Options of `protectTable`. */
export interface ProtectOptions {
  /** Minimum number of persons a published value may describe (CTDC uses 11). */
  k: number;
  /** Maps a row key to the group it is merged into before suppression, or null to keep it. */
  mergeRows?: (key: string) => string | null;
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be an integer >= 1');
}

function checkCount(v: number): void {
  if (!Number.isInteger(v) || v < 0) throw new RangeError('counts must be integers >= 0');
}

/** Merges rows as `mergeRows` says; a group keeps the position of its first member. */
function mergeTable(
  table: CountTable,
  mergeRows: ((key: string) => string | null) | undefined,
): { table: CountTable; merged: Record<string, string[]> } {
  const merged: Record<string, string[]> = {};
  if (!mergeRows) return { table, merged };
  const width = table.colKeys.length;
  const index = new Map<string, number>();
  const rowKeys: string[] = [];
  const cells: number[][] = [];
  table.rowKeys.forEach((key, r) => {
    const group = mergeRows(key) ?? key;
    let at = index.get(group);
    if (at === undefined) {
      at = rowKeys.length;
      index.set(group, at);
      rowKeys.push(group);
      cells.push(new Array<number>(width).fill(0));
    }
    const target = cells[at]!;
    table.cells[r]!.forEach((v, c) => (target[c]! += v));
    if (group !== key) (merged[group] ??= []).push(key);
  });
  return { table: { rowKeys, colKeys: table.colKeys, cells }, merged };
}

/**
 * Returns true when the edge (a, b) is a bridge of the graph made by the suppressed edges, i.e.
 * when, without it, a and b are not connected.
 */
function isBridge(adj: Map<number, Set<number>>, a: number, b: number): boolean {
  const seen = new Set<number>([a]);
  const queue = [a];
  while (queue.length > 0) {
    const u = queue.pop()!;
    for (const w of adj.get(u) ?? []) {
      if ((u === a && w === b) || (u === b && w === a)) continue;
      if (w === b) return false;
      if (!seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return true;
}

/**
 * Secondary suppression on the extended (R+1)×(C+1) table `x` (last row = column totals, last
 * column = row totals). Nodes 0..R are rows, R+1..R+C+1 are columns; cell (r, c) is edge r–(R+1+c).
 * `sup` is modified in place.
 */
function complete(x: number[][], sup: boolean[][]): void {
  const rows = x.length;
  const cols = x[0]!.length;
  const grand = x[rows - 1]![cols - 1]!;
  // Cost of suppressing a published value: interior cells cost their value, totals are dearer (they
  // carry the most information) and the grand total dearest. +1 prefers fewer cells on ties.
  const cost = (r: number, c: number): number => {
    const v = x[r]![c]!;
    const margins = (r === rows - 1 ? 1 : 0) + (c === cols - 1 ? 1 : 0);
    return 1 + v + margins * (grand + 1) * (rows + cols);
  };
  const adj = new Map<number, Set<number>>();
  const link = (r: number, c: number): void => {
    const a = r;
    const b = rows + c;
    if (!adj.has(a)) adj.set(a, new Set());
    if (!adj.has(b)) adj.set(b, new Set());
    adj.get(a)!.add(b);
    adj.get(b)!.add(a);
  };
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (sup[r]![c]) link(r, c);

  for (;;) {
    let bridge: [number, number] | null = null;
    for (let r = 0; r < rows && !bridge; r++)
      for (let c = 0; c < cols && !bridge; c++) if (sup[r]![c] && isBridge(adj, r, rows + c)) bridge = [r, c];
    if (!bridge) return;
    const path = cheapestPath(x, sup, cost, bridge[0], bridge[1]);
    // A suppressed value is positive, so its row, column and the grand total are too, and those
    // give a path (docs/DISCLOSURE-CONTROL.md); none can only mean a broken extended table.
    if (!path) throw new Error('disclosure: no complementary path');
    for (const [r, c] of path) {
      sup[r]![c] = true;
      link(r, c);
    }
  }
}

/**
 * Dijkstra from row node `r0` to column node `c0` without using the edge (r0, c0): suppressed
 * edges cost 0, published positive values cost `cost`, zeros are never suppressed. Returns the
 * published cells on the path.
 */
function cheapestPath(
  x: number[][],
  sup: boolean[][],
  cost: (r: number, c: number) => number,
  r0: number,
  c0: number,
): [number, number][] | null {
  const rows = x.length;
  const cols = x[0]!.length;
  const n = rows + cols;
  const dist = new Array<number>(n).fill(Infinity);
  const prev = new Array<number>(n).fill(-1);
  const done = new Array<boolean>(n).fill(false);
  dist[r0] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0) return null;
    if (u === rows + c0) break;
    done[u] = true;
    const isRow = u < rows;
    const others = isRow ? cols : rows;
    for (let j = 0; j < others; j++) {
      const r = isRow ? u : j;
      const c = isRow ? j : u - rows;
      if (r === r0 && c === c0) continue;
      const v = x[r]![c]!;
      if (!sup[r]![c] && v === 0) continue;
      const w = sup[r]![c] ? 0 : cost(r, c);
      const to = isRow ? rows + c : r;
      if (dist[u]! + w < dist[to]!) {
        dist[to] = dist[u]! + w;
        prev[to] = u;
      }
    }
  }
  const path: [number, number][] = [];
  for (let v = rows + c0; v !== r0; v = prev[v]!) {
    const u = prev[v]!;
    const r = u < rows ? u : v;
    const c = (u < rows ? v : u) - rows;
    if (!sup[r]![c]) path.push([r, c]);
  }
  return path;
}

/**
 * Protects a two-dimensional count table for publication: merges the rows `mergeRows` names,
 * computes the totals, suppresses every value in (0, k) and then enough complementary values that
 * no suppressed value (cell or total) is exactly derivable from the published ones.
 */
export function protectTable(table: CountTable, options: ProtectOptions): ProtectedTable {
  checkK(options.k);
  if (table.cells.length !== table.rowKeys.length) throw new RangeError('one row of cells per row key');
  for (const row of table.cells) {
    if (row.length !== table.colKeys.length) throw new RangeError('one cell per column key');
    row.forEach(checkCount);
  }
  const { table: t, merged } = mergeTable(table, options.mergeRows);
  const R = t.rowKeys.length;
  const C = t.colKeys.length;
  // Extended table: x[R] holds column totals, x[r][C] row totals, x[R][C] the grand total.
  const x: number[][] = t.cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = new Array<number>(C + 1).fill(0);
  for (const row of x) row.forEach((v, c) => (totals[c]! += v));
  x.push(totals);
  const sup = x.map((row) => row.map((v) => v > 0 && v < options.k));
  complete(x, sup);
  const out = (r: number, c: number): number | null => (sup[r]![c] ? null : x[r]![c]!);
  return {
    rowKeys: t.rowKeys,
    colKeys: t.colKeys,
    cells: t.cells.map((row, r) => row.map((_, c) => out(r, c))),
    rowTotals: t.rowKeys.map((_, r) => out(r, C)),
    colTotals: t.colKeys.map((_, c) => out(R, c)),
    total: out(R, C),
    suppressed: sup.flat().filter(Boolean).length,
    merged,
  };
}

/**
 * A `mergeRows` for the common case: every row whose total describes fewer than k persons (a small
 * department, a rare nationality) goes into `group`. Rows with no one in them stay as they are.
 */
export function smallRowsInto(table: CountTable, k: number, group = 'other'): (key: string) => string | null {
  const small = new Set(
    table.rowKeys.filter((_, r) => {
      const total = table.cells[r]!.reduce((a, b) => a + b, 0);
      return total > 0 && total < k;
    }),
  );
  return (key) => (small.has(key) ? group : null);
}

/**
 * Protects a one-dimensional series with its total: values in (0, k) are suppressed, and if exactly
 * one value would be hidden (so total minus the others would reveal it) the smallest other positive
 * value is suppressed too.
 */
export function protectSeries(
  counts: Record<string, number>,
  options: { k: number },
): { counts: Record<string, number | null>; total: number | null } {
  checkK(options.k);
  const keys = Object.keys(counts);
  const values = keys.map((key) => counts[key]!);
  values.forEach(checkCount);
  const total = values.reduce((a, b) => a + b, 0);
  const small = (v: number): boolean => v > 0 && v < options.k;
  const hidden = new Set<number>(values.flatMap((v, i) => (small(v) ? [i] : [])));
  let totalHidden = small(total);
  // The only equation is sum(values) = total: one hidden unknown in it is determined.
  if (hidden.size + (totalHidden ? 1 : 0) === 1) {
    let best = -1;
    values.forEach((v, i) => {
      if (!hidden.has(i) && v > 0 && (best < 0 || v < values[best]!)) best = i;
    });
    if (best >= 0) hidden.add(best);
    else totalHidden = true;
  }
  const out: Record<string, number | null> = {};
  keys.forEach((key, i) => (out[key] = hidden.has(i) ? null : values[i]!));
  return { counts: out, total: totalHidden ? null : total };
}
