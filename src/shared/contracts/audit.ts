/** The audit trail for the data protection officer: search and chain verification. */

import { defineContract } from '../contract.js';
import { AuditEventList, AuditVerifyResult, ListAuditEventsQuery } from '../api.js';

export const listAuditEvents = defineContract({
  operationId: 'listAuditEvents',
  method: 'GET',
  path: '/api/audit-events',
  summary: 'Search the audit trail (newest first; page with `before`)',
  tags: ['audit'],
  action: 'audit.list',
  purpose: 'audit',
  query: ListAuditEventsQuery,
  response: AuditEventList,
});

export const verifyAuditChain = defineContract({
  operationId: 'verifyAuditChain',
  method: 'GET',
  path: '/api/audit-events/verify',
  summary: 'Check that no audit row was altered or removed (hash chain)',
  tags: ['audit'],
  action: 'audit.verify',
  purpose: 'audit',
  response: AuditVerifyResult,
});
