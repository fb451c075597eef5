/** Protection operations: consent, needs and matching, referrals, services delivered, the gap report. */
import { z } from 'zod';
import { defineContract } from '../contract.js';
import { IdParams } from './params.js';
import { Uuid } from '../api.js';
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
} from '../api-protection.js';

const common = { tags: ['protection'], purpose: 'referral' } as const;

export const recordConsent = defineContract({
  ...common,
  operationId: 'recordConsent',
  method: 'POST',
  path: '/api/cases/{id}/consents',
  summary:
    'Record a person’s consent to referral (scope, method, who, when), or a child’s best-interest exception',
  action: 'consent.record',
  params: IdParams,
  body: RecordConsentRequest,
  response: ConsentView,
  status: 201,
});

export const withdrawConsent = defineContract({
  ...common,
  operationId: 'withdrawConsent',
  method: 'POST',
  path: '/api/cases/{id}/consents/{consentId}/withdrawal',
  summary: 'Withdraw a consent; the open referrals relying on it end (withdrawn)',
  action: 'consent.withdraw',
  params: z.strictObject({ id: Uuid, consentId: Uuid }),
  response: WithdrawConsentResponse,
});

export const getCaseProtection = defineContract({
  ...common,
  operationId: 'getCaseProtection',
  method: 'GET',
  path: '/api/cases/{id}/protection',
  summary:
    'The protection panel of a case: needs with today’s matches, consents, protection statuses, referrals made',
  action: 'need.list',
  params: IdParams,
  response: CaseProtection,
});

export const recordNeed = defineContract({
  ...common,
  operationId: 'recordNeed',
  method: 'POST',
  path: '/api/cases/{id}/needs',
  summary:
    'Record a need of a person on the case and match it: eligible providers nearest first, or unmet with its reason',
  action: 'need.record',
  params: IdParams,
  body: RecordNeedRequest,
  response: NeedView,
  status: 201,
});

export const recordProtectionStatus = defineContract({
  ...common,
  operationId: 'recordProtectionStatus',
  method: 'PUT',
  path: '/api/cases/{id}/persons/{personId}/protection-status',
  summary:
    'Record the status of a foreign or repatriated victim: origin, destination, consulate, return, residency',
  action: 'need.record',
  params: z.strictObject({ id: Uuid, personId: Uuid }),
  body: ProtectionStatusRequest,
  response: ProtectionStatusView,
});

export const createReferral = defineContract({
  ...common,
  operationId: 'createReferral',
  method: 'POST',
  path: '/api/referrals',
  summary: 'Refer a person’s need to a provider institution (needs active consent or a documented exception)',
  action: 'referral.create',
  body: CreateReferralRequest,
  response: ReferralView,
  status: 201,
});

export const listReferralInbox = defineContract({
  ...common,
  operationId: 'listReferralInbox',
  method: 'GET',
  path: '/api/referrals',
  summary: 'Incoming referrals of the caller’s institution (or outgoing), counts per state, overdue flagged',
  action: 'referral.list',
  query: ListReferralsQuery,
  response: ReferralInbox,
});

export const getReferral = defineContract({
  ...common,
  operationId: 'getReferral',
  method: 'GET',
  path: '/api/referrals/{id}',
  summary: 'A referral as either side sees it: the receiving institution sees only the shared fields',
  action: 'referral.read',
  params: IdParams,
  response: ReferralView,
});

export const acceptReferral = defineContract({
  ...common,
  operationId: 'acceptReferral',
  method: 'POST',
  path: '/api/referrals/{id}/acceptance',
  summary: 'Accept a referral (the receiving institution); a shelter referral takes one free place',
  action: 'referral.respond',
  params: IdParams,
  response: ReferralView,
});

export const declineReferral = defineContract({
  ...common,
  operationId: 'declineReferral',
  method: 'POST',
  path: '/api/referrals/{id}/decline',
  summary: 'Decline a referral with a reason (the receiving institution)',
  action: 'referral.respond',
  params: IdParams,
  body: DeclineReferralRequest,
  response: ReferralView,
});

export const completeReferral = defineContract({
  ...common,
  operationId: 'completeReferral',
  method: 'POST',
  path: '/api/referrals/{id}/completion',
  summary: 'Complete a referral (the receiving institution) or close it with a reason (either side)',
  action: 'referral.close',
  params: IdParams,
  body: CompleteReferralRequest,
  response: ReferralView,
});

export const recordServiceDelivery = defineContract({
  ...common,
  operationId: 'recordServiceDelivery',
  method: 'POST',
  path: '/api/referrals/{id}/deliveries',
  summary: 'Record a service delivered under an accepted referral (date, what)',
  action: 'referral.respond',
  params: IdParams,
  body: ServiceDeliveryRequest,
  response: ReferralView,
  status: 201,
});

export const getUnmetNeedsReport = defineContract({
  ...common,
  operationId: 'getUnmetNeedsReport',
  method: 'GET',
  path: '/api/reports/unmet-needs',
  summary:
    'Unmet needs by service, department, sex, age band and reason (aggregates; small cells suppressed)',
  action: 'need.report',
  purpose: 'statistics',
  query: UnmetNeedsQuery,
  response: UnmetNeedsReport,
});
