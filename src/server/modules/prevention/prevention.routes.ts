/**
 * Prevention operations: training events and their participants, campaigns, hotline contacts (and
 * opening a case from one), and the national action plan with progress reports. Every view is
 * audited, so GETs run in a write transaction.
 */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import {
  createAction,
  createObjective,
  getAction,
  listActionPlan,
  reportProgress,
  updateAction,
} from './action-plan.js';
import { createCampaign, listCampaigns } from './campaigns.js';
import { getContact, listContacts, openCaseFromContact, recordContact } from './hotline.js';
import { createTraining, getTraining, listTrainings, recordParticipants } from './trainings.js';

export function preventionRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.listTrainingEvents, async (ctx, { query }) => listTrainings(ctx, query), audited);
  route(contracts.createTrainingEvent, async (ctx, { body }) => createTraining(ctx, body));
  route(contracts.getTrainingEvent, async (ctx, { params }) => getTraining(ctx, params.id), audited);
  route(contracts.recordTrainingParticipants, async (ctx, { params, body }) =>
    recordParticipants(ctx, params.id, body),
  );

  route(contracts.listCampaigns, async (ctx, { query }) => listCampaigns(ctx, query), audited);
  route(contracts.createCampaign, async (ctx, { body }) => createCampaign(ctx, body));

  route(contracts.listHotlineContacts, async (ctx, { query }) => listContacts(ctx, query), audited);
  route(contracts.recordHotlineContact, async (ctx, { body }) => recordContact(ctx, ctx.crypto, body));
  route(
    contracts.getHotlineContact,
    async (ctx, { params }) => getContact(ctx, ctx.crypto, params.id),
    audited,
  );
  route(contracts.openCaseFromHotlineContact, async (ctx, { params, body }) =>
    openCaseFromContact(ctx, ctx.crypto, params.id, body),
  );

  route(contracts.listActionPlan, async (ctx) => listActionPlan(ctx), audited);
  route(contracts.getActionPlanAction, async (ctx, { params }) => getAction(ctx, params.id), audited);
  route(contracts.createActionPlanObjective, async (ctx, { body }) => createObjective(ctx, body));
  route(contracts.createActionPlanAction, async (ctx, { body }) => createAction(ctx, body));
  route(contracts.updateActionPlanAction, async (ctx, { params, body }) =>
    updateAction(ctx, params.id, body),
  );
  route(contracts.updateActionPlanProgress, async (ctx, { params, body }) =>
    reportProgress(ctx, params.id, body),
  );
}
