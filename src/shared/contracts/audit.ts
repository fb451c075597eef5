/** The audit trail for the data protection officer: search and chain verification. */

import { defineOperations } from '../contract.js';
import * as api from '../api.js';

const audit = defineOperations({ tags: ['audit'] });

export const listAuditEvents = audit.get('listAuditEvents', '/api/audit-events', {
  summary: 'Search the audit trail (newest first; page with `before`)',
  action: 'audit.list',
  purpose: 'audit',
  query: api.ListAuditEventsQuery,
  response: api.AuditEventList,
});

export const verifyAuditChain = audit.get('verifyAuditChain', '/api/audit-events/verify', {
  summary: 'Check that no audit row was altered or removed (hash chain)',
  action: 'audit.verify',
  purpose: 'audit',
  response: api.AuditVerifyResult,
});

export const getAuditCheckpoint = audit.get('getAuditCheckpoint', '/api/audit-events/checkpoint', {
  summary:
    'Sign a checkpoint of the audit tree now (and have the witnesses cosign it); sizes and hashes only',
  action: 'audit.checkpoint',
  purpose: 'audit',
  response: api.AuditCheckpoint,
});

export const getAuditInclusionProof = audit.get(
  'getAuditInclusionProof',
  '/api/audit-events/inclusion-proof',
  {
    summary: 'Prove that one audit entry is in a signed checkpoint (RFC 9162 audit path)',
    action: 'audit.proof',
    purpose: 'audit',
    query: api.AuditInclusionProofQuery,
    response: api.AuditInclusionProof,
  },
);
