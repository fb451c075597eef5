/**
 * Standards exchange: pseudonymised case-level exports (HTCDS v2.0, CTDC) and the CTDC analysis
 * area (import a CTDC CSV, list imports, count one). docs/STANDARDS.md, docs/ACCESS-CONTROL.md.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CTDC_MAX_BYTES } from '../../../shared/api-exchange.js';
import { contracts } from '../../../shared/contracts/index.js';
import { paraguayToday } from '../../../shared/dates.js';
import { audited, routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { ctdcImportCounts, importCtdc, listCtdcImports } from './ctdc-import.service.js';
import { exportCtdc, exportHtcds } from './export.service.js';

/** Sends the CSV as a download; the file name says what and when, nothing about anyone. */
function asDownload(
  reply: FastifyReply,
  name: string,
  result: { csv: string; rows: number; suppressedRows?: number },
): string {
  const day = paraguayToday();
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="nanduti-${name}-${day}.csv"`);
  reply.header('x-nanduti-rows', String(result.rows));
  if (result.suppressedRows !== undefined)
    reply.header('x-nanduti-suppressed-rows', String(result.suppressedRows));
  return result.csv;
}

export function exchangeRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  // A CTDC file is larger than the JSON body limit: it may be sent as the file itself.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CTDC_MAX_BYTES }, (_req, body, done) =>
    done(null, { csv: body }),
  );

  route(
    contracts.exportHtcds,
    async (ctx, { query }) => asDownload(ctx.reply, 'htcds', await exportHtcds(ctx, ctx.crypto, query)),
    audited,
  );

  route(
    contracts.exportCtdc,
    async (ctx, { query }) =>
      asDownload(
        ctx.reply,
        `ctdc-${query.format}`,
        await exportCtdc(ctx, ctx.crypto, query, services.config.exportK),
      ),
    audited,
  );

  route(contracts.importCtdc, async (ctx, { query, body }) => importCtdc(ctx, body.csv, query.label));

  route(contracts.listCtdcImports, async (ctx) => listCtdcImports(ctx));

  route(contracts.getCtdcImportCounts, async (ctx, { params }) => ctdcImportCounts(ctx, params.id));
}
