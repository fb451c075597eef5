/**
 * Statistics operations: a figure with its breakdown, the drill-down to its cases, the national
 * report (the public open data is served from releases: releases.service.ts). Each starts by bringing the facts up to date in its transaction
 * (refresh.ts), so the same filters always give the same number as the records hold.
 */
import type { z } from 'zod';
import type {
  DrillQuery,
  FigureResult,
  NationalReport,
  StatisticsQuery,
  StatisticsResult,
} from '../../../shared/api-statistics.js';
import { auditOperation, auditOperationValues } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import { readForAnalytics, type AnalyticsSource, type ReadVia } from '../../db/read-replica.js';
import type { Ctx } from '../../core/context.js';
import { drillCases } from '../../statistics-engine/drill.js';
import { computeFigure } from '../../statistics-engine/engine.js';
import { figure } from '../../statistics-engine/figures/index.js';
import { figureCacheOf } from '../../statistics-engine/figure-cache.js';
import { periodOf } from '../../statistics-engine/period.js';
import {
  factsState,
  factsVersion,
  refreshFactsIfFew,
  INLINE_REFRESH_LIMIT,
} from '../../statistics-engine/refresh.js';
import { nationalReport } from '../../statistics-engine/report.js';
import { auditFieldsOf, type AuditFieldName } from '../../../shared/audit-fields/lists.js';

type ReportLocale = 'es' | 'en';
const filtersOf = ({ figure: _f, by: _b, ...filters }: z.output<typeof StatisticsQuery>) => filters;

/** Names of the filters used (audited; never their values, which could narrow to a person). */
const usedFilters = (query: Partial<z.output<typeof DrillQuery>>) =>
  auditFieldsOf(query, (value) => value !== undefined);

/** Where figures are read, and the primary database whose figures are kept (figure-cache.ts). */
type FiguresSource = AnalyticsSource & { db?: object };

/** Only the primary (tests, the CLI, a deployment without a replica), nothing kept. */
const PRIMARY_ONLY: FiguresSource = {
  readDb: null,
  config: { readMaxLagSeconds: 0 },
  logger: { warn: () => {} } as unknown as AnalyticsSource['logger'],
};

/**
 * Reads figures with `fn` where analytics read (readForAnalytics: the replica within its lag
 * bound, else the primary), after bringing the facts up to date when few persons wait (on the
 * primary; a replica has the primary's facts as replayed). `fn` is given the version of the facts
 * it reads. Returns the result and its freshness.
 */
async function readFigures<T>(
  source: AnalyticsSource,
  primary: Trx,
  fn: (trx: Trx, version: string) => Promise<T>,
  /** The request's audit row (auditOperationValues), written with the facts' state on the primary. */
  audit?: readonly unknown[],
): Promise<{ result: T; freshness: ReadVia & { pending: number }; audited: boolean }> {
  return readForAnalytics(source, primary, async (trx, via) => {
    const onPrimary = via.source === 'primary';
    const { pending, version } = onPrimary
      ? await refreshFactsIfFew(trx, audit)
      : await factsState(trx, INLINE_REFRESH_LIMIT + 1);
    return {
      result: await fn(trx, version),
      freshness: { ...via, pending },
      audited: onPrimary && audit !== undefined,
    };
  });
}

/** One figure, its year-over-year change and an optional breakdown. */
export async function getStatistics(
  ctx: Ctx,
  query: z.output<typeof StatisticsQuery>,
  locale: ReportLocale,
  source: FiguresSource = PRIMARY_ONLY,
) {
  const definition = figure(query.figure);
  const filters = filtersOf(query);
  // Figures over the facts are kept by the facts' version; those read from the records are not.
  const cache = definition.fact !== 'source' && source.db ? figureCacheOf(source.db) : null;
  const key = JSON.stringify([definition.id, query.by ?? null, locale, periodOf(filters), filters]);
  // The audit row is written by the request's first statement on the primary (with the facts'
  // state: one statement fewer); read on the replica, it is written on the primary after.
  const audit = auditOperationValues(ctx, 'statistics.read', 'statistics', null, usedFilters(query));
  const { result, freshness, audited } = await readFigures(
    source,
    ctx.trx,
    async (trx, version) => {
      const kept = cache?.get(version, key);
      if (kept) return kept;
      const computed = await computeFigure(trx, definition, filters, query.by, locale);
      // Each statement sees the commits made before it: kept only if no refresh committed meanwhile.
      if (cache && (await factsVersion(trx)) === version) cache.set(version, key, computed);
      return computed;
    },
    audit,
  );
  if (!audited) await auditOperation(ctx, 'statistics.read', 'statistics', null, usedFilters(query));
  return { ...withSmallCounts(ctx, query, result), freshness };
}

