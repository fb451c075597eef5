/** Protection operations: consent, needs and matching, referrals, services delivered, the gap report. */
import { z } from 'zod';
import { defineOperations } from '../contract.js';
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

const referrals = defineOperations({ tags: ['protection'], purpose: 'referral' });

export const recordConsent = referrals.create('recordConsent', '/api/cases/{id}/consents', {
  summary:
    'Record a person’s consent to referral (scope, method, who, when), or a child’s best-interest exception',
  action: 'consent.record',
  params: IdParams,
  body: RecordConsentRequest,
  response: ConsentView,
});

export const withdrawConsent = referrals.post(
  'withdrawConsent',
  '/api/cases/{id}/consents/{consentId}/withdrawal',
  {
    summary: 'Withdraw a consent; the open referrals relying on it end (withdrawn)',
    action: 'consent.withdraw',
    params: z.strictObject({ id: Uuid, consentId: Uuid }),
    response: WithdrawConsentResponse,
  },
);

export const getCaseProtection = referrals.get('getCaseProtection', '/api/cases/{id}/protection', {
  summary:
    'The protection panel of a case: needs with today’s matches, consents, protection statuses, referrals made',
  action: 'need.list',
  params: IdParams,
  response: CaseProtection,
});

export const recordNeed = referrals.create('recordNeed', '/api/cases/{id}/needs', {
  summary:
    'Record a need of a person on the case and match it: eligible providers nearest first, or unmet with its reason',
  action: 'need.record',
  params: IdParams,
  body: RecordNeedRequest,
  response: NeedView,
});

export const recordProtectionStatus = referrals.put(
  'recordProtectionStatus',
  '/api/cases/{id}/persons/{personId}/protection-status',
  {
    summary:
      'Record the status of a foreign or repatriated victim: origin, destination, consulate, return, residency',
    action: 'need.record',
    params: z.strictObject({ id: Uuid, personId: Uuid }),
    body: ProtectionStatusRequest,
    response: ProtectionStatusView,
  },
);

export const createReferral = referrals.create('createReferral', '/api/referrals', {
  summary: 'Refer a person’s need to a provider institution (needs active consent or a documented exception)',
  action: 'referral.create',
  body: CreateReferralRequest,
  response: ReferralView,
});

export const listReferralInbox = referrals.get('listReferralInbox', '/api/referrals', {
  summary: 'Incoming referrals of the caller’s institution (or outgoing), counts per state, overdue flagged',
  action: 'referral.list',
  query: ListReferralsQuery,
  response: ReferralInbox,
});

export const getReferral = referrals.get('getReferral', '/api/referrals/{id}', {
  summary: 'A referral as either side sees it: the receiving institution sees only the shared fields',
  action: 'referral.read',
  params: IdParams,
  response: ReferralView,
});

export const acceptReferral = referrals.post('acceptReferral', '/api/referrals/{id}/acceptance', {
  summary: 'Accept a referral (the receiving institution); a shelter referral takes one free place',
  action: 'referral.respond',
  params: IdParams,
  response: ReferralView,
});

export const declineReferral = referrals.post('declineReferral', '/api/referrals/{id}/decline', {
  summary: 'Decline a referral with a reason (the receiving institution)',
  action: 'referral.respond',
  params: IdParams,
  body: DeclineReferralRequest,
  response: ReferralView,
});

export const completeReferral = referrals.post('completeReferral', '/api/referrals/{id}/completion', {
  summary: 'Complete a referral (the receiving institution) or close it with a reason (either side)',
  action: 'referral.close',
  params: IdParams,
  body: CompleteReferralRequest,
  response: ReferralView,
});

export const recordServiceDelivery = referrals.create(
  'recordServiceDelivery',
  '/api/referrals/{id}/deliveries',
  {
    summary: 'Record a service delivered under an accepted referral (date, what)',
    action: 'referral.respond',
    params: IdParams,
    body: ServiceDeliveryRequest,
    response: ReferralView,
  },
);

export const getUnmetNeedsReport = referrals.get('getUnmetNeedsReport', '/api/reports/unmet-needs', {
  summary:
    'Unmet needs by service, department, sex, age band and reason (aggregates; small cells suppressed)',
  action: 'need.report',
  purpose: 'statistics',
  query: UnmetNeedsQuery,
  response: UnmetNeedsReport,
});
