/**
 * Breakdowns and filters as SQL over the fact tables (`p` = stat_persons, `f` = the figure's fact).
 * Expressions are constants of this file; values always travel as parameters.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DimensionId, StatisticsFilters } from '../../shared/api-statistics.js';
import { errors } from '../core/errors.js';
import type { FigureDefinition } from './figure.js';

export interface DimensionSql {
  expr: string;
  /** An array column: a person is counted under each of its values. */
  multi: boolean;
}

/**
 * The group keys of the breakdowns `by`, in their order, and the joins they need: a single-valued
 * dimension counts a missing value as 'Unknown'; an array column is unnested (lateral join `d<i>`),
 * so a row is counted under each of its values.
 */
export function breakdownSql(
  figure: FigureDefinition,
  by: readonly DimensionId[],
): { keys: string[]; joins: string } {
  const joins: string[] = [];
  const keys = by.map((dimension, index) => {
    const dim = dimensionSql(figure, dimension);
    if (!dim.multi) return `coalesce(${dim.expr}, 'Unknown')`;
    joins.push(` cross join lateral unnest(${dim.expr}) as d${index}(v)`);
    return `d${index}.v`;
  });
  return { keys, joins: joins.join('') };
}

/** The SQL of a breakdown for a figure. */
export function dimensionSql(figure: FigureDefinition, dimension: DimensionId): DimensionSql {
  if (figure.fact === 'source' && dimension !== 'year' && dimension !== 'institution') {
    // The engine checks breakdowns against the declaration first; a missing column is a declaration bug.
    const column = figure.columns?.[dimension];
    if (!column) throw new Error(`${figure.id} has no column for ${dimension}`);
    return { expr: column, multi: false };
  }
  switch (dimension) {
    case 'year':
      return { expr: `extract(year from ${figure.date})::int::text`, multi: false };
    case 'institution':
      // Grouped by id (cheap); the engine turns ids into institution codes afterwards.
      return { expr: `${figure.institution}::text`, multi: false };
    case 'department':
      return { expr: 'p.department', multi: false };
    case 'decisionOrg':
      return { expr: "coalesce(p.decision_org_type, 'Unknown')", multi: false };
    case 'sex':
      return { expr: 'p.sex', multi: false };
    case 'ageGroup':
      return { expr: 'p.age_group', multi: false };
    case 'ageBand':
      return { expr: 'p.age_band', multi: false };
    case 'nationality':
      return { expr: 'p.nationality', multi: false };
    case 'exploitation':
      return { expr: 'p.exploitation', multi: true };
    case 'ict':
      return { expr: 'p.ict', multi: false };
    case 'platform':
      return { expr: 'p.platforms', multi: true };
    case 'scope':
      return { expr: 'p.scope', multi: false };
    case 'serviceType':
      return { expr: 'f.service_type', multi: false };
    case 'referralState':
      return { expr: 'f.state', multi: false };
    case 'unmetReason':
      return { expr: "coalesce(f.unmet_reason, 'Unknown')", multi: false };
    case 'sentenceBand':
    case 'cooperationKind':
    case 'hotlineChannel':
      throw new Error(`${dimension} is a dimension of source figures only`);
  }
}

/** The filters (besides the period) as SQL conditions. */
export function filterConditions(
  figure: FigureDefinition,
  filters: StatisticsFilters,
): RawBuilder<unknown>[] {
  if (figure.fact === 'source') return sourceFilterConditions(figure, filters);
  const out: RawBuilder<unknown>[] = [];
  const eq = (column: string, value: string | undefined) => {
    if (value !== undefined) out.push(sql`${sql.raw(column)} = ${value}`);
  };
  eq('p.department', filters.department);
  if (filters.institution) out.push(sql`${sql.raw(figure.institution)} = ${filters.institution}::uuid`);
  eq('p.sex', filters.sex);
  eq('p.age_group', filters.ageGroup);
  eq('p.age_band', filters.ageBand);
  eq('p.nationality', filters.nationality);
  if (filters.exploitation) out.push(sql`${filters.exploitation} = any(p.exploitation)`);
  if (filters.ict === 'online') out.push(sql`p.ict <> 'offline'`);
  else eq('p.ict', filters.ict);
  if (filters.platform) out.push(sql`${filters.platform} = any(p.platforms)`);
  return out;
}

/** Filters of the person dimensions, by their name in `StatisticsFilters`. */
const FILTER_DIMENSIONS = {
  department: 'department',
  sex: 'sex',
  ageGroup: 'ageGroup',
  ageBand: 'ageBand',
  nationality: 'nationality',
  exploitation: 'exploitation',
  ict: 'ict',
  platform: 'platform',
} as const satisfies Partial<Record<keyof StatisticsFilters, DimensionId>>;

/**
 * Filters of a figure read from its own source (prosecution, prevention): only those it has a column
 * for; any other is refused (a filter that does not apply would silently return the unfiltered number).
 * ICT there is whether the investigation recorded platforms: `online` or `offline`.
 */
function sourceFilterConditions(figure: FigureDefinition, filters: StatisticsFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (filters.institution) out.push(sql`${sql.raw(figure.institution)} = ${filters.institution}::uuid`);
  for (const [name, dimension] of Object.entries(FILTER_DIMENSIONS)) {
    const value = filters[name as keyof typeof FILTER_DIMENSIONS];
    if (value === undefined) continue;
    const column = figure.columns?.[dimension];
    const applies = Object.keys(figure.columns ?? {}).filter((d) => d in FILTER_DIMENSIONS);
    if (!column)
      throw errors.validation([
        {
          path: `query.${name}`,
          message: 'figure_filter',
          params: {
            figure: figure.id,
            filter: name,
            allowed: ['year', 'from', 'to', 'institution', ...applies].join(', '),
          },
        },
      ]);
    if (dimension === 'ict' && value !== 'online' && value !== 'offline')
      throw errors.validation([{ path: 'query.ict', message: 'figure_ict', params: { figure: figure.id } }]);
    out.push(sql`${sql.raw(column)} = ${value}`);
  }
  return out;
}
