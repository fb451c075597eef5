/** Protection operations: consent, needs and matching, referrals, services delivered, the gap report. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import {
  CaseProtection,
  CompleteReferralRequest,
  ConsentView,
  CreateReferralRequest,
  DeclineReferralRequest,
  ListReferralsQuery,
  NeedView,
  ProtectionStatusRequest,
  ProtectionStatusView,
  RecordConsentRequest,
  RecordNeedRequest,
  ReferralInbox,
  ReferralView,
  ServiceDeliveryRequest,
  UnmetNeedsQuery,
  UnmetNeedsReport,
  WithdrawConsentResponse,
} from '../../../shared/api-protection.js';
import { defineRoute } from '../../http/route.js';
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

const IdParams = z.strictObject({ id: Uuid });
const common = { tags: ['protection'], auth: 'session' as const, purpose: 'referral' };

export function referralRoutes(app: FastifyInstance, services: AppServices): void {
  const { crypto } = services;

  defineRoute(app, services, {
    ...common,
    operationId: 'recordConsent',
    method: 'POST',
    url: '/api/cases/{id}/consents',
    summary:
      'Record a person’s consent to referral (scope, method, who, when), or a child’s best-interest exception',
    action: 'consent.record',
    params: IdParams,
    body: RecordConsentRequest,
    response: ConsentView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordConsent({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'withdrawConsent',
    method: 'POST',
    url: '/api/cases/{id}/consents/{consentId}/withdrawal',
    summary: 'Withdraw a consent; the open referrals relying on it end (withdrawn)',
    action: 'consent.withdraw',
    params: z.strictObject({ id: Uuid, consentId: Uuid }),
    response: WithdrawConsentResponse,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      withdrawConsent({ trx, actor, requestId, purpose }, params.id, params.consentId),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'getCaseProtection',
    method: 'GET',
    url: '/api/cases/{id}/protection',
    summary:
      'The protection panel of a case: needs with today’s matches, consents, protection statuses, referrals made',
    action: 'need.list',
    params: IdParams,
    response: CaseProtection,
    // A read of case content that writes its audit row.
    transaction: 'write',
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      getCaseProtection({ trx, actor, requestId, purpose }, crypto, params.id),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordNeed',
    method: 'POST',
    url: '/api/cases/{id}/needs',
    summary:
      'Record a need of a person on the case and match it: eligible providers nearest first, or unmet with its reason',
    action: 'need.record',
    params: IdParams,
    body: RecordNeedRequest,
    response: NeedView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordNeed({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordProtectionStatus',
    method: 'PUT',
    url: '/api/cases/{id}/persons/{personId}/protection-status',
    summary:
      'Record the status of a foreign or repatriated victim: origin, destination, consulate, return, residency',
    action: 'need.record',
    params: z.strictObject({ id: Uuid, personId: Uuid }),
    body: ProtectionStatusRequest,
    response: ProtectionStatusView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordProtectionStatus({ trx, actor, requestId, purpose }, params.id, params.personId, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'createReferral',
    method: 'POST',
    url: '/api/referrals',
    summary:
      'Refer a person’s need to a provider institution (needs active consent or a documented exception)',
    action: 'referral.create',
    body: CreateReferralRequest,
    response: ReferralView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      createReferral({ trx, actor, requestId, purpose }, crypto, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'listReferralInbox',
    method: 'GET',
    url: '/api/referrals',
    summary:
      'Incoming referrals of the caller’s institution (or outgoing), counts per state, overdue flagged',
    action: 'referral.list',
    query: ListReferralsQuery,
    response: ReferralInbox,
    handler: async ({ trx, actor, query }) => referralInbox({ trx, actor }, query),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'getReferral',
    method: 'GET',
    url: '/api/referrals/{id}',
    summary: 'A referral as either side sees it: the receiving institution sees only the shared fields',
    action: 'referral.read',
    params: IdParams,
    response: ReferralView,
    // A read that writes audit rows (the shared person fields shown).
    transaction: 'write',
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      getReferral({ trx, actor, requestId, purpose }, crypto, params.id),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'acceptReferral',
    method: 'POST',
    url: '/api/referrals/{id}/acceptance',
    summary: 'Accept a referral (the receiving institution); a shelter referral takes one free place',
    action: 'referral.respond',
    params: IdParams,
    response: ReferralView,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      acceptReferral({ trx, actor, requestId, purpose }, crypto, params.id),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'declineReferral',
    method: 'POST',
    url: '/api/referrals/{id}/decline',
    summary: 'Decline a referral with a reason (the receiving institution)',
    action: 'referral.respond',
    params: IdParams,
    body: DeclineReferralRequest,
    response: ReferralView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      declineReferral({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'completeReferral',
    method: 'POST',
    url: '/api/referrals/{id}/completion',
    summary: 'Complete a referral (the receiving institution) or close it with a reason (either side)',
    action: 'referral.close',
    params: IdParams,
    body: CompleteReferralRequest,
    response: ReferralView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      completeReferral({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordServiceDelivery',
    method: 'POST',
    url: '/api/referrals/{id}/deliveries',
    summary: 'Record a service delivered under an accepted referral (date, what)',
    action: 'referral.respond',
    params: IdParams,
    body: ServiceDeliveryRequest,
    response: ReferralView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordServiceDelivery({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'getUnmetNeedsReport',
    method: 'GET',
    url: '/api/reports/unmet-needs',
    summary:
      'Unmet needs by service, department, sex, age band and reason (aggregates; small cells suppressed)',
    action: 'need.report',
    purpose: 'statistics',
    query: UnmetNeedsQuery,
    response: UnmetNeedsReport,
    transaction: 'write',
    handler: async ({ trx, actor, requestId, purpose, query }) =>
      unmetNeedsReport({ trx, actor, requestId, purpose }, query),
  });
}
