/**
 * The statistics cube (`stat_cube`, migration 2026-11-24T19-30-00_statistics_cube): the facts counted
 * by year and by every dimension a figure is filtered or broken down by. A figure over whole years sums
 * `n` over a few thousand cube rows instead of counting hundreds of thousands of facts; the columns
 * bear the facts' names, so the figure's own SQL (dimensions.ts, its condition) reads the cube
 * unchanged, with `sum(n)` as the measure.
 *
 * A `side` is what a row counts — identified persons (`persons`), deliveries (`services`), referrals,
 * needs, or distinct persons assisted in the year (`assisted`) — optionally expanded by ONE
 * multi-valued dimension (`persons:exploitation`: one row per person and form of exploitation). A
 * person is counted once per row of a side, so a sum is exact for any filter and breakdown that uses
 * at most one multi-valued dimension; a query that needs two, a median, or a period that is not whole
 * years reads the facts (engine.ts). The person key is the facts' (person-key.ts): a linked cluster is
 * one person here too.
 *
 * Maintenance is incremental, in the refresh that rebuilds the facts (refresh.ts): the facts of the
 * persons being rebuilt are subtracted as they are deleted, their new facts added once inserted, and
 * cells that fall to zero removed. `test/api/statistics-cube.test.ts` checks it equals a rebuild.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DimensionId, StatisticsFilters } from '../../shared/api-statistics.js';
import type { Trx } from '../db/database.js';
import type { FigureDefinition } from './figure.js';
import type { Period } from './period.js';

type Base = 'persons' | 'services' | 'referrals' | 'needs' | 'assisted' | 'days';
type Expansion = 'exploitation' | 'platform' | 'serviceType' | 'institution';

/** Columns of the cube besides side, on_date and n, in the order of the grain. */
const COLUMNS = [
  'institution_id',
  'decision_org_type',
  'department',
  'sex',
  'age_group',
  'age_band',
  'nationality',
  'ict',
  'exploitation',
  'platforms',
  'service_type',
  'state',
  'status',
  'unmet_reason',
  'days',
  'scope',
] as const;
type Column = (typeof COLUMNS)[number];
/** A row's cell: a digest of its dimensions (a null and an empty value differ in a row's text). */
const CELL = `md5(row(${COLUMNS.join(', ')})::text)`;
const PERSON_COLUMNS: Partial<Record<Column, string>> = {
  department: 'p.department',
  sex: 'p.sex',
  age_group: 'p.age_group',
  age_band: 'p.age_band',
  nationality: 'p.nationality',
  ict: 'p.ict',
  scope: 'p.scope',
};
const TYPES: Record<Column, string> = {
  institution_id: 'uuid',
  decision_org_type: 'text',
  department: 'text',
  sex: 'text',
  age_group: 'text',
  age_band: 'text',
  nationality: 'text',
  ict: 'text',
  exploitation: 'text[]',
  platforms: 'text[]',
  service_type: 'text',
  state: 'text',
  status: 'text',
  unmet_reason: 'text',
  days: 'integer',
  scope: 'text',
};

const UNMET = "f.status = 'unmet'";

interface BaseSpec {
  /** The fact table read with the person facts (`f`), or none (persons). */
  fact: 'stat_services' | 'stat_referrals' | 'stat_needs' | null;
  date: string;
  where?: string;
  /** Count distinct person keys per year instead of fact rows (their service types and institutions as sets). */
  distinctPersons?: boolean;
  columns: Partial<Record<Column, string>>;
  /** The multi-valued dimensions rows may be expanded by. */
  expansions: readonly Expansion[];
}

