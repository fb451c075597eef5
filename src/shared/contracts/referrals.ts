/** Protection operations: consent, needs and matching, referrals, services delivered, the gap report. */
import { defineOperations } from '../contract.js';
import * as api from '../api-protection.js';

const referrals = defineOperations({ tags: ['protection'], purpose: 'referral' });

export const recordConsent = referrals.create('recordConsent', '/api/cases/{id}/consents', {
  summary:
    'Record a person’s consent to referral (scope, method, who, when), or a child’s best-interest exception',
  action: 'consent.record',
  body: api.RecordConsentRequest,
  response: api.ConsentView,
});

export const withdrawConsent = referrals.post(
  'withdrawConsent',
  '/api/cases/{id}/consents/{consentId}/withdrawal',
  {
    summary: 'Withdraw a consent; the open referrals relying on it end (withdrawn)',
    action: 'consent.withdraw',
    response: api.WithdrawConsentResponse,
  },
);

export const getCaseProtection = referrals.get('getCaseProtection', '/api/cases/{id}/protection', {
  summary:
    'The protection panel of a case: needs with today’s matches, consents, protection statuses, referrals made',
  action: 'need.list',
  response: api.CaseProtection,
});

export const recordNeed = referrals.create('recordNeed', '/api/cases/{id}/needs', {
  summary:
    'Record a need of a person on the case and match it: eligible providers nearest first, or unmet with its reason',
  action: 'need.record',
  body: api.RecordNeedRequest,
  response: api.NeedView,
});

export const recordProtectionStatus = referrals.put(
  'recordProtectionStatus',
  '/api/cases/{id}/persons/{personId}/protection-status',
  {
    summary:
      'Record the status of a foreign or repatriated victim: origin, destination, consulate, return, residency',
    action: 'need.record',
    body: api.ProtectionStatusRequest,
    response: api.ProtectionStatusView,
  },
);

export const createReferral = referrals.create('createReferral', '/api/referrals', {
  summary: 'Refer a person’s need to a provider institution (needs active consent or a documented exception)',
  action: 'referral.create',
  body: api.CreateReferralRequest,
  response: api.ReferralView,
});

export const listReferralInbox = referrals.get('listReferralInbox', '/api/referrals', {
  summary: 'Incoming referrals of the caller’s institution (or outgoing), counts per state, overdue flagged',
  action: 'referral.list',
  query: api.ListReferralsQuery,
  response: api.ReferralInbox,
});

export const getReferral = referrals.get('getReferral', '/api/referrals/{id}', {
  summary: 'A referral as either side sees it: the receiving institution sees only the shared fields',
  action: 'referral.read',
  response: api.ReferralView,
});

export const acceptReferral = referrals.post('acceptReferral', '/api/referrals/{id}/acceptance', {
  summary: 'Accept a referral (the receiving institution); a shelter referral takes one free place',
  action: 'referral.respond',
  response: api.ReferralView,
});

export const declineReferral = referrals.post('declineReferral', '/api/referrals/{id}/decline', {
  summary: 'Decline a referral with a reason (the receiving institution)',
  action: 'referral.respond',
  body: api.DeclineReferralRequest,
  response: api.ReferralView,
});

export const completeReferral = referrals.post('completeReferral', '/api/referrals/{id}/completion', {
  summary: 'Complete a referral (the receiving institution) or close it with a reason (either side)',
  action: 'referral.close',
  body: api.CompleteReferralRequest,
  response: api.ReferralView,
});

export const recordServiceDelivery = referrals.create(
  'recordServiceDelivery',
  '/api/referrals/{id}/deliveries',
  {
    summary: 'Record a service delivered under an accepted referral (date, what)',
    action: 'referral.respond',
    body: api.ServiceDeliveryRequest,
    response: api.ReferralView,
  },
);

export const getUnmetNeedsReport = referrals.get('getUnmetNeedsReport', '/api/reports/unmet-needs', {
  summary:
    'Unmet needs by service, department, sex, age band and reason (aggregates; small cells suppressed)',
  action: 'need.report',
  purpose: 'statistics',
  query: api.UnmetNeedsQuery,
  response: api.UnmetNeedsReport,
});
