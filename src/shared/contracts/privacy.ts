/**
 * Privacy operations (docs/PRIVACY.md): retention and erasure with legal holds, break-glass and its
 * review, the DPO's oversight alerts, the survivor's access report and consent receipt.
 */
import { defineContract } from '../contract.js';
import { IdParams } from './params.js';
import {
  AccessReportQuery,
  BreakGlassList,
  BreakGlassView,
  ConsentReceiptQuery,
  EraseRecordsRequest,
  EraseRecordsResult,
  LegalHoldView,
  ListBreakGlassQuery,
  ListPrivacyAlertsQuery,
  OpenBreakGlassRequest,
  PrivacyAlertList,
  PrivacyAlertView,
  RetentionDueList,
  RetentionDueQuery,
  RetentionSchedule,
  ReviewBreakGlassRequest,
  SetLegalHoldRequest,
  UpdateRetentionRequest,
} from '../api-privacy.js';

const common = { tags: ['privacy'], purpose: 'audit' } as const;

export const getRetentionSchedule = defineContract({
  ...common,
  operationId: 'getRetentionSchedule',
  method: 'GET',
  path: '/api/privacy/retention',
  summary: 'The retention schedule: years kept per record category after closure',
  action: 'privacy.readRetention',
  response: RetentionSchedule,
});

export const updateRetentionSchedule = defineContract({
  ...common,
  operationId: 'updateRetentionSchedule',
  method: 'PUT',
  path: '/api/privacy/retention',
  summary: 'Change the years kept for one or more record categories',
  action: 'privacy.updateRetention',
  body: UpdateRetentionRequest,
  response: RetentionSchedule,
});

export const setLegalHold = defineContract({
  ...common,
  operationId: 'setLegalHold',
  method: 'POST',
  path: '/api/privacy/holds',
  summary: 'Put a case on legal hold (it cannot be erased), with a reason',
  action: 'privacy.hold',
  body: SetLegalHoldRequest,
  response: LegalHoldView,
  status: 201,
});

export const releaseLegalHold = defineContract({
  ...common,
  operationId: 'releaseLegalHold',
  method: 'DELETE',
  path: '/api/privacy/holds/{id}',
  summary: 'Release a manual legal hold',
  action: 'privacy.hold',
  params: IdParams,
  response: LegalHoldView,
});

export const listRetentionDue = defineContract({
  ...common,
  operationId: 'listRetentionDue',
  method: 'GET',
  path: '/api/privacy/retention/due',
  summary: 'Records past retention (erasable, or held), and the manual holds',
  action: 'privacy.erase',
  query: RetentionDueQuery,
  response: RetentionDueList,
});

export const eraseRecords = defineContract({
  ...common,
  operationId: 'eraseRecords',
  method: 'POST',
  path: '/api/privacy/erasures',
  summary: "Erase records past retention, or decide a survivor's erasure request, in one transaction",
  action: 'privacy.erase',
  body: EraseRecordsRequest,
  response: EraseRecordsResult,
});

export const openBreakGlass = defineContract({
  tags: ['privacy'],
  purpose: 'case_management',
  operationId: 'openBreakGlass',
  method: 'POST',
  path: '/api/privacy/break-glass',
  summary:
    'Open a person or case outside your scope in an emergency, with a written reason, for a limited time',
  action: 'breakGlass.open',
  body: OpenBreakGlassRequest,
  response: BreakGlassView,
  status: 201,
});

export const listBreakGlass = defineContract({
  ...common,
  operationId: 'listBreakGlass',
  method: 'GET',
  path: '/api/privacy/break-glass',
  summary: 'Break-glass uses, unreviewed (awaiting review, overdue) first',
  action: 'privacy.oversee',
  query: ListBreakGlassQuery,
  response: BreakGlassList,
});

export const reviewBreakGlass = defineContract({
  ...common,
  operationId: 'reviewBreakGlass',
  method: 'POST',
  path: '/api/privacy/break-glass/{id}/review',
  summary: 'Review a break-glass use: justified or not justified, with a note',
  action: 'privacy.oversee',
  params: IdParams,
  body: ReviewBreakGlassRequest,
  response: BreakGlassView,
});

export const listPrivacyAlerts = defineContract({
  ...common,
  operationId: 'listPrivacyAlerts',
  method: 'GET',
  path: '/api/privacy/alerts',
  summary: 'Oversight alerts computed from the audit trail',
  action: 'privacy.oversee',
  query: ListPrivacyAlertsQuery,
  response: PrivacyAlertList,
});

export const acknowledgePrivacyAlert = defineContract({
  ...common,
  operationId: 'acknowledgePrivacyAlert',
  method: 'POST',
  path: '/api/privacy/alerts/{id}/acknowledgement',
  summary: 'Acknowledge an oversight alert',
  action: 'privacy.oversee',
  params: IdParams,
  response: PrivacyAlertView,
});

export const getPersonAccessReport = defineContract({
  tags: ['privacy'],
  purpose: 'data_subject_request',
  operationId: 'getPersonAccessReport',
  method: 'GET',
  path: '/api/persons/{id}/access-report',
  summary: "Who accessed or received a person's data, when and why (PDF, es/gn/en; or JSON)",
  action: 'privacy.accessReport',
  params: IdParams,
  query: AccessReportQuery,
  response: null,
  download: true,
  status: 200,
});

export const getConsentReceipt = defineContract({
  tags: ['privacy'],
  purpose: 'data_subject_request',
  operationId: 'getConsentReceipt',
  method: 'GET',
  path: '/api/consents/{id}/receipt',
  summary: 'The receipt of a consent given or withdrawn (after ISO/IEC TS 27560; PDF, es/gn/en; or JSON)',
  action: 'privacy.consentReceipt',
  params: IdParams,
  query: ConsentReceiptQuery,
  response: null,
  download: true,
  status: 200,
});