const BASES: Record<Base, BaseSpec> = {
  persons: {
    fact: null,
    date: 'p.identified_on',
    where: 'p.identified_on is not null',
    columns: {
      ...PERSON_COLUMNS,
      institution_id: 'p.institution_id',
      decision_org_type: 'p.decision_org_type',
      // The current status: possible and formally identified victims are two figures.
      status: 'p.status',
    },
    expansions: ['exploitation', 'platform'],
  },
  services: {
    fact: 'stat_services',
    date: 'f.on_date',
    columns: { ...PERSON_COLUMNS, institution_id: 'f.institution_id', service_type: 'f.service_type' },
    expansions: ['exploitation', 'platform'],
  },
  referrals: {
    fact: 'stat_referrals',
    date: 'f.on_date',
    columns: {
      ...PERSON_COLUMNS,
      institution_id: 'f.institution_id',
      service_type: 'f.service_type',
      state: 'f.state',
    },
    expansions: ['exploitation', 'platform'],
  },
  // Only unmet needs are ever counted (the figure unmetNeeds): the other nine in ten stay out.
  needs: {
    fact: 'stat_needs',
    date: 'f.on_date',
    where: UNMET,
    columns: {
      ...PERSON_COLUMNS,
      institution_id: 'f.institution_id',
      service_type: 'f.service_type',
      status: 'f.status',
      unmet_reason: 'f.unmet_reason',
    },
    expansions: ['exploitation', 'platform'],
  },
  // Days from identification to first service, per value: the median is read from this histogram.
  days: {
    fact: null,
    date: 'p.first_service_on',
    where: 'p.days_to_first_service is not null',
    columns: {
      ...PERSON_COLUMNS,
      institution_id: 'p.institution_id',
      decision_org_type: 'p.decision_org_type',
      days: 'p.days_to_first_service',
    },
    expansions: ['exploitation', 'platform'],
  },
  assisted: {
    fact: 'stat_services',
    date: 'f.on_date',
    distinctPersons: true,
    columns: PERSON_COLUMNS,
    expansions: ['exploitation', 'platform', 'serviceType', 'institution'],
  },
};

/** What an expanded row holds instead of the base's column (`x.v`: one value of the set). */
const EXPANDED: Record<Expansion, { column: Column; set: string; value: string }> = {
  exploitation: { column: 'exploitation', set: 'exploitation', value: 'array[x.v]' },
  platform: { column: 'platforms', set: 'platforms', value: 'array[x.v]' },
  serviceType: { column: 'service_type', set: 'service_types', value: 'x.v' },
  institution: { column: 'institution_id', set: 'institution_ids', value: 'x.v' },
};

const sideName = (base: Base, expansion: Expansion | null) => (expansion ? `${base}:${expansion}` : base);
const nullOf = (column: Column) =>
  column === 'exploitation' || column === 'platforms' ? "'{}'::text[]" : `null::${TYPES[column]}`;

/** Relations to read the facts from: the person facts and each fact table (SQL, constants only). */
export interface FactRelations {
  persons: string;
  stat_services: string;
  stat_referrals: string;
  stat_needs: string;
}

/**
 * Adds (`sign` 1) or subtracts (-1) the facts of `from` to or from every side of the cube: one pass
 * over the facts per base into a temporary aggregate at the finest grain (multi-valued dimensions as
 * sets), from which each side is derived, expanded or not.
 */
