/** Protection operations: consent, needs and matching, referrals, services delivered, the gap report. */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { recordConsent, withdrawConsent } from './consents.service.js';
import { recordNeed, recordProtectionStatus } from './needs.service.js';
import {
  acceptReferral,
  completeReferral,
  createReferral,
  declineReferral,
  getReferral,
  recordServiceDelivery,
  referralInbox,
} from './referrals.service.js';
import { unmetNeedsReport } from './unmet-report.js';
import { getCaseProtection } from './case-protection.js';

export function referralRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.recordConsent, async (ctx, { params, body }) =>
    recordConsent(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.withdrawConsent, async (ctx, { params }) =>
    withdrawConsent(ctx, params.id, params.consentId),
  );

  route(
    contracts.getCaseProtection,
    async (ctx, { params }) => getCaseProtection(ctx, ctx.crypto, params.id),
    audited,
  );

  route(contracts.recordNeed, async (ctx, { params, body }) => recordNeed(ctx, ctx.crypto, params.id, body));

  route(contracts.recordProtectionStatus, async (ctx, { params, body }) =>
    recordProtectionStatus(ctx, params.id, params.personId, body),
  );

  route(contracts.createReferral, async (ctx, { body }) => createReferral(ctx, ctx.crypto, body));

  route(contracts.listReferralInbox, async ({ trx, actor }, { query }) =>
    referralInbox({ trx, actor }, query),
  );

  route(contracts.getReferral, async (ctx, { params }) => getReferral(ctx, ctx.crypto, params.id), audited);

  route(contracts.acceptReferral, async (ctx, { params }) => acceptReferral(ctx, ctx.crypto, params.id));

  route(contracts.declineReferral, async (ctx, { params, body }) =>
    declineReferral(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.completeReferral, async (ctx, { params, body }) =>
    completeReferral(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.recordServiceDelivery, async (ctx, { params, body }) =>
    recordServiceDelivery(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.getUnmetNeedsReport, async (ctx, { query }) => unmetNeedsReport(ctx, query), audited);
}
