/** Prosecution operations: investigations, defendants, operations, cooperation, complicity register. */
import { defineOperations } from '../contract.js';
import * as api from '../api-prosecution.js';

const investigations = defineOperations({ tags: ['prosecution'], purpose: 'investigation' });

export const listLegalProvisions = investigations.get('listLegalProvisions', '/api/legal-provisions', {
  summary: 'The catalogue of legal provisions a charge may cite (Law 4788/2012, Penal Code…)',
  action: 'legalProvision.list',
  response: api.LegalProvisionList,
});

export const createInvestigation = investigations.create('createInvestigation', '/api/investigations', {
  summary: 'Open an investigation in the caller’s institution, from a complaint and the cases it comes from',
  action: 'investigation.create',
  body: api.CreateInvestigationRequest,
  response: api.InvestigationView,
});

export const listInvestigations = investigations.get('listInvestigations', '/api/investigations', {
  summary: 'The prosecutor’s work list: visible investigations, newest first, by file number, stage, period',
  action: 'investigation.list',
  query: api.ListInvestigationsQuery,
  response: api.InvestigationList,
});

export const exportInvestigations = investigations.get('exportInvestigations', '/api/investigations/export', {
  summary: 'Investigations and defendants opened in a period, as figures without names (for statistics)',
  action: 'investigation.export',
  query: api.ExportInvestigationsQuery,
  response: api.InvestigationExport,
});

export const listComplicityRegister = investigations.get(
  'listComplicityRegister',
  '/api/complicity-register',
  {
    summary: 'Suspects who are public officials, in the investigations the caller may see',
    action: 'investigation.complicityRegister',
    response: api.ComplicityRegister,
  },
);

export const getInvestigation = investigations.get('getInvestigation', '/api/investigations/{id}', {
  summary: 'One investigation with its defendants, stages, charges, outcomes, operations and cooperation',
  action: 'investigation.read',
  response: api.InvestigationView,
});

export const linkInvestigationCase = investigations.post(
  'linkInvestigationCase',
  '/api/investigations/{id}/cases',
  {
    summary: 'Link a case the caller may read to the investigation',
    action: 'investigation.update',
    body: api.LinkCaseRequest,
    response: api.InvestigationView,
  },
);

export const instructInstitution = investigations.post(
  'instructInstitution',
  '/api/investigations/{id}/instructions',
  {
    summary:
      'Instruct another institution (police) to work on the investigation: it may read it and record operations',
    action: 'investigation.update',
    body: api.InstructInstitutionRequest,
    response: api.InvestigationView,
  },
);

export const addSuspect = investigations.create('addSuspect', '/api/investigations/{id}/suspects', {
  summary: 'Add a suspect (identity encrypted), with roles and, for a public official, the institution',
  action: 'investigation.update',
  body: api.AddSuspectRequest,
  response: api.InvestigationView,
});

export const recordCharge = investigations.create(
  'recordCharge',
  '/api/investigations/{id}/suspects/{suspectId}/charges',
  {
    summary: 'Charge a defendant under a provision of the catalogue',
    action: 'investigation.prosecute',
    body: api.RecordChargeRequest,
    response: api.InvestigationView,
  },
);

export const recordProceduralStage = investigations.create(
  'recordProceduralStage',
  '/api/investigations/{id}/suspects/{suspectId}/stages',
  {
    summary: 'Move a defendant to the next procedural stage (never backwards; a sentence needs a charge)',
    action: 'investigation.prosecute',
    body: api.RecordStageRequest,
    response: api.InvestigationView,
  },
);

export const recordOutcome = investigations.create(
  'recordOutcome',
  '/api/investigations/{id}/suspects/{suspectId}/outcome',
  {
    summary:
      'Record the outcome of the sentence (or dismissal): sentence in months, suspended, fines, restitution',
    action: 'investigation.prosecute',
    body: api.RecordOutcomeRequest,
    response: api.InvestigationView,
  },
);

export const recordOperation = investigations.create(
  'recordOperation',
  '/api/investigations/{id}/operations',
  {
    summary: 'Record an operation or raid: date, place, persons arrested, victims rescued',
    action: 'investigation.recordOperation',
    body: api.RecordOperationRequest,
    response: api.InvestigationView,
  },
);

export const recordCooperationRequest = investigations.create(
  'recordCooperationRequest',
  '/api/investigations/{id}/cooperation',
  {
    summary: 'Record an extradition, mutual legal assistance or joint investigation request',
    action: 'investigation.update',
    body: api.RecordCooperationRequest,
    response: api.InvestigationView,
  },
);

export const recordVictimParticipation = investigations.put(
  'recordVictimParticipation',
  '/api/investigations/{id}/victims',
  {
    summary: 'A victim’s participation: witness or not, protective measures, penalised for compelled acts',
    action: 'investigation.update',
    body: api.VictimParticipationRequest,
    response: api.InvestigationView,
  },
);