export async function addToCube(trx: Trx, from: FactRelations, sign: 1 | -1): Promise<void> {
  await sql`create temp table stat_cube_delta on commit drop as
    select side, on_date, ${sql.raw(COLUMNS.join(', '))}, n, cell from stat_cube with no data`.execute(trx);
  for (const [base, spec] of Object.entries(BASES) as Array<[Base, BaseSpec]>) {
    const source = spec.fact
      ? `${from[spec.fact]} f join ${from.persons} p on p.person_key = f.person_key`
      : `${from.persons} p`;
    const where = spec.where ? ` where ${spec.where}` : '';
    const value = (column: Column) =>
      column === 'exploitation' || column === 'platforms'
        ? `p.${column}`
        : (spec.columns[column] ?? nullOf(column));
    const finest = spec.distinctPersons
      ? // One row per person key and year, with the sets of service types and institutions.
        `select on_date, ${COLUMNS.join(', ')}, service_types, institution_ids, count(*)::int as n from (
          select p.person_key, date_trunc('year', ${spec.date})::date as on_date,
            ${COLUMNS.map((column) => `${value(column)} as ${column}`).join(', ')},
            array_agg(distinct f.service_type) as service_types,
            array_agg(distinct f.institution_id) as institution_ids
          from ${source}${where} group by ${Array.from({ length: COLUMNS.length + 2 }, (_, i) => i + 1).join(', ')}
        ) k group by ${Array.from({ length: COLUMNS.length + 3 }, (_, i) => i + 1).join(', ')}`
      : `select date_trunc('year', ${spec.date})::date as on_date,
          ${COLUMNS.map((column) => `${value(column)} as ${column}`).join(', ')}, count(*)::int as n
        from ${source}${where} group by ${Array.from({ length: COLUMNS.length + 1 }, (_, i) => i + 1).join(', ')}`;
    await sql`create temp table stat_cube_in on commit drop as ${sql.raw(finest)}`.execute(trx);
    for (const expansion of [null, ...spec.expansions]) {
      const expanded = expansion ? EXPANDED[expansion] : null;
      const column = (c: Column) =>
        expanded?.column === c
          ? expanded.value
          : c === 'exploitation' || c === 'platforms'
            ? "'{}'::text[]"
            : c;
      await sql`insert into stat_cube_delta
        select *, ${sql.raw(CELL)} from (
          select ${sideName(base, expansion)} as side, on_date,
            ${sql.raw(COLUMNS.map((c) => `${column(c)} as ${c}`).join(', '))},
            ${sql.raw(String(sign))} * sum(n)::int as n
          from stat_cube_in${sql.raw(expanded ? ` cross join unnest(${expanded.set}) as x(v)` : '')}
          group by ${sql.raw(Array.from({ length: COLUMNS.length + 1 }, (_, i) => i + 2).join(', '))}) s`.execute(
        trx,
      );
    }
    await sql`drop table stat_cube_in`.execute(trx);
  }
  // Set-based merge (an upsert row by row costs more at a bulk load): existing cells first, then new ones.
  await sql`analyze stat_cube_delta`.execute(trx);
  await sql`update stat_cube c set n = c.n + d.n from stat_cube_delta d
    where c.side = d.side and c.on_date = d.on_date and c.cell = d.cell`.execute(trx);
  // The cells merged above leave the delta (the rest are new), and those the merge brought to zero
  // leave the cube: only the cells this delta touched, found through the cube's unique index (a
  // `delete … where n = 0` over the whole cube read every cell at every refresh, however small).
  // (An anti-join against stat_cube in the INSERT itself would scan, for every row, the rows the
  // same statement inserted: quadratic.)
  await sql`with merged as (
      delete from stat_cube_delta d using stat_cube c
      where c.side = d.side and c.on_date = d.on_date and c.cell = d.cell
      returning d.side, d.on_date, d.cell)
    delete from stat_cube c using merged m
    where c.side = m.side and c.on_date = m.on_date and c.cell = m.cell and c.n = 0`.execute(trx);
  await sql`insert into stat_cube (side, on_date, ${sql.raw(COLUMNS.join(', '))}, n, cell)
    select * from stat_cube_delta where n <> 0`.execute(trx);
  await sql`drop table stat_cube_delta`.execute(trx);
}

const WHOLE_YEAR = /^\d{4}-01-01$/;
/** The columns a figure's own SQL may name (`p.<column>`, `f.<column>`) when it reads the cube. */
const READABLE = new Set<string>([
  'identified_on',
  'first_service_on',
  'days_to_first_service',
  'on_date',
  ...COLUMNS,
]);

/**
 * The cube side that answers `figure` over `period` with `filters` and breakdown `by`, or null when
 * the facts must be read: a period of whole years, a count (no median, no sum of values), the
 * figure's SQL naming only cube columns, and at most one multi-valued dimension in use.
 */
