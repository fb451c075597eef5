/**
 * Prevention operations: training events and their participants, campaigns, hotline contacts (and
 * opening a case from one), and the national action plan with progress reports. Every view is
 * audited, so GETs run in a write transaction.
 */
import { defineOperations } from '../contract.js';
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

const prevention = defineOperations({ tags: ['prevention'], purpose: 'statistics' });

const hotline = defineOperations({ tags: ['prevention'], purpose: 'case_management' });

export const listTrainingEvents = prevention.get('listTrainingEvents', '/api/prevention/trainings', {
  summary: 'Training events by date, with participants by sex summed over the whole filter',
  action: 'training.list',
  query: ListTrainingsQuery,
  response: TrainingList,
});

export const createTrainingEvent = prevention.create('createTrainingEvent', '/api/prevention/trainings', {
  summary: 'Record a training event organised by the caller’s institution',
  action: 'training.record',
  body: CreateTrainingRequest,
  response: TrainingView,
});

export const getTrainingEvent = prevention.get('getTrainingEvent', '/api/prevention/trainings/{id}', {
  summary: 'A training event with its participants by institution and sex',
  action: 'training.read',
  params: IdParams,
  response: TrainingView,
});

export const recordTrainingParticipants = prevention.put(
  'recordTrainingParticipants',
  '/api/prevention/trainings/{id}/participants',
  {
    summary: 'Replace the participant counts of a training (institution × sex), entered in bulk',
    action: 'training.record',
    params: IdParams,
    body: RecordParticipantsRequest,
    response: TrainingView,
  },
);

export const listCampaigns = prevention.get('listCampaigns', '/api/prevention/campaigns', {
  summary: 'Awareness campaigns running in the period, with their summed reach',
  action: 'campaign.list',
  query: ListCampaignsQuery,
  response: CampaignList,
});

export const createCampaign = prevention.create('createCampaign', '/api/prevention/campaigns', {
  summary: 'Record an awareness campaign run by the caller’s institution',
  action: 'campaign.record',
  body: CreateCampaignRequest,
  response: CampaignView,
});

export const listHotlineContacts = hotline.get('listHotlineContacts', '/api/prevention/hotline-contacts', {
  summary: 'Contacts received by the caller’s institution’s line (without what was reported)',
  action: 'hotline.list',
  query: ListHotlineQuery,
  response: HotlineContactList,
});

export const recordHotlineContact = hotline.create(
  'recordHotlineContact',
  '/api/prevention/hotline-contacts',
  {
    summary: 'Record a contact received by the caller’s institution’s line',
    action: 'hotline.record',
    body: RecordHotlineContactRequest,
    response: HotlineContactView,
  },
);

export const getHotlineContact = hotline.get('getHotlineContact', '/api/prevention/hotline-contacts/{id}', {
  summary: 'One contact with what was reported (an audited read)',
  action: 'hotline.read',
  params: IdParams,
  response: HotlineContactView,
});

export const openCaseFromHotlineContact = hotline.create(
  'openCaseFromHotlineContact',
  '/api/prevention/hotline-contacts/{id}/case',
  {
    summary: 'Open a case (detection method Hotline) from a contact and link it',
    action: 'hotline.openCase',
    params: IdParams,
    body: OpenCaseFromContactRequest,
    response: OpenedCase,
  },
);

export const listActionPlan = prevention.get('listActionPlan', '/api/action-plan', {
  summary: 'The national action plan: objectives, actions and the latest progress of each',
  action: 'actionPlan.read',
  response: ActionPlanView,
});

export const getActionPlanAction = prevention.get('getActionPlanAction', '/api/action-plan/actions/{id}', {
  summary: 'One action of the plan with its progress history',
  action: 'actionPlan.read',
  params: IdParams,
  response: ActionPlanActionView,
});

export const createActionPlanObjective = prevention.create(
  'createActionPlanObjective',
  '/api/action-plan/objectives',
  {
    summary: 'Add an objective to the plan (the Mesa’s administrators)',
    action: 'actionPlan.edit',
    purpose: 'administration',
    body: CreateObjectiveRequest,
    response: ObjectiveView,
  },
);

export const createActionPlanAction = prevention.create(
  'createActionPlanAction',
  '/api/action-plan/actions',
  {
    summary: 'Add an action to an objective of the plan (the Mesa’s administrators)',
    action: 'actionPlan.edit',
    purpose: 'administration',
    body: CreateActionRequest,
    response: ActionPlanActionView,
  },
);

export const updateActionPlanAction = prevention.patch(
  'updateActionPlanAction',
  '/api/action-plan/actions/{id}',
  {
    summary: 'Change an action’s title, responsible institution, indicator, unit, target or due date',
    action: 'actionPlan.edit',
    purpose: 'administration',
    params: IdParams,
    body: UpdateActionRequest,
    response: ActionPlanActionView,
  },
);

export const updateActionPlanProgress = prevention.create(
  'updateActionPlanProgress',
  '/api/action-plan/actions/{id}/progress',
  {
    summary: 'Report progress on an action for a period (appended to its history)',
    action: 'actionPlan.reportProgress',
    params: IdParams,
    body: ProgressRequest,
    response: ActionPlanActionView,
  },
);
