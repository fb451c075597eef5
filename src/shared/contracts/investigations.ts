/** Prosecution operations: investigations, defendants, operations, cooperation, complicity register. */
import { z } from 'zod';
import { defineContract } from '../contract.js';
import { IdParams } from './params.js';
import { Uuid } from '../api.js';
import {
  AddSuspectRequest,
  ComplicityRegister,
  CreateInvestigationRequest,
  ExportInvestigationsQuery,
  InvestigationExport,
  InvestigationList,
  InstructInstitutionRequest,
  InvestigationView,
  LegalProvisionList,
  LinkCaseRequest,
  ListInvestigationsQuery,
  RecordChargeRequest,
  RecordCooperationRequest,
  RecordOperationRequest,
  RecordOutcomeRequest,
  RecordStageRequest,
  VictimParticipationRequest,
} from '../api-prosecution.js';

const SuspectParams = z.strictObject({ id: Uuid, suspectId: Uuid });

const common = { tags: ['prosecution'], purpose: 'investigation' } as const;

export const listLegalProvisions = defineContract({
  ...common,
  operationId: 'listLegalProvisions',
  method: 'GET',
  path: '/api/legal-provisions',
  summary: 'The catalogue of legal provisions a charge may cite (Law 4788/2012, Penal Code…)',
  action: 'legalProvision.list',
  response: LegalProvisionList,
});

export const createInvestigation = defineContract({
  ...common,
  operationId: 'createInvestigation',
  method: 'POST',
  path: '/api/investigations',
  summary: 'Open an investigation in the caller’s institution, from a complaint and the cases it comes from',
  action: 'investigation.create',
  body: CreateInvestigationRequest,
  response: InvestigationView,
  status: 201,
});

export const listInvestigations = defineContract({
  ...common,
  operationId: 'listInvestigations',
  method: 'GET',
  path: '/api/investigations',
  summary: 'The prosecutor’s work list: visible investigations, newest first, by file number, stage, period',
  action: 'investigation.list',
  query: ListInvestigationsQuery,
  response: InvestigationList,
});

export const exportInvestigations = defineContract({
  ...common,
  operationId: 'exportInvestigations',
  method: 'GET',
  path: '/api/investigations/export',
  summary: 'Investigations and defendants opened in a period, as figures without names (for statistics)',
  action: 'investigation.export',
  query: ExportInvestigationsQuery,
  response: InvestigationExport,
});

export const listComplicityRegister = defineContract({
  ...common,
  operationId: 'listComplicityRegister',
  method: 'GET',
  path: '/api/complicity-register',
  summary: 'Suspects who are public officials, in the investigations the caller may see',
  action: 'investigation.complicityRegister',
  response: ComplicityRegister,
});

export const getInvestigation = defineContract({
  ...common,
  operationId: 'getInvestigation',
  method: 'GET',
  path: '/api/investigations/{id}',
  summary: 'One investigation with its defendants, stages, charges, outcomes, operations and cooperation',
  action: 'investigation.read',
  params: IdParams,
  response: InvestigationView,
});

export const linkInvestigationCase = defineContract({
  ...common,
  operationId: 'linkInvestigationCase',
  method: 'POST',
  path: '/api/investigations/{id}/cases',
  summary: 'Link a case the caller may read to the investigation',
  action: 'investigation.update',
  params: IdParams,
  body: LinkCaseRequest,
  response: InvestigationView,
});

export const instructInstitution = defineContract({
  ...common,
  operationId: 'instructInstitution',
  method: 'POST',
  path: '/api/investigations/{id}/instructions',
  summary:
    'Instruct another institution (police) to work on the investigation: it may read it and record operations',
  action: 'investigation.update',
  params: IdParams,
  body: InstructInstitutionRequest,
  response: InvestigationView,
});

export const addSuspect = defineContract({
  ...common,
  operationId: 'addSuspect',
  method: 'POST',
  path: '/api/investigations/{id}/suspects',
  summary: 'Add a suspect (identity encrypted), with roles and, for a public official, the institution',
  action: 'investigation.update',
  params: IdParams,
  body: AddSuspectRequest,
  response: InvestigationView,
  status: 201,
});

export const recordCharge = defineContract({
  ...common,
  operationId: 'recordCharge',
  method: 'POST',
  path: '/api/investigations/{id}/suspects/{suspectId}/charges',
  summary: 'Charge a defendant under a provision of the catalogue',
  action: 'investigation.prosecute',
  params: SuspectParams,
  body: RecordChargeRequest,
  response: InvestigationView,
  status: 201,
});

export const recordProceduralStage = defineContract({
  ...common,
  operationId: 'recordProceduralStage',
  method: 'POST',
  path: '/api/investigations/{id}/suspects/{suspectId}/stages',
  summary: 'Move a defendant to the next procedural stage (never backwards; a sentence needs a charge)',
  action: 'investigation.prosecute',
  params: SuspectParams,
  body: RecordStageRequest,
  response: InvestigationView,
  status: 201,
});

export const recordOutcome = defineContract({
  ...common,
  operationId: 'recordOutcome',
  method: 'POST',
  path: '/api/investigations/{id}/suspects/{suspectId}/outcome',
  summary:
    'Record the outcome of the sentence (or dismissal): sentence in months, suspended, fines, restitution',
  action: 'investigation.prosecute',
  params: SuspectParams,
  body: RecordOutcomeRequest,
  response: InvestigationView,
  status: 201,
});

export const recordOperation = defineContract({
  ...common,
  operationId: 'recordOperation',
  method: 'POST',
  path: '/api/investigations/{id}/operations',
  summary: 'Record an operation or raid: date, place, persons arrested, victims rescued',
  action: 'investigation.recordOperation',
  params: IdParams,
  body: RecordOperationRequest,
  response: InvestigationView,
  status: 201,
});

export const recordCooperationRequest = defineContract({
  ...common,
  operationId: 'recordCooperationRequest',
  method: 'POST',
  path: '/api/investigations/{id}/cooperation',
  summary: 'Record an extradition, mutual legal assistance or joint investigation request',
  action: 'investigation.update',
  params: IdParams,
  body: RecordCooperationRequest,
  response: InvestigationView,
  status: 201,
});

export const recordVictimParticipation = defineContract({
  ...common,
  operationId: 'recordVictimParticipation',
  method: 'PUT',
  path: '/api/investigations/{id}/victims',
  summary: 'A victim’s participation: witness or not, protective measures, penalised for compelled acts',
  action: 'investigation.update',
  params: IdParams,
  body: VictimParticipationRequest,
  response: InvestigationView,
});
