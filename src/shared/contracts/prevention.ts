/**
 * Prevention operations: training events and their participants, campaigns, hotline contacts (and
 * opening a case from one), and the national action plan with progress reports. Every view is
 * audited, so GETs run in a write transaction.
 */
import { defineContract } from '../contract.js';
import { IdParams } from './params.js';
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
} from '../api-prevention.js';

const common = { tags: ['prevention'], purpose: 'statistics' } as const;

const hotline = { ...common, purpose: 'case_management' } as const;

export const listTrainingEvents = defineContract({
  ...common,
  operationId: 'listTrainingEvents',
  method: 'GET',
  path: '/api/prevention/trainings',
  summary: 'Training events by date, with participants by sex summed over the whole filter',
  action: 'training.list',
  query: ListTrainingsQuery,
  response: TrainingList,
});

export const createTrainingEvent = defineContract({
  ...common,
  operationId: 'createTrainingEvent',
  method: 'POST',
  path: '/api/prevention/trainings',
  summary: 'Record a training event organised by the caller’s institution',
  action: 'training.record',
  body: CreateTrainingRequest,
  response: TrainingView,
  status: 201,
});

export const getTrainingEvent = defineContract({
  ...common,
  operationId: 'getTrainingEvent',
  method: 'GET',
  path: '/api/prevention/trainings/{id}',
  summary: 'A training event with its participants by institution and sex',
  action: 'training.read',
  params: IdParams,
  response: TrainingView,
});

export const recordTrainingParticipants = defineContract({
  ...common,
  operationId: 'recordTrainingParticipants',
  method: 'PUT',
  path: '/api/prevention/trainings/{id}/participants',
  summary: 'Replace the participant counts of a training (institution × sex), entered in bulk',
  action: 'training.record',
  params: IdParams,
  body: RecordParticipantsRequest,
  response: TrainingView,
});

export const listCampaigns = defineContract({
  ...common,
  operationId: 'listCampaigns',
  method: 'GET',
  path: '/api/prevention/campaigns',
  summary: 'Awareness campaigns running in the period, with their summed reach',
  action: 'campaign.list',
  query: ListCampaignsQuery,
  response: CampaignList,
});

export const createCampaign = defineContract({
  ...common,
  operationId: 'createCampaign',
  method: 'POST',
  path: '/api/prevention/campaigns',
  summary: 'Record an awareness campaign run by the caller’s institution',
  action: 'campaign.record',
  body: CreateCampaignRequest,
  response: CampaignView,
  status: 201,
});

export const listHotlineContacts = defineContract({
  ...hotline,
  operationId: 'listHotlineContacts',
  method: 'GET',
  path: '/api/prevention/hotline-contacts',
  summary: 'Contacts received by the caller’s institution’s line (without what was reported)',
  action: 'hotline.list',
  query: ListHotlineQuery,
  response: HotlineContactList,
});

export const recordHotlineContact = defineContract({
  ...hotline,
  operationId: 'recordHotlineContact',
  method: 'POST',
  path: '/api/prevention/hotline-contacts',
  summary: 'Record a contact received by the caller’s institution’s line',
  action: 'hotline.record',
  body: RecordHotlineContactRequest,
  response: HotlineContactView,
  status: 201,
});

export const getHotlineContact = defineContract({
  ...hotline,
  operationId: 'getHotlineContact',
  method: 'GET',
  path: '/api/prevention/hotline-contacts/{id}',
  summary: 'One contact with what was reported (an audited read)',
  action: 'hotline.read',
  params: IdParams,
  response: HotlineContactView,
});

export const openCaseFromHotlineContact = defineContract({
  ...hotline,
  operationId: 'openCaseFromHotlineContact',
  method: 'POST',
  path: '/api/prevention/hotline-contacts/{id}/case',
  summary: 'Open a case (detection method Hotline) from a contact and link it',
  action: 'hotline.openCase',
  params: IdParams,
  body: OpenCaseFromContactRequest,
  response: OpenedCase,
  status: 201,
});

export const listActionPlan = defineContract({
  ...common,
  operationId: 'listActionPlan',
  method: 'GET',
  path: '/api/action-plan',
  summary: 'The national action plan: objectives, actions and the latest progress of each',
  action: 'actionPlan.read',
  response: ActionPlanView,
});

export const getActionPlanAction = defineContract({
  ...common,
  operationId: 'getActionPlanAction',
  method: 'GET',
  path: '/api/action-plan/actions/{id}',
  summary: 'One action of the plan with its progress history',
  action: 'actionPlan.read',
  params: IdParams,
  response: ActionPlanActionView,
});

export const createActionPlanObjective = defineContract({
  ...common,
  operationId: 'createActionPlanObjective',
  method: 'POST',
  path: '/api/action-plan/objectives',
  summary: 'Add an objective to the plan (the Mesa’s administrators)',
  action: 'actionPlan.edit',
  purpose: 'administration',
  body: CreateObjectiveRequest,
  response: ObjectiveView,
  status: 201,
});

export const createActionPlanAction = defineContract({
  ...common,
  operationId: 'createActionPlanAction',
  method: 'POST',
  path: '/api/action-plan/actions',
  summary: 'Add an action to an objective of the plan (the Mesa’s administrators)',
  action: 'actionPlan.edit',
  purpose: 'administration',
  body: CreateActionRequest,
  response: ActionPlanActionView,
  status: 201,
});

export const updateActionPlanAction = defineContract({
  ...common,
  operationId: 'updateActionPlanAction',
  method: 'PATCH',
  path: '/api/action-plan/actions/{id}',
  summary: 'Change an action’s title, responsible institution, indicator, unit, target or due date',
  action: 'actionPlan.edit',
  purpose: 'administration',
  params: IdParams,
  body: UpdateActionRequest,
  response: ActionPlanActionView,
});

export const updateActionPlanProgress = defineContract({
  ...common,
  operationId: 'updateActionPlanProgress',
  method: 'POST',
  path: '/api/action-plan/actions/{id}/progress',
  summary: 'Report progress on an action for a period (appended to its history)',
  action: 'actionPlan.reportProgress',
  params: IdParams,
  body: ProgressRequest,
  response: ActionPlanActionView,
  status: 201,
});