/** A count that would single out one or two persons: 1 or 2 (zero describes nobody). */
const isSmall = (n: number | null | undefined) => n != null && n >= 1 && n <= 2;

/** Medians of days or months are measures, not counts of persons: shown as they are. */
const MEASURES: ReadonlySet<FigureResult['unit']> = new Set(['days', 'months']);

/**
 * Small counts for analysts (docs/PRIVACY.md): a count of 1 or 2 that includes other institutions'
 * victims is withheld (null, `small`) and shown as "<3", so that combining filters cannot single out
 * one victim of another institution. Exact when the figure is filtered to the analyst's own
 * institution, and in the analyst's own row of a breakdown by institution; zero stays zero (it
 * describes nobody). Other roles read figures as before: they work cases, not only aggregates.
 */
export function withSmallCounts(
  ctx: Ctx,
  query: z.output<typeof StatisticsQuery>,
  result: FigureResult,
): StatisticsResult {
  const { actor } = ctx;
  if (actor.role !== 'analyst' || query.institution === actor.institutionId) return result;
  return withheldSmall(actor.institutionCode, result);
}

function withheldSmall(ownInstitutionCode: string, result: StatisticsResult): StatisticsResult {
  if (MEASURES.has(result.unit)) return result;
  const ownRow = (key: string) => result.by === 'institution' && key === ownInstitutionCode;
  const smallTotals = (['total', 'previousTotal'] as const).filter((k) => isSmall(result[k]));
  return {
    ...result,
    total: smallTotals.includes('total') ? null : result.total,
    previousTotal: smallTotals.includes('previousTotal') ? null : result.previousTotal,
    // A change computed from a withheld total would give it back.
    changePercent: smallTotals.length > 0 ? null : result.changePercent,
    rows: result.rows.map((r) =>
      isSmall(r.value) && !ownRow(r.key) ? { key: r.key, value: null, small: true } : r,
    ),
    ...(smallTotals.length > 0 ? { smallTotals } : {}),
  };
}

/**
 * The national report as an analyst reads it: the same small counts withheld as in `getStatistics`
 * — in the figures, the TIP answers and the GLOTIP tables — so that the report is no way around
 * "<3" (it is counted over every institution, unfiltered).
 */
function reportForAnalyst(ownInstitutionCode: string, report: NationalReport): NationalReport {
  return {
    ...report,
    sections: report.sections.map((section) => ({
      ...section,
      figures: section.figures.map((f) => withheldSmall(ownInstitutionCode, f)),
    })),
    tip: report.tip.map((answer) =>
      isSmall(answer.value) ? { ...answer, value: null, small: true } : answer,
    ),
    glotip: report.glotip.map((table) => ({
      ...table,
      cells: table.cells.map((row) => row.map((value) => (isSmall(value) ? null : value))),
    })),
  };
}

/** The cases behind a figure, limited to those the reader may open; audited as a read of records. */
export async function drillStatistics(
  ctx: Ctx,
  query: z.output<typeof DrillQuery>,
  source: AnalyticsSource = PRIMARY_ONLY,
) {
  const { figure: figureId, by, key, ...filters } = query;
  const { result } = await readFigures(source, ctx.trx, (trx) =>
    drillCases(trx, ctx.actor, { figure: figureId, filters, by, key }),
  );
  await auditOperation(ctx, 'statistics.drill', 'statistics', null, [
    ...usedFilters(query),
    ...result.cases.map((c): AuditFieldName => `case:${c.id}`),
  ]);
  return result;
}

/** The national report of a year. */
export async function getNationalReport(
  ctx: Ctx,
  year: number,
  locale: ReportLocale,
  source: AnalyticsSource = PRIMARY_ONLY,
) {
  // The report is a document: the same whether read on the replica or the primary, without meta.
  const { result } = await readFigures(source, ctx.trx, (trx) => nationalReport(trx, year, locale));
  await auditOperation(ctx, 'statistics.report', 'statistics', null, ['year']);
  return ctx.actor.role === 'analyst' ? reportForAnalyst(ctx.actor.institutionCode, result) : result;
}