export function cubeSide(
  figure: FigureDefinition,
  period: Period,
  filters: StatisticsFilters,
  by: readonly DimensionId[],
): string | null {
  if (!WHOLE_YEAR.test(period.from) || !WHOLE_YEAR.test(period.until)) return null;
  let base: Base;
  if (figure.fact === 'persons' && figure.measure === 'persons' && figure.date === 'p.identified_on')
    base = 'persons';
  else if (
    figure.fact === 'persons' &&
    figure.measure === 'medianDays' &&
    figure.date === 'p.first_service_on' &&
    figure.valueColumn === 'p.days_to_first_service'
  )
    base = 'days';
  else if (figure.fact === 'services' && figure.measure === 'persons') base = 'assisted';
  else if (
    (figure.fact === 'services' || figure.fact === 'referrals' || figure.fact === 'needs') &&
    figure.measure === 'rows'
  )
    base = figure.fact;
  else return null;
  if (base === 'needs' && figure.where !== UNMET) return null;
  // Persons assisted are counted per year with their service types and institutions as sets: a
  // condition on one service (repatriation, residency) must read the facts.
  if (base === 'assisted' && figure.where) return null;
  const named = [figure.where ?? '', figure.institution, figure.date].flatMap((text) =>
    [...text.matchAll(/\b[pf]\.(\w+)/g)].map((m) => m[1]!),
  );
  if (!named.every((column) => READABLE.has(column))) return null;
  const used = new Set<Expansion>();
  if (filters.exploitation || by.includes('exploitation')) used.add('exploitation');
  if (filters.platform || by.includes('platform')) used.add('platform');
  if (base === 'assisted') {
    if (by.includes('serviceType')) used.add('serviceType');
    if (filters.institution || by.includes('institution')) used.add('institution');
  }
  if (used.size > 1) return null;
  return sideName(base, [...used][0] ?? null);
}

/** The FROM of a figure read from cube side `side` (`p`, and `f` for the facts of protection). */
export function cubeSource(figure: FigureDefinition, side: string): RawBuilder<unknown> {
  if (figure.fact === 'persons')
    return sql`(select c.*, c.on_date as identified_on, c.on_date as first_service_on,
      c.days as days_to_first_service from stat_cube c where c.side = ${side}) p`;
  return sql`(select c.* from stat_cube c where c.side = ${side}) f
    cross join lateral (select ${sql.raw(
      Object.keys(PERSON_COLUMNS)
        .concat('exploitation', 'platforms')
        .map((column) => `f.${column}`)
        .join(', '),
    )}) p`;
}

/** The measure of a figure read from the cube. */
export function cubeMeasure(figure: FigureDefinition): RawBuilder<unknown> {
  return figure.fact === 'persons' ? sql`coalesce(sum(p.n), 0)` : sql`coalesce(sum(f.n), 0)`;
}

/**
 * A median (percentile_cont 0.5, as over the facts) per group of `keys`, from the cube's histogram of
 * days: within each group, the values at the two middle positions of the cumulative counts, and the
 * interpolation between them.
 */
export function cubeMedianQuery(
  keys: readonly RawBuilder<unknown>[],
  from: RawBuilder<unknown>,
): RawBuilder<Record<string, unknown>> {
  const names = keys.map((_, i) => sql.raw(`k${i}`));
  const partition = keys.length ? sql`partition by ${sql.join(keys)}` : sql``;
  const inner = sql`select ${sql.join([...keys.map((key, i) => sql`${key} as ${names[i]}`), sql`p.days as v`])},
      sum(sum(p.n)) over (${partition} order by p.days) as cum, sum(sum(p.n)) over (${partition}) as total
    from ${from}
    group by ${sql.raw(Array.from({ length: keys.length + 1 }, (_, i) => i + 1).join(', '))}`;
  const low = sql`min(v) filter (where cum > floor((total - 1) / 2.0))`;
  const high = sql`min(v) filter (where cum > ceil((total - 1) / 2.0))`;
  const fraction = sql`((max(total) - 1) / 2.0 - floor((max(total) - 1) / 2.0))`;
  return sql<Record<string, unknown>>`select ${sql.join([
    ...names,
    sql`(${low} + ${fraction} * (${high} - ${low}))::float8 as value`,
  ])}
    from (${inner}) h${keys.length ? sql` group by ${sql.join(names)}` : sql``}`;
}
