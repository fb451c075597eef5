/** Privacy operations (docs/PRIVACY.md): retention and erasure, break-glass, oversight, transparency. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Uuid } from '../../../shared/api.js';
import { contracts } from '../../../shared/contracts/index.js';
import type { AuditHint } from '../../core/errors.js';
import { audited, routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { acknowledgePrivacyAlert, listPrivacyAlerts } from './alerts.service.js';
import { listBreakGlass, openBreakGlass, reviewBreakGlass } from './break-glass.service.js';
import {
  eraseRecords,
  getRetentionSchedule,
  listRetentionDue,
  releaseLegalHold,
  setLegalHold,
  updateRetentionSchedule,
} from './retention.service.js';
import { accessReport, consentReceipt } from './transparency.js';
import { accessReportPdf, consentReceiptPdf } from './transparency-pdf.js';

function sendPdf(reply: FastifyReply, body: Buffer, name: string) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

function sendJson(reply: FastifyReply, body: unknown) {
  return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(body);
}

/**
 * A break-glass refused for its input (no reason, too short, too long a time) is audited as a
 * denied `breakGlass.open` on the record asked for — the reason's text is never recorded.
 */
function refusedBreakGlass(body: unknown): AuditHint {
  const { resourceType, resourceId } = (body ?? {}) as Record<string, unknown>;
  return {
    action: 'breakGlass.open',
    resourceType: resourceType === 'person' || resourceType === 'case' ? resourceType : null,
    resourceId: Uuid.safeParse(resourceId).success ? (resourceId as string) : null,
  };
}

export function privacyRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.getRetentionSchedule, async (ctx) => getRetentionSchedule(ctx));
  route(contracts.updateRetentionSchedule, async (ctx, { body }) => updateRetentionSchedule(ctx, body));
  route(contracts.setLegalHold, async (ctx, { body }) => setLegalHold(ctx, ctx.crypto, body));
  route(contracts.releaseLegalHold, async (ctx, { params }) => releaseLegalHold(ctx, ctx.crypto, params.id));
  route(
    contracts.listRetentionDue,
    async (ctx, { query }) => listRetentionDue(ctx, ctx.crypto, query),
    audited,
  );
  route(contracts.eraseRecords, async (ctx, { body }) => eraseRecords(ctx, ctx.crypto, body));

  route(contracts.openBreakGlass, async (ctx, { body }) => openBreakGlass(ctx, ctx.crypto, body), {
    auditInvalidInput: refusedBreakGlass,
  });
  route(contracts.listBreakGlass, async (ctx, { query }) => listBreakGlass(ctx, ctx.crypto, query), audited);
  route(contracts.reviewBreakGlass, async (ctx, { params, body }) =>
    reviewBreakGlass(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.listPrivacyAlerts, async (ctx, { query }) => listPrivacyAlerts(ctx, query), audited);
  route(contracts.acknowledgePrivacyAlert, async (ctx, { params }) =>
    acknowledgePrivacyAlert(ctx, params.id),
  );

  route(
    contracts.getPersonAccessReport,
    async (ctx, { params, query }) => {
      const report = await accessReport(ctx, params.id, query.locale, query.staffNames ?? false);
      if (query.format === 'json') return void (await sendJson(ctx.reply, report));
      await sendPdf(ctx.reply, await accessReportPdf(report), `access-report-${report.locale}.pdf`);
    },
    audited,
  );
  route(
    contracts.getConsentReceipt,
    async (ctx, { params, query }) => {
      const receipt = await consentReceipt(ctx, params.id, query.locale);
      if (query.format === 'json') return void (await sendJson(ctx.reply, receipt));
      await sendPdf(ctx.reply, await consentReceiptPdf(receipt), `consent-receipt-${receipt.locale}.pdf`);
    },
    audited,
  );
}
