/**
 * API client of prosecution, one function per operation id (the shared `call` checks every answer
 * against the shared schemas). Only ids and file numbers travel in addresses, never names.
 */
import type { z } from 'zod';
import {
  AddSuspectRequest,
  ComplicityRegister,
  CreateInvestigationRequest,
  InvestigationList,
  InvestigationView,
  LegalProvisionList,
  ListInvestigationsQuery,
  RecordChargeRequest,
  RecordCooperationRequest,
  RecordOperationRequest,
  RecordOutcomeRequest,
  RecordStageRequest,
} from '../../../shared/api-prosecution.js';
import { legacyCall as call } from '../../api.js';

export type Investigation = z.output<typeof InvestigationView>;
export type Suspect = Investigation['suspects'][number];
const id = (value: string) => encodeURIComponent(value);
const base = (investigationId: string) => `/api/investigations/${id(investigationId)}`;

export function listLegalProvisions() {
  return call('GET', '/api/legal-provisions', LegalProvisionList);
}

export function listInvestigations(query: Partial<z.output<typeof ListInvestigationsQuery>> = {}) {
  return call('GET', '/api/investigations', InvestigationList, { query });
}

export function getInvestigation(investigationId: string): Promise<Investigation> {
  return call('GET', base(investigationId), InvestigationView);
}

export function createInvestigation(
  body: z.input<typeof CreateInvestigationRequest>,
): Promise<Investigation> {
  return call('POST', '/api/investigations', InvestigationView, { body });
}

export function addSuspect(investigationId: string, body: z.input<typeof AddSuspectRequest>) {
  return call('POST', `${base(investigationId)}/suspects`, InvestigationView, { body });
}

export function recordCharge(
  investigationId: string,
  suspectId: string,
  body: z.input<typeof RecordChargeRequest>,
) {
  return call('POST', `${base(investigationId)}/suspects/${id(suspectId)}/charges`, InvestigationView, {
    body,
  });
}

export function recordProceduralStage(
  investigationId: string,
  suspectId: string,
  body: z.input<typeof RecordStageRequest>,
) {
  return call('POST', `${base(investigationId)}/suspects/${id(suspectId)}/stages`, InvestigationView, {
    body,
  });
}

export function recordOutcome(
  investigationId: string,
  suspectId: string,
  body: z.input<typeof RecordOutcomeRequest>,
) {
  return call('POST', `${base(investigationId)}/suspects/${id(suspectId)}/outcome`, InvestigationView, {
    body,
  });
}

export function recordOperation(investigationId: string, body: z.input<typeof RecordOperationRequest>) {
  return call('POST', `${base(investigationId)}/operations`, InvestigationView, { body });
}

export function recordCooperationRequest(
  investigationId: string,
  body: z.input<typeof RecordCooperationRequest>,
) {
  return call('POST', `${base(investigationId)}/cooperation`, InvestigationView, { body });
}

export function listComplicityRegister() {
  return call('GET', '/api/complicity-register', ComplicityRegister);
}

export function linkInvestigationCase(investigationId: string, caseId: string) {
  return call('POST', `${base(investigationId)}/cases`, InvestigationView, { body: { caseId } });
}

export function instructInstitution(investigationId: string, institutionId: string) {
  return call('POST', `${base(investigationId)}/instructions`, InvestigationView, {
    body: { institutionId },
  });
}
