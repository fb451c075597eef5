/** Prosecution operations: investigations, defendants, operations, cooperation, complicity register. */
import { z } from 'zod';
import { defineOperations } from '../contract.js';
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

const investigations = defineOperations({ tags: ['prosecution'], purpose: 'investigation' });

export const listLegalProvisions = investigations.get('listLegalProvisions', '/api/legal-provisions', {
  summary: 'The catalogue of legal provisions a charge may cite (Law 4788/2012, Penal Code…)',
  action: 'legalProvision.list',
  response: LegalProvisionList,
});

export const createInvestigation = investigations.create('createInvestigation', '/api/investigations', {
  summary: 'Open an investigation in the caller’s institution, from a complaint and the cases it comes from',
  action: 'investigation.create',
  body: CreateInvestigationRequest,
  response: InvestigationView,
});

export const listInvestigations = investigations.get('listInvestigations', '/api/investigations', {
  summary: 'The prosecutor’s work list: visible investigations, newest first, by file number, stage, period',
  action: 'investigation.list',
  query: ListInvestigationsQuery,
  response: InvestigationList,
});

export const exportInvestigations = investigations.get('exportInvestigations', '/api/investigations/export', {
  summary: 'Investigations and defendants opened in a period, as figures without names (for statistics)',
  action: 'investigation.export',
  query: ExportInvestigationsQuery,
  response: InvestigationExport,
});

export const listComplicityRegister = investigations.get(
  'listComplicityRegister',
  '/api/complicity-register',
  {
    summary: 'Suspects who are public officials, in the investigations the caller may see',
    action: 'investigation.complicityRegister',
    response: ComplicityRegister,
  },
);

export const getInvestigation = investigations.get('getInvestigation', '/api/investigations/{id}', {
  summary: 'One investigation with its defendants, stages, charges, outcomes, operations and cooperation',
  action: 'investigation.read',
  params: IdParams,
  response: InvestigationView,
});

export const linkInvestigationCase = investigations.post(
  'linkInvestigationCase',
  '/api/investigations/{id}/cases',
  {
    summary: 'Link a case the caller may read to the investigation',
    action: 'investigation.update',
    params: IdParams,
    body: LinkCaseRequest,
    response: InvestigationView,
  },
);

export const instructInstitution = investigations.post(
  'instructInstitution',
  '/api/investigations/{id}/instructions',
  {
    summary:
      'Instruct another institution (police) to work on the investigation: it may read it and record operations',
    action: 'investigation.update',
    params: IdParams,
    body: InstructInstitutionRequest,
    response: InvestigationView,
  },
);

export const addSuspect = investigations.create('addSuspect', '/api/investigations/{id}/suspects', {
  summary: 'Add a suspect (identity encrypted), with roles and, for a public official, the institution',
  action: 'investigation.update',
  params: IdParams,
  body: AddSuspectRequest,
  response: InvestigationView,
});

export const recordCharge = investigations.create(
  'recordCharge',
  '/api/investigations/{id}/suspects/{suspectId}/charges',
  {
    summary: 'Charge a defendant under a provision of the catalogue',
    action: 'investigation.prosecute',
    params: SuspectParams,
    body: RecordChargeRequest,
    response: InvestigationView,
  },
);

export const recordProceduralStage = investigations.create(
  'recordProceduralStage',
  '/api/investigations/{id}/suspects/{suspectId}/stages',
  {
    summary: 'Move a defendant to the next procedural stage (never backwards; a sentence needs a charge)',
    action: 'investigation.prosecute',
    params: SuspectParams,
    body: RecordStageRequest,
    response: InvestigationView,
  },
);

export const recordOutcome = investigations.create(
  'recordOutcome',
  '/api/investigations/{id}/suspects/{suspectId}/outcome',
  {
    summary:
      'Record the outcome of the sentence (or dismissal): sentence in months, suspended, fines, restitution',
    action: 'investigation.prosecute',
    params: SuspectParams,
    body: RecordOutcomeRequest,
    response: InvestigationView,
  },
);

export const recordOperation = investigations.create(
  'recordOperation',
  '/api/investigations/{id}/operations',
  {
    summary: 'Record an operation or raid: date, place, persons arrested, victims rescued',
    action: 'investigation.recordOperation',
    params: IdParams,
    body: RecordOperationRequest,
    response: InvestigationView,
  },
);

export const recordCooperationRequest = investigations.create(
  'recordCooperationRequest',
  '/api/investigations/{id}/cooperation',
  {
    summary: 'Record an extradition, mutual legal assistance or joint investigation request',
    action: 'investigation.update',
    params: IdParams,
    body: RecordCooperationRequest,
    response: InvestigationView,
  },
);

export const recordVictimParticipation = investigations.put(
  'recordVictimParticipation',
  '/api/investigations/{id}/victims',
  {
    summary: 'A victim’s participation: witness or not, protective measures, penalised for compelled acts',
    action: 'investigation.update',
    params: IdParams,
    body: VictimParticipationRequest,
    response: InvestigationView,
  },
);
