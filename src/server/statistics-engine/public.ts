/**
 * The public open data: a fixed set of tables of protected figures for one year, every one passed
 * through disclosure control (disclosure.ts) before it leaves the server. Nothing else is public:
 * no drill-down, no free choice of filters (combining filters is how small cells leak).
 */
import type { DimensionId, FigureId, PublicStatistics, PublicTable } from '../../shared/api-statistics.js';
import type { Trx } from '../db/database.js';
import { protectSeries, protectTable } from './disclosure.js';
import { computeCells } from './engine.js';

/** Where a table's cells come from: the engine, or a caller that also keys them (statistics releases). */
export type CellsOf = typeof computeCells;
import { figure as figureOf } from './figures/index.js';
import { dimensionSql } from './dimensions.js';

/** Minimum persons a published value may describe (docs/DOMAIN.md §7; CTDC uses 11). */
export function publicK(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.NANDUTI_STATISTICS_K;
  if (raw === undefined || raw === '') return 11;
  const k = Number(raw);
  if (!Number.isInteger(k) || k < 2)
    throw new Error('NANDUTI_STATISTICS_K must be a whole number of at least 2.');
  return k;
}

export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

/** The public tables: id, figure, row dimension and optional column dimension. */
const TABLES: ReadonlyArray<readonly [string, FigureId, DimensionId, DimensionId | null]> = [
  ['identifiedByYear', 'victimsIdentified', 'year', null],
  // Shown beside the formally identified, never added to them (docs/STATISTICS.md).
  ['possibleByYear', 'possibleVictims', 'year', null],
  ['identifiedByDepartmentAndSex', 'victimsIdentified', 'department', 'sex'],
  ['identifiedByAgeGroupAndSex', 'victimsIdentified', 'ageGroup', 'sex'],
  ['identifiedByExploitation', 'victimsIdentified', 'exploitation', null],
  ['identifiedByIct', 'victimsIdentified', 'ict', null],
  ['identifiedOnlineByPlatform', 'victimsIdentifiedOnline', 'platform', null],
  ['assistedByAgeGroupAndSex', 'victimsAssisted', 'ageGroup', 'sex'],
  ['assistedByServiceType', 'victimsAssisted', 'serviceType', null],
];

/** The first year the series covers. */
const SERIES_FROM = '2000-01-01';

async function table(
  trx: Trx,
  year: number,
  k: number,
  [id, figureId, rowDim, colDim]: (typeof TABLES)[number],
  cellsOf: CellsOf,
): Promise<PublicTable> {
  const figure = figureOf(figureId);
  const period =
    rowDim === 'year'
      ? { from: SERIES_FROM, until: `${year + 1}-01-01` }
      : { from: `${year}-01-01`, until: `${year + 1}-01-01` };
  const by = colDim ? [rowDim, colDim] : [rowDim];
  const cells = await cellsOf(trx, figure, period, {}, by);
  // A person counted under several values (forms, platforms, services): the sum is not a count of persons.
  const multiValued =
    by.some((dimension) => dimensionSql(figure, dimension).multi) || rowDim === 'serviceType';
  const rowKeys = [...new Set(cells.map((cell) => cell.keys[0]!))];
  if (!colDim) {
    const counts = Object.fromEntries(cells.map((cell) => [cell.keys[0]!, cell.value]));
    const series = protectSeries(counts, { k });
    const values = rowKeys.map((key) => series.counts[key] ?? null);
    return {
      id,
      figure: figureId,
      rowDimension: rowDim,
      colDimension: null,
      rowKeys,
      colKeys: ['count'],
      cells: values.map((value) => [value]),
      rowTotals: values,
      colTotals: [multiValued ? null : series.total],
      total: multiValued ? null : series.total,
      suppressed: values.filter((value) => value === null).length + (series.total === null ? 1 : 0),
      multiValued,
    };
  }
  const colKeys = [...new Set(cells.map((cell) => cell.keys[1]!))].sort();
  const matrix = rowKeys.map(() => colKeys.map(() => 0));
  for (const cell of cells)
    matrix[rowKeys.indexOf(cell.keys[0]!)]![colKeys.indexOf(cell.keys[1]!)] = cell.value;
  const protectedTable = protectTable({ rowKeys, colKeys, cells: matrix }, { k });
  return {
    id,
    figure: figureId,
    rowDimension: rowDim,
    colDimension: colDim,
    rowKeys: protectedTable.rowKeys,
    colKeys: protectedTable.colKeys,
    cells: protectedTable.cells,
    rowTotals: protectedTable.rowTotals,
    colTotals: protectedTable.colTotals,
    total: protectedTable.total,
    suppressed: protectedTable.suppressed,
    multiValued,
  };
}

/** Every public table for `year`, protected with threshold `k`. */
export async function publicStatistics(
  trx: Trx,
  year: number,
  k: number,
  cellsOf: CellsOf = computeCells,
): Promise<Omit<PublicStatistics, 'release'>> {
  const tables: PublicTable[] = [];
  for (const spec of TABLES) tables.push(await table(trx, year, k, spec, cellsOf));
  const years = tables[0]!.rowKeys.map(Number).filter((y) => y <= year);
  return {
    year,
    years: years.includes(year) ? years : [...years, year].sort(),
    k,
    licence: OPEN_DATA_LICENCE,
    generatedAt: new Date().toISOString(),
    tables,
  };
}
