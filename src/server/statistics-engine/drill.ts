/**
 * From a number to the records behind it: the cases of the counted facts (the identifying case for
 * person figures, the case of the referral, need or service otherwise). Only cases the reader may
 * open are listed (the one scope helper, `caseVisible`); the others are only counted, never named.
 */
import { sql } from 'kysely';
import type { DimensionId, FigureId, StatisticsFilters } from '../../shared/api-statistics.js';
import { caseVisible } from '../access/scope.js';
import type { Actor } from '../access/actor.js';
import type { Trx } from '../db/database.js';
import { errors } from '../core/errors.js';
import { dimensionSql } from './dimensions.js';
import { checkBreakdowns, conditionsSql, sourceSql } from './engine.js';
import { figure as figureOf } from './figures/index.js';
import { periodOf } from './period.js';

const LIMIT = 200;

export interface DrillRequest {
  figure: FigureId;
  filters: StatisticsFilters;
  by?: DimensionId;
  key?: string;
}

/** The cases behind a figure (or one cell of its breakdown), as far as `actor` may see them. */
export async function drillCases(trx: Trx, actor: Actor, request: DrillRequest) {
  const figure = figureOf(request.figure);
  // Prosecution and prevention figures have no drill-down: investigations are reached only through
  // the investigation scope (a complicity investigation must stay invisible to the suspect's
  // institution), and prevention records name no case.
  if (figure.fact === 'source')
    throw errors.validation([
      {
        path: 'query.figure',
        message: 'figure_no_drill',
        params: { figure: figure.id },
      },
    ]);
  const conditions = conditionsSql(figure, periodOf(request.filters), request.filters);
  if (request.by) {
    checkBreakdowns(figure, [request.by]);
    const dim = dimensionSql(figure, request.by);
    const key = request.key ?? 'Unknown';
    conditions.push(
      request.by === 'institution'
        ? sql`(select i.code from institutions i where i.id = ${sql.raw(figure.institution)}) = ${key}`
        : dim.multi
          ? sql`${key} = any(${sql.raw(dim.expr)})`
          : sql`coalesce(${sql.raw(dim.expr)}, 'Unknown') = ${key}`,
    );
  }
  const caseColumn = sql.raw(figure.fact === 'persons' ? 'p.case_id' : 'f.case_id');
  const behind = sql`select distinct ${caseColumn} as case_id from ${sourceSql(figure)}
    where ${sql.join(conditions, sql` and `)}`;
  const counted = await sql<{ n: number }>`select count(*)::int as n from (${behind}) b`.execute(trx);
  const visible = await trx
    .selectFrom('cases')
    .select(['cases.id', 'cases.reference'])
    .where('cases.id', 'in', sql<string>`(select case_id from (${behind}) b)`)
    .where(caseVisible(actor))
    .orderBy('cases.reference')
    .limit(LIMIT + 1)
    .execute();
  const visibleCount = await trx
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cases.id', 'in', sql<string>`(select case_id from (${behind}) b)`)
    .where(caseVisible(actor))
    .executeTakeFirstOrThrow();
  const total = Number(counted.rows[0]?.n ?? 0);
  return {
    figure: figure.id,
    total,
    cases: visible.slice(0, LIMIT).map((row) => ({ id: row.id, reference: row.reference })),
    hidden: total - Number(visibleCount.n),
    truncated: visible.length > LIMIT,
  };
}
