/** Prosecution operations: investigations, defendants, operations, cooperation, complicity register. */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
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

export function investigationRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.listLegalProvisions, async ({ trx }) => listLegalProvisions(trx));

  route(contracts.createInvestigation, async (ctx, { body }) => createInvestigation(ctx, ctx.crypto, body));

  route(contracts.listInvestigations, async (ctx, { query }) => listInvestigations(ctx, query), audited);

  route(contracts.exportInvestigations, async (ctx, { query }) => exportInvestigations(ctx, query), audited);

  route(contracts.listComplicityRegister, async (ctx) => complicityRegister(ctx), audited);

  route(
    contracts.getInvestigation,
    async (ctx, { params }) => getInvestigation(ctx, ctx.crypto, params.id),
    audited,
  );

  route(contracts.linkInvestigationCase, async (ctx, { params, body }) =>
    linkInvestigationCase(ctx, ctx.crypto, params.id, body.caseId),
  );

  route(contracts.instructInstitution, async (ctx, { params, body }) =>
    instructInstitution(ctx, ctx.crypto, params.id, body.institutionId),
  );

  route(contracts.addSuspect, async (ctx, { params, body }) => addSuspect(ctx, ctx.crypto, params.id, body));

  route(contracts.recordCharge, async (ctx, { params, body }) =>
    recordCharge(ctx, ctx.crypto, params.id, params.suspectId, body),
  );

  route(contracts.recordProceduralStage, async (ctx, { params, body }) =>
    recordProceduralStage(ctx, ctx.crypto, params.id, params.suspectId, body),
  );

  route(contracts.recordOutcome, async (ctx, { params, body }) =>
    recordOutcome(ctx, ctx.crypto, params.id, params.suspectId, body),
  );

  route(contracts.recordOperation, async (ctx, { params, body }) =>
    recordOperation(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.recordCooperationRequest, async (ctx, { params, body }) =>
    recordCooperationRequest(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.recordVictimParticipation, async (ctx, { params, body }) =>
    recordVictimParticipation(ctx, ctx.crypto, params.id, body),
  );
}
