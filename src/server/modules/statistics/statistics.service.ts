/**
 * Statistics operations: a figure with its breakdown, the drill-down to its cases, the national
 * report, the public open data. Each starts by bringing the facts up to date in its transaction
 * (refresh.ts), so the same filters always give the same number as the records hold.
 */
import type { z } from 'zod';
import type { DrillQuery, StatisticsQuery } from '../../../shared/api-statistics.js';
import { auditOperation } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import type { Ctx } from '../../core/context.js';
import { drillCases } from '../../statistics-engine/drill.js';
import { computeFigure } from '../../statistics-engine/engine.js';
import { figure } from '../../statistics-engine/figures/index.js';
import { cachedPublicStatistics } from '../../statistics-engine/public.js';
import { refreshFacts } from '../../statistics-engine/refresh.js';
import { nationalReport } from '../../statistics-engine/report.js';

type ReportLocale = 'es' | 'en';
const filtersOf = ({ figure: _f, by: _b, ...filters }: z.output<typeof StatisticsQuery>) => filters;

/** Names of the filters used (audited; never their values, which could narrow to a person). */
const usedFilters = (query: Record<string, unknown>) =>
  Object.keys(query).filter((key) => query[key] !== undefined);

/** One figure, its year-over-year change and an optional breakdown. */
export async function getStatistics(ctx: Ctx, query: z.output<typeof StatisticsQuery>, locale: ReportLocale) {
  await refreshFacts(ctx.trx);
  const result = await computeFigure(ctx.trx, figure(query.figure), filtersOf(query), query.by, locale);
  await auditOperation(ctx, 'statistics.read', 'statistics', null, usedFilters(query));
  return result;
}

/** The cases behind a figure, limited to those the reader may open; audited as a read of records. */
export async function drillStatistics(ctx: Ctx, query: z.output<typeof DrillQuery>) {
  await refreshFacts(ctx.trx);
  const { figure: figureId, by, key, ...filters } = query;
  const result = await drillCases(ctx.trx, ctx.actor, { figure: figureId, filters, by, key });
  await auditOperation(ctx, 'statistics.drill', 'statistics', null, [
    ...usedFilters(query),
    ...result.cases.map((c) => `case:${c.id}`),
  ]);
  return result;
}

/** The national report of a year. */
export async function getNationalReport(ctx: Ctx, year: number, locale: ReportLocale) {
  await refreshFacts(ctx.trx);
  const report = await nationalReport(ctx.trx, year, locale);
  await auditOperation(ctx, 'statistics.report', 'statistics', null, ['year']);
  return report;
}

/** The public, disclosure-controlled tables of a year (no session, nothing personal, nothing audited). */
export async function getPublicStatistics(trx: Trx, year: number, k: number) {
  await refreshFacts(trx);
  return cachedPublicStatistics(trx, year, k);
}
