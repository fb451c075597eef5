/**
 * Standards exchange: pseudonymised case-level exports (HTCDS v2.0, CTDC) and the CTDC analysis
 * area (import a CTDC CSV, list imports, count one). docs/STANDARDS.md, docs/ACCESS-CONTROL.md.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  CTDC_MAX_BYTES,
  CtdcImportCounts,
  CtdcImportList,
  CtdcImportParams,
  CtdcImportView,
  ExportCsv,
  ExportCtdcQuery,
  ExportHtcdsQuery,
  ImportCtdcBody,
  ImportCtdcQuery,
} from '../../../shared/api-exchange.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { ctdcImportCounts, importCtdc, listCtdcImports } from './ctdc-import.service.js';
import { exportCtdc, exportHtcds } from './export.service.js';

const common = { tags: ['exchange'], auth: 'session' as const, purpose: 'statistics' };

/** Sends the CSV as a download; the file name says what and when, nothing about anyone. */
function asDownload(reply: FastifyReply, name: string, result: { csv: string; rows: number }): string {
  const day = new Date().toISOString().slice(0, 10);
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="nanduti-${name}-${day}.csv"`);
  reply.header('x-nanduti-rows', String(result.rows));
  return result.csv;
}

export function exchangeRoutes(app: FastifyInstance, services: AppServices): void {
  const { crypto } = services;
  // A CTDC file is larger than the JSON body limit: it may be sent as the file itself.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CTDC_MAX_BYTES }, (_req, body, done) =>
    done(null, { csv: body }),
  );

  defineRoute(app, services, {
    ...common,
    operationId: 'exportHtcds',
    method: 'GET',
    url: '/api/exports/htcds',
    summary:
      'Download the presumed victims of the cases you may see as HTCDS v2.0 CSV (pseudonymised ids, coded values only)',
    action: 'exchange.export',
    query: ExportHtcdsQuery,
    response: ExportCsv,
    transaction: 'write',
    handler: async ({ trx, actor, requestId, purpose, query, reply }) =>
      asDownload(reply, 'htcds', await exportHtcds({ trx, actor, requestId, purpose }, crypto, query)),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'exportCtdc',
    method: 'GET',
    url: '/api/exports/ctdc',
    summary:
      'Download the identified and presumed victims of the cases you may see in a CTDC layout (global2020 or synthetic2024), pseudonymised',
    action: 'exchange.export',
    query: ExportCtdcQuery,
    response: ExportCsv,
    transaction: 'write',
    handler: async ({ trx, actor, requestId, purpose, query, reply }) =>
      asDownload(
        reply,
        `ctdc-${query.format}`,
        await exportCtdc({ trx, actor, requestId, purpose }, crypto, query),
      ),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'importCtdc',
    method: 'POST',
    url: '/api/ctdc-imports',
    summary:
      'Import a CTDC CSV into the analysis area (apart from case records); send JSON {csv} or the file as text/csv (up to 64 MB). A file with any invalid line is refused whole',
    action: 'exchange.import',
    query: ImportCtdcQuery,
    body: ImportCtdcBody,
    response: CtdcImportView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, query, body }) =>
      importCtdc({ trx, actor, requestId, purpose }, body.csv, query.label),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'listCtdcImports',
    method: 'GET',
    url: '/api/ctdc-imports',
    summary: 'List the imported CTDC files, newest first',
    action: 'exchange.read',
    response: CtdcImportList,
    handler: async ({ trx, actor, requestId, purpose }) =>
      listCtdcImports({ trx, actor, requestId, purpose }),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'getCtdcImportCounts',
    method: 'GET',
    url: '/api/ctdc-imports/{id}/counts',
    summary: 'Counts of an imported CTDC file by year, gender, age band, citizenship and exploitation type',
    action: 'exchange.read',
    params: CtdcImportParams,
    response: CtdcImportCounts,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      ctdcImportCounts({ trx, actor, requestId, purpose }, params.id),
  });
}
