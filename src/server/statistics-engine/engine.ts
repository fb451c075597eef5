/**
 * Computes figures from their declarations (figure.ts): the one way every number is produced, for the
 * statistics screen, the national report, the CLI and the public site. Callers refresh the facts
 * first (refresh.ts), in the same transaction.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DimensionId, FigureResult, StatisticsFilters } from '../../shared/api-statistics.js';
import type { Trx } from '../db/database.js';
import { errors } from '../core/errors.js';
import { cubeMeasure, cubeMedianQuery, cubeSide, cubeSource } from './cube.js';
import { breakdownSql, dimensionSql, filterConditions } from './dimensions.js';
import { FACT_TABLE, type FigureDefinition } from './figure.js';
import { lastDay, periodOf, previousPeriod, type Period } from './period.js';

export interface CellRow {
  keys: string[];
  value: number;
}

/** Refuses a breakdown the figure does not define. */
export function checkBreakdowns(figure: FigureDefinition, by: readonly DimensionId[]): void {
  const wrong = by.find((dimension) => !figure.breakdowns.includes(dimension));
  if (wrong)
    throw errors.validation([
      {
        path: 'query.by',
        message: 'figure_breakdown',
        params: { figure: figure.id, by: wrong, allowed: figure.breakdowns.join(', ') },
      },
    ]);
}

/** The FROM of a figure: its fact table joined to the person facts (`p`). */
export function sourceSql(figure: FigureDefinition): RawBuilder<unknown> {
  if (figure.fact === 'source') return sql`(${sql.raw(figure.source ?? 'select null')}) f`;
  return figure.fact === 'persons'
    ? sql`stat_persons p`
    : sql`${sql.raw(FACT_TABLE[figure.fact])} f join stat_persons p on p.person_key = f.person_key`;
}

function measure(figure: FigureDefinition): RawBuilder<unknown> {
  switch (figure.measure) {
    case 'persons':
      return figure.fact === 'persons' ? sql`count(*)` : sql`count(distinct p.person_key)`;
    case 'rows':
      return sql`count(*)`;
    case 'medianDays':
      return sql`percentile_cont(0.5) within group (order by ${sql.raw(figure.valueColumn ?? 'null')})`;
    case 'sum':
      return sql`coalesce(sum(${sql.raw(figure.valueColumn ?? 'null')}), 0)`;
  }
}

/** The WHERE of a figure: its period on its date basis, its fixed condition and the filters. */
export function conditionsSql(
  figure: FigureDefinition,
  period: Period,
  filters: StatisticsFilters,
): RawBuilder<unknown>[] {
  return [
    sql`${sql.raw(figure.date)} >= ${period.from}::date`,
    sql`${sql.raw(figure.date)} < ${period.until}::date`,
    ...(figure.where ? [sql.raw(figure.where)] : []),
    ...filterConditions(figure, filters),
  ];
}

/** Values of `figure` in `period` under `filters`, grouped by `by` (none: one row, the total). */
export async function computeCells(
  trx: Trx,
  figure: FigureDefinition,
  period: Period,
  filters: StatisticsFilters,
  by: readonly DimensionId[] = [],
): Promise<CellRow[]> {
  checkBreakdowns(figure, by);
  const breakdown = breakdownSql(figure, by);
  const keys = breakdown.keys.map((key) => sql.raw(key));
  // Counts and medians over whole years come from the cube (cube.ts) when it has them; same SQL.
  const side = cubeSide(figure, period, filters, by);
  const conditions = conditionsSql(figure, period, filters);
  const selectKeys = keys.map((key, index) => sql`${key} as ${sql.raw(`k${index}`)}`);
  const groupBy = keys.length
    ? sql` group by ${sql.join(keys.map((_, i) => sql.raw(String(i + 1))))}`
    : sql``;
  const from = sql`${side ? cubeSource(figure, side) : sourceSql(figure)}${sql.raw(breakdown.joins)}
    where ${sql.join(conditions, sql` and `)}`;
  const query =
    side && figure.measure === 'medianDays'
      ? cubeMedianQuery(keys, from)
      : sql<Record<string, unknown>>`select ${sql.join([
          ...selectKeys,
          sql`${side ? cubeMeasure(figure) : measure(figure)} as value`,
        ])}
    from ${from}${groupBy}`;
  const result = await query.execute(trx);
  const codes = by.includes('institution') ? await institutionCodes(trx) : null;
  const keyOf = (dimension: DimensionId, value: unknown) =>
    dimension === 'institution' && codes ? (codes.get(String(value)) ?? 'Unknown') : String(value);
  return result.rows
    .map((row) => ({
      keys: by.map((dimension, index) => keyOf(dimension, row[`k${index}`])),
      value: row.value === null ? Number.NaN : Number(row.value),
    }))
    .filter((row) => by.length > 0 || !Number.isNaN(row.value))
    .sort((a, b) => a.keys.join('\u0000').localeCompare(b.keys.join('\u0000')));
}

/** Institution id → code (a small catalogue). */
async function institutionCodes(trx: Trx): Promise<Map<string, string>> {
  const rows = await trx.selectFrom('institutions').select(['id', 'code']).execute();
  return new Map(rows.map((row) => [row.id, row.code]));
}

async function total(trx: Trx, figure: FigureDefinition, period: Period, filters: StatisticsFilters) {
  const rows = await computeCells(trx, figure, period, filters);
  const value = rows[0]?.value;
  return value === undefined || Number.isNaN(value) ? (figure.measure === 'medianDays' ? null : 0) : value;
}

/** One figure with its total, the year-over-year change and an optional breakdown. */
export async function computeFigure(
  trx: Trx,
  figure: FigureDefinition,
  filters: StatisticsFilters,
  by: DimensionId | undefined,
  locale: 'es' | 'en',
  /** Totals already computed for the same figure and filters (the report's other breakdowns). */
  known?: { total: number | null; previousTotal: number | null },
): Promise<FigureResult> {
  const period = periodOf(filters);
  const current = known ? known.total : await total(trx, figure, period, filters);
  const previous = known ? known.previousTotal : await total(trx, figure, previousPeriod(period), filters);
  const rows = by ? await computeCells(trx, figure, period, filters, [by]) : [];
  const multiValued = by !== undefined && dimensionSql(figure, by).multi;
  return {
    figure: figure.id,
    area: figure.area,
    unit: figure.unit,
    title: figure.title[locale],
    definition: figure.definition[locale],
    period: { from: period.from, to: lastDay(period) },
    total: current,
    previousTotal: previous,
    changePercent:
      current === null || previous === null || previous === 0
        ? null
        : Math.round(((current - previous) / previous) * 1000) / 10,
    by: by ?? null,
    multiValued,
    rows: rows.map((row) => ({ key: row.keys[0]!, value: row.value })),
    breakdowns: [...figure.breakdowns],
  };
}
