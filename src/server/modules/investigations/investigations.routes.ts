/** Prosecution operations: investigations, defendants, operations, cooperation, complicity register. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
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
} from '../../../shared/api-prosecution.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { addSuspect, recordCharge, recordOutcome, recordProceduralStage } from './defendants.service.js';
import {
  createInvestigation,
  getInvestigation,
  instructInstitution,
  linkInvestigationCase,
  listInvestigations,
  recordCooperationRequest,
  recordOperation,
  recordVictimParticipation,
} from './investigations.service.js';
import { listLegalProvisions } from './legal-provisions.js';
import { complicityRegister, exportInvestigations } from './reports.service.js';

const IdParams = z.strictObject({ id: Uuid });
const SuspectParams = z.strictObject({ id: Uuid, suspectId: Uuid });
// Reads are audited, so they run in a write transaction.
const common = { tags: ['prosecution'], auth: 'session' as const, purpose: 'investigation' };
const audited = { transaction: 'write' as const };

export function investigationRoutes(app: FastifyInstance, services: AppServices): void {
  const { crypto } = services;

  defineRoute(app, services, {
    ...common,
    operationId: 'listLegalProvisions',
    method: 'GET',
    url: '/api/legal-provisions',
    summary: 'The catalogue of legal provisions a charge may cite (Law 4788/2012, Penal Code…)',
    action: 'legalProvision.list',
    response: LegalProvisionList,
    handler: async ({ trx }) => listLegalProvisions(trx),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'createInvestigation',
    method: 'POST',
    url: '/api/investigations',
    summary:
      'Open an investigation in the caller’s institution, from a complaint and the cases it comes from',
    action: 'investigation.create',
    body: CreateInvestigationRequest,
    response: InvestigationView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      createInvestigation({ trx, actor, requestId, purpose }, crypto, body),
  });

  defineRoute(app, services, {
    ...common,
    ...audited,
    operationId: 'listInvestigations',
    method: 'GET',
    url: '/api/investigations',
    summary:
      'The prosecutor’s work list: visible investigations, newest first, by file number, stage, period',
    action: 'investigation.list',
    query: ListInvestigationsQuery,
    response: InvestigationList,
    handler: async ({ trx, actor, requestId, purpose, query }) =>
      listInvestigations({ trx, actor, requestId, purpose }, query),
  });

  defineRoute(app, services, {
    ...common,
    ...audited,
    operationId: 'exportInvestigations',
    method: 'GET',
    url: '/api/investigations/export',
    summary: 'Investigations and defendants opened in a period, as figures without names (for statistics)',
    action: 'investigation.export',
    query: ExportInvestigationsQuery,
    response: InvestigationExport,
    handler: async ({ trx, actor, requestId, purpose, query }) =>
      exportInvestigations({ trx, actor, requestId, purpose }, query),
  });

  defineRoute(app, services, {
    ...common,
    ...audited,
    operationId: 'listComplicityRegister',
    method: 'GET',
    url: '/api/complicity-register',
    summary: 'Suspects who are public officials, in the investigations the caller may see',
    action: 'investigation.complicityRegister',
    response: ComplicityRegister,
    handler: async ({ trx, actor, requestId, purpose }) =>
      complicityRegister({ trx, actor, requestId, purpose }),
  });

  defineRoute(app, services, {
    ...common,
    ...audited,
    operationId: 'getInvestigation',
    method: 'GET',
    url: '/api/investigations/{id}',
    summary: 'One investigation with its defendants, stages, charges, outcomes, operations and cooperation',
    action: 'investigation.read',
    params: IdParams,
    response: InvestigationView,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      getInvestigation({ trx, actor, requestId, purpose }, crypto, params.id),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'linkInvestigationCase',
    method: 'POST',
    url: '/api/investigations/{id}/cases',
    summary: 'Link a case the caller may read to the investigation',
    action: 'investigation.update',
    params: IdParams,
    body: LinkCaseRequest,
    response: InvestigationView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      linkInvestigationCase({ trx, actor, requestId, purpose }, crypto, params.id, body.caseId),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'instructInstitution',
    method: 'POST',
    url: '/api/investigations/{id}/instructions',
    summary:
      'Instruct another institution (police) to work on the investigation: it may read it and record operations',
    action: 'investigation.update',
    params: IdParams,
    body: InstructInstitutionRequest,
    response: InvestigationView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      instructInstitution({ trx, actor, requestId, purpose }, crypto, params.id, body.institutionId),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'addSuspect',
    method: 'POST',
    url: '/api/investigations/{id}/suspects',
    summary: 'Add a suspect (identity encrypted), with roles and, for a public official, the institution',
    action: 'investigation.update',
    params: IdParams,
    body: AddSuspectRequest,
    response: InvestigationView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      addSuspect({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordCharge',
    method: 'POST',
    url: '/api/investigations/{id}/suspects/{suspectId}/charges',
    summary: 'Charge a defendant under a provision of the catalogue',
    action: 'investigation.prosecute',
    params: SuspectParams,
    body: RecordChargeRequest,
    response: InvestigationView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordCharge({ trx, actor, requestId, purpose }, crypto, params.id, params.suspectId, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordProceduralStage',
    method: 'POST',
    url: '/api/investigations/{id}/suspects/{suspectId}/stages',
    summary: 'Move a defendant to the next procedural stage (never backwards; a sentence needs a charge)',
    action: 'investigation.prosecute',
    params: SuspectParams,
    body: RecordStageRequest,
    response: InvestigationView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordProceduralStage({ trx, actor, requestId, purpose }, crypto, params.id, params.suspectId, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordOutcome',
    method: 'POST',
    url: '/api/investigations/{id}/suspects/{suspectId}/outcome',
    summary:
      'Record the outcome of the sentence (or dismissal): sentence in months, suspended, fines, restitution',
    action: 'investigation.prosecute',
    params: SuspectParams,
    body: RecordOutcomeRequest,
    response: InvestigationView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordOutcome({ trx, actor, requestId, purpose }, crypto, params.id, params.suspectId, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordOperation',
    method: 'POST',
    url: '/api/investigations/{id}/operations',
    summary: 'Record an operation or raid: date, place, persons arrested, victims rescued',
    action: 'investigation.recordOperation',
    params: IdParams,
    body: RecordOperationRequest,
    response: InvestigationView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordOperation({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordCooperationRequest',
    method: 'POST',
    url: '/api/investigations/{id}/cooperation',
    summary: 'Record an extradition, mutual legal assistance or joint investigation request',
    action: 'investigation.update',
    params: IdParams,
    body: RecordCooperationRequest,
    response: InvestigationView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordCooperationRequest({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'recordVictimParticipation',
    method: 'PUT',
    url: '/api/investigations/{id}/victims',
    summary: 'A victim’s participation: witness or not, protective measures, penalised for compelled acts',
    action: 'investigation.update',
    params: IdParams,
    body: VictimParticipationRequest,
    response: InvestigationView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordVictimParticipation({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });
}
