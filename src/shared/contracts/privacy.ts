/**
 * Privacy operations (docs/PRIVACY.md): retention and erasure with legal holds, break-glass and its
 * review, the DPO's oversight alerts, the survivor's access report and consent receipt.
 */
import { defineOperations } from '../contract.js';
import * as api from '../api-privacy.js';

const privacy = defineOperations({ tags: ['privacy'], purpose: 'audit' });

export const getRetentionSchedule = privacy.get('getRetentionSchedule', '/api/privacy/retention', {
  summary: 'The retention schedule: years kept per record category after closure',
  action: 'privacy.readRetention',
  response: api.RetentionSchedule,
});

export const updateRetentionSchedule = privacy.put('updateRetentionSchedule', '/api/privacy/retention', {
  summary: 'Change the years kept for one or more record categories',
  action: 'privacy.updateRetention',
  body: api.UpdateRetentionRequest,
  response: api.RetentionSchedule,
});

export const setLegalHold = privacy.create('setLegalHold', '/api/privacy/holds', {
  summary: 'Put a case on legal hold (it cannot be erased), with a reason',
  action: 'privacy.hold',
  body: api.SetLegalHoldRequest,
  response: api.LegalHoldView,
});

export const releaseLegalHold = privacy.delete('releaseLegalHold', '/api/privacy/holds/{id}', {
  summary: 'Release a manual legal hold',
  action: 'privacy.hold',
  response: api.LegalHoldView,
});

export const listRetentionDue = privacy.get('listRetentionDue', '/api/privacy/retention/due', {
  summary: 'Records past retention (erasable, or held), and the manual holds',
  action: 'privacy.erase',
  query: api.RetentionDueQuery,
  response: api.RetentionDueList,
});

export const eraseRecords = privacy.post('eraseRecords', '/api/privacy/erasures', {
  summary: "Erase records past retention, or decide a survivor's erasure request, in one transaction",
  action: 'privacy.erase',
  body: api.EraseRecordsRequest,
  response: api.EraseRecordsResult,
});

export const openBreakGlass = privacy.create('openBreakGlass', '/api/privacy/break-glass', {
  purpose: 'case_management',
  summary:
    'Open a person or case outside your scope in an emergency, with a written reason, for a limited time',
  action: 'breakGlass.open',
  body: api.OpenBreakGlassRequest,
  response: api.BreakGlassView,
});

export const listBreakGlass = privacy.get('listBreakGlass', '/api/privacy/break-glass', {
  summary: 'Break-glass uses, unreviewed (awaiting review, overdue) first',
  action: 'privacy.oversee',
  query: api.ListBreakGlassQuery,
  response: api.BreakGlassList,
});

export const reviewBreakGlass = privacy.post('reviewBreakGlass', '/api/privacy/break-glass/{id}/review', {
  summary: 'Review a break-glass use: justified or not justified, with a note',
  action: 'privacy.oversee',
  body: api.ReviewBreakGlassRequest,
  response: api.BreakGlassView,
});

export const listPrivacyAlerts = privacy.get('listPrivacyAlerts', '/api/privacy/alerts', {
  summary: 'Oversight alerts computed from the audit trail',
  action: 'privacy.oversee',
  query: api.ListPrivacyAlertsQuery,
  response: api.PrivacyAlertList,
});

export const acknowledgePrivacyAlert = privacy.post(
  'acknowledgePrivacyAlert',
  '/api/privacy/alerts/{id}/acknowledgement',
  {
    summary: 'Acknowledge an oversight alert',
    action: 'privacy.oversee',
    response: api.PrivacyAlertView,
  },
);

export const getPersonAccessReport = privacy.get('getPersonAccessReport', '/api/persons/{id}/access-report', {
  purpose: 'data_subject_request',
  summary: "Who accessed or received a person's data, when and why (PDF, es/gn/en; or JSON)",
  action: 'privacy.accessReport',
  query: api.AccessReportQuery,
  response: null,
  download: true,
  status: 200,
});

export const getConsentReceipt = privacy.get('getConsentReceipt', '/api/consents/{id}/receipt', {
  purpose: 'data_subject_request',
  summary: 'The receipt of a consent given or withdrawn (after ISO/IEC TS 27560; PDF, es/gn/en; or JSON)',
  action: 'privacy.consentReceipt',
  query: api.ConsentReceiptQuery,
  response: null,
  download: true,
  status: 200,
});
