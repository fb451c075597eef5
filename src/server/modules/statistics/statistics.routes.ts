/** Statistics operations: figures, drill-down, the national report (JSON and files), the public open data. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Locale } from '../../../shared/roles.js';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { publicCsv } from '../../statistics-engine/render/csv.js';
import { publicK } from '../../statistics-engine/public.js';
import { renderReport } from '../../statistics-engine/render/index.js';
import { getReleaseCalendar, publicSchedule, setReleaseCalendar } from './release-calendar.js';
import { listReleases, publishRelease, releasedStatistics } from './releases.service.js';
import { drillStatistics, getNationalReport, getStatistics } from './statistics.service.js';

const reportLocale = (query: 'es' | 'en' | undefined, locale: Locale) =>
  query ?? (locale === 'en' ? 'en' : 'es');

function sendFile(reply: FastifyReply, body: string | Buffer, type: string, name: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

// Figures are audited when read: every operation here writes.
export function statisticsRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(
    contracts.getStatistics,
    async (ctx, { query }) => getStatistics(ctx, query, reportLocale(undefined, ctx.locale), services),
    audited,
  );

  route(contracts.drillStatistics, async (ctx, { query }) => drillStatistics(ctx, query, services), audited);

  route(
    contracts.getNationalReport,
    async (ctx, { query }) =>
      getNationalReport(ctx, query.year, reportLocale(query.locale, ctx.locale), services),
    audited,
  );

  route(
    contracts.downloadNationalReport,
    async (ctx, { query }) => {
      const report = await getNationalReport(
        ctx,
        query.year,
        reportLocale(query.locale, ctx.locale),
        services,
      );
      const file = await renderReport(report, query.format);
      await sendFile(
        ctx.reply,
        file.body,
        file.type,
        `nanduti-report-${report.year}-${report.locale}.${query.format}`,
      );
    },
    audited,
  );

  // The public site reads published releases only, never the live tables (releases.service.ts).
  route(contracts.getPublicStatistics, async ({ trx }, { query }) => releasedStatistics(trx, query));

  route(
    contracts.downloadPublicStatistics,
    async ({ trx, reply }, { query }) => {
      const data = await releasedStatistics(trx, query);
      await sendFile(
        reply,
        publicCsv(data),
        'text/csv; charset=utf-8',
        `nanduti-open-data-${data.year}-release-${data.release.version}.csv`,
      );
    },
    { transaction: 'read' },
  );

  route(contracts.listStatisticsReleases, async ({ trx }) => ({
    releases: await listReleases(trx),
    schedule: await publicSchedule(trx),
  }));

  route(contracts.getStatisticsReleaseCalendar, async ({ trx }) => getReleaseCalendar(trx));

  route(contracts.updateStatisticsReleaseCalendar, async (ctx, { body }) => setReleaseCalendar(ctx, body));

  route(contracts.publishStatisticsRelease, async (ctx) => publishRelease(ctx, publicK()));
}
