/**
 * Prevention operations: training events and their participants, campaigns, hotline contacts (and
 * opening a case from one), and the national action plan with progress reports. Every view is
 * audited, so GETs run in a write transaction.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import {
  ActionPlanActionView,
  ActionPlanView,
  CampaignList,
  CampaignView,
  CreateActionRequest,
  CreateCampaignRequest,
  CreateObjectiveRequest,
  CreateTrainingRequest,
  HotlineContactList,
  HotlineContactView,
  ListCampaignsQuery,
  ListHotlineQuery,
  ListTrainingsQuery,
  OpenCaseFromContactRequest,
  ObjectiveView,
  OpenedCase,
  ProgressRequest,
  RecordHotlineContactRequest,
  RecordParticipantsRequest,
  TrainingList,
  TrainingView,
  UpdateActionRequest,
} from '../../../shared/api-prevention.js';
import { defineRoute } from '../../http/route.js';
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

const IdParams = z.strictObject({ id: Uuid });
const common = { tags: ['prevention'], auth: 'session' as const, purpose: 'statistics' };
const viewed = { transaction: 'write' as const };

export function preventionRoutes(app: FastifyInstance, services: AppServices): void {
  const { crypto } = services;

  defineRoute(app, services, {
    ...common,
    ...viewed,
    operationId: 'listTrainingEvents',
    method: 'GET',
    url: '/api/prevention/trainings',
    summary: 'Training events by date, with participants by sex summed over the whole filter',
    action: 'training.list',
    query: ListTrainingsQuery,
    response: TrainingList,
    handler: async ({ trx, actor, requestId, purpose, query }) =>
      listTrainings({ trx, actor, requestId, purpose }, query),
  });
  defineRoute(app, services, {
    ...common,
    operationId: 'createTrainingEvent',
    method: 'POST',
    url: '/api/prevention/trainings',
    summary: 'Record a training event organised by the caller’s institution',
    action: 'training.record',
    body: CreateTrainingRequest,
    response: TrainingView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      createTraining({ trx, actor, requestId, purpose }, body),
  });
  defineRoute(app, services, {
    ...common,
    ...viewed,
    operationId: 'getTrainingEvent',
    method: 'GET',
    url: '/api/prevention/trainings/{id}',
    summary: 'A training event with its participants by institution and sex',
    action: 'training.read',
    params: IdParams,
    response: TrainingView,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      getTraining({ trx, actor, requestId, purpose }, params.id),
  });
  defineRoute(app, services, {
    ...common,
    operationId: 'recordTrainingParticipants',
    method: 'PUT',
    url: '/api/prevention/trainings/{id}/participants',
    summary: 'Replace the participant counts of a training (institution × sex), entered in bulk',
    action: 'training.record',
    params: IdParams,
    body: RecordParticipantsRequest,
    response: TrainingView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      recordParticipants({ trx, actor, requestId, purpose }, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    ...viewed,
    operationId: 'listCampaigns',
    method: 'GET',
    url: '/api/prevention/campaigns',
    summary: 'Awareness campaigns running in the period, with their summed reach',
    action: 'campaign.list',
    query: ListCampaignsQuery,
    response: CampaignList,
    handler: async ({ trx, actor, requestId, purpose, query }) =>
      listCampaigns({ trx, actor, requestId, purpose }, query),
  });
  defineRoute(app, services, {
    ...common,
    operationId: 'createCampaign',
    method: 'POST',
    url: '/api/prevention/campaigns',
    summary: 'Record an awareness campaign run by the caller’s institution',
    action: 'campaign.record',
    body: CreateCampaignRequest,
    response: CampaignView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      createCampaign({ trx, actor, requestId, purpose }, body),
  });

  const hotline = { ...common, purpose: 'case_management' };
  defineRoute(app, services, {
    ...hotline,
    ...viewed,
    operationId: 'listHotlineContacts',
    method: 'GET',
    url: '/api/prevention/hotline-contacts',
    summary: 'Contacts received by the caller’s institution’s line (without what was reported)',
    action: 'hotline.list',
    query: ListHotlineQuery,
    response: HotlineContactList,
    handler: async ({ trx, actor, requestId, purpose, query }) =>
      listContacts({ trx, actor, requestId, purpose }, query),
  });
  defineRoute(app, services, {
    ...hotline,
    operationId: 'recordHotlineContact',
    method: 'POST',
    url: '/api/prevention/hotline-contacts',
    summary: 'Record a contact received by the caller’s institution’s line',
    action: 'hotline.record',
    body: RecordHotlineContactRequest,
    response: HotlineContactView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      recordContact({ trx, actor, requestId, purpose }, crypto, body),
  });
  defineRoute(app, services, {
    ...hotline,
    ...viewed,
    operationId: 'getHotlineContact',
    method: 'GET',
    url: '/api/prevention/hotline-contacts/{id}',
    summary: 'One contact with what was reported (an audited read)',
    action: 'hotline.read',
    params: IdParams,
    response: HotlineContactView,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      getContact({ trx, actor, requestId, purpose }, crypto, params.id),
  });
  defineRoute(app, services, {
    ...hotline,
    operationId: 'openCaseFromHotlineContact',
    method: 'POST',
    url: '/api/prevention/hotline-contacts/{id}/case',
    summary: 'Open a case (detection method Hotline) from a contact and link it',
    action: 'hotline.openCase',
    params: IdParams,
    body: OpenCaseFromContactRequest,
    response: OpenedCase,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      openCaseFromContact({ trx, actor, requestId, purpose }, crypto, params.id, body),
  });

  defineRoute(app, services, {
    ...common,
    ...viewed,
    operationId: 'listActionPlan',
    method: 'GET',
    url: '/api/action-plan',
    summary: 'The national action plan: objectives, actions and the latest progress of each',
    action: 'actionPlan.read',
    response: ActionPlanView,
    handler: async ({ trx, actor, requestId, purpose }) => listActionPlan({ trx, actor, requestId, purpose }),
  });
  defineRoute(app, services, {
    ...common,
    ...viewed,
    operationId: 'getActionPlanAction',
    method: 'GET',
    url: '/api/action-plan/actions/{id}',
    summary: 'One action of the plan with its progress history',
    action: 'actionPlan.read',
    params: IdParams,
    response: ActionPlanActionView,
    handler: async ({ trx, actor, requestId, purpose, params }) =>
      getAction({ trx, actor, requestId, purpose }, params.id),
  });
  defineRoute(app, services, {
    ...common,
    operationId: 'createActionPlanObjective',
    method: 'POST',
    url: '/api/action-plan/objectives',
    summary: 'Add an objective to the plan (the Mesa’s administrators)',
    action: 'actionPlan.edit',
    purpose: 'administration',
    body: CreateObjectiveRequest,
    response: ObjectiveView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      createObjective({ trx, actor, requestId, purpose }, body),
  });
  defineRoute(app, services, {
    ...common,
    operationId: 'createActionPlanAction',
    method: 'POST',
    url: '/api/action-plan/actions',
    summary: 'Add an action to an objective of the plan (the Mesa’s administrators)',
    action: 'actionPlan.edit',
    purpose: 'administration',
    body: CreateActionRequest,
    response: ActionPlanActionView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, body }) =>
      createAction({ trx, actor, requestId, purpose }, body),
  });
  defineRoute(app, services, {
    ...common,
    operationId: 'updateActionPlanAction',
    method: 'PATCH',
    url: '/api/action-plan/actions/{id}',
    summary: 'Change an action’s title, responsible institution, indicator, unit, target or due date',
    action: 'actionPlan.edit',
    purpose: 'administration',
    params: IdParams,
    body: UpdateActionRequest,
    response: ActionPlanActionView,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      updateAction({ trx, actor, requestId, purpose }, params.id, body),
  });
  defineRoute(app, services, {
    ...common,
    operationId: 'updateActionPlanProgress',
    method: 'POST',
    url: '/api/action-plan/actions/{id}/progress',
    summary: 'Report progress on an action for a period (appended to its history)',
    action: 'actionPlan.reportProgress',
    params: IdParams,
    body: ProgressRequest,
    response: ActionPlanActionView,
    status: 201,
    handler: async ({ trx, actor, requestId, purpose, params, body }) =>
      reportProgress({ trx, actor, requestId, purpose }, params.id, body),
  });
}
