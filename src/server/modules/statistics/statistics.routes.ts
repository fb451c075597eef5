/** Statistics operations: figures, drill-down, the national report (JSON and files), the public open data. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  DrillQuery,
  DrillResult,
  FigureResult,
  NationalReport,
  PublicQuery,
  PublicStatistics,
  ReportQuery,
  StatisticsQuery,
} from '../../../shared/api-statistics.js';
import type { Locale } from '../../../shared/roles.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { publicCsv } from '../../statistics-engine/render/csv.js';
import { publicK } from '../../statistics-engine/public.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../statistics-engine/render/index.js';
import {
  drillStatistics,
  getNationalReport,
  getPublicStatistics,
  getStatistics,
} from './statistics.service.js';

const common = {
  tags: ['statistics'],
  auth: 'session' as const,
  purpose: 'statistics',
  transaction: 'write' as const,
};
const reportLocale = (query: 'es' | 'en' | undefined, locale: Locale) =>
  query ?? (locale === 'en' ? 'en' : 'es');
const ReportFileQuery = ReportQuery.extend({ format: z.enum(REPORT_FORMATS) });
const thisYear = () => new Date().getUTCFullYear();

function sendFile(reply: FastifyReply, body: string | Buffer, type: string, name: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

export function statisticsRoutes(app: FastifyInstance, services: AppServices): void {
  defineRoute(app, services, {
    ...common,
    operationId: 'getStatistics',
    method: 'GET',
    url: '/api/statistics',
    summary: 'One figure (DOMAIN.md §7) for a period and filters, its year-over-year change and a breakdown',
    action: 'statistics.read',
    query: StatisticsQuery,
    response: FigureResult,
    handler: async ({ trx, actor, requestId, purpose, query, locale }) =>
      getStatistics({ trx, actor, requestId, purpose }, query, reportLocale(undefined, locale)),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'drillStatistics',
    method: 'GET',
    url: '/api/statistics/records',
    summary: 'The cases behind a figure or one of its cells, as far as the reader may open them (audited)',
    action: 'statistics.drill',
    query: DrillQuery,
    response: DrillResult,
    handler: async ({ trx, actor, requestId, purpose, query }) =>
      drillStatistics({ trx, actor, requestId, purpose }, query),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'getNationalReport',
    method: 'GET',
    url: '/api/statistics/report',
    summary: 'The national report of a year: every figure with breakdowns, TIP questionnaire, GLOTIP tables',
    action: 'statistics.report',
    query: ReportQuery,
    response: NationalReport,
    handler: async ({ trx, actor, requestId, purpose, query, locale }) =>
      getNationalReport({ trx, actor, requestId, purpose }, query.year, reportLocale(query.locale, locale)),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'downloadNationalReport',
    method: 'GET',
    url: '/api/statistics/report/file',
    summary: 'The national report of a year as a PDF, spreadsheet (xlsx), CSV or JSON file',
    action: 'statistics.report',
    query: ReportFileQuery,
    response: null,
    status: 200,
    handler: async ({ trx, actor, requestId, purpose, query, locale, reply }) => {
      const report = await getNationalReport(
        { trx, actor, requestId, purpose },
        query.year,
        reportLocale(query.locale, locale),
      );
      const file = await renderReport(report, query.format as ReportFormat);
      await sendFile(
        reply,
        file.body,
        file.type,
        `nanduti-report-${report.year}-${report.locale}.${query.format}`,
      );
    },
  });

  defineRoute(app, services, {
    operationId: 'getPublicStatistics',
    method: 'GET',
    url: '/api/public/statistics',
    summary: 'Open data: the protected figures of a year (no sign-in; every table passes disclosure control)',
    tags: ['public'],
    auth: 'public',
    query: PublicQuery,
    response: PublicStatistics,
    transaction: 'write',
    handler: async ({ trx, query }) => getPublicStatistics(trx, query.year ?? thisYear(), publicK()),
  });

  defineRoute(app, services, {
    operationId: 'downloadPublicStatistics',
    method: 'GET',
    url: '/api/public/statistics.csv',
    summary: 'Open data as CSV (CC BY 4.0): the same protected tables, one line per cell',
    tags: ['public'],
    auth: 'public',
    query: PublicQuery,
    response: null,
    status: 200,
    transaction: 'write',
    handler: async ({ trx, query, reply }) => {
      const data = await getPublicStatistics(trx, query.year ?? thisYear(), publicK());
      await sendFile(reply, publicCsv(data), 'text/csv; charset=utf-8', `nanduti-open-data-${data.year}.csv`);
    },
  });
}
