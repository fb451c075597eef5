/** The audit trail for the data protection officer: search and chain verification. */

import { defineContract } from '../contract.js';
import {
  AuditCheckpoint,
  AuditEventList,
  AuditInclusionProof,
  AuditInclusionProofQuery,
  AuditVerifyResult,
  ListAuditEventsQuery,
} from '../api.js';

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

export const getAuditCheckpoint = defineContract({
  operationId: 'getAuditCheckpoint',
  method: 'GET',
  path: '/api/audit-events/checkpoint',
  summary:
    'Sign a checkpoint of the audit tree now (and have the witnesses cosign it); sizes and hashes only',
  tags: ['audit'],
  action: 'audit.checkpoint',
  purpose: 'audit',
  response: AuditCheckpoint,
});

export const getAuditInclusionProof = defineContract({
  operationId: 'getAuditInclusionProof',
  method: 'GET',
  path: '/api/audit-events/inclusion-proof',
  summary: 'Prove that one audit entry is in a signed checkpoint (RFC 9162 audit path)',
  tags: ['audit'],
  action: 'audit.proof',
  purpose: 'audit',
  query: AuditInclusionProofQuery,
  response: AuditInclusionProof,
});
