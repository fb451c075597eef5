/**
 * Prevention operations: training events and their participants, campaigns, hotline contacts (and
 * opening a case from one), and the national action plan with progress reports. Every view is
 * audited, so GETs run in a write transaction.
 */
import { defineOperations } from '../contract.js';
import * as api from '../api-prevention.js';

const prevention = defineOperations({ tags: ['prevention'], purpose: 'statistics' });

const hotline = defineOperations({ tags: ['prevention'], purpose: 'case_management' });

export const listTrainingEvents = prevention.get('listTrainingEvents', '/api/prevention/trainings', {
  summary: 'Training events by date, with participants by sex summed over the whole filter',
  action: 'training.list',
  query: api.ListTrainingsQuery,
  response: api.TrainingList,
});

export const createTrainingEvent = prevention.create('createTrainingEvent', '/api/prevention/trainings', {
  summary: 'Record a training event organised by the caller’s institution',
  action: 'training.record',
  body: api.CreateTrainingRequest,
  response: api.TrainingView,
});

export const getTrainingEvent = prevention.get('getTrainingEvent', '/api/prevention/trainings/{id}', {
  summary: 'A training event with its participants by institution and sex',
  action: 'training.read',
  response: api.TrainingView,
});

export const recordTrainingParticipants = prevention.put(
  'recordTrainingParticipants',
  '/api/prevention/trainings/{id}/participants',
  {
    summary: 'Replace the participant counts of a training (institution × sex), entered in bulk',
    action: 'training.record',
    body: api.RecordParticipantsRequest,
    response: api.TrainingView,
  },
);

export const listCampaigns = prevention.get('listCampaigns', '/api/prevention/campaigns', {
  summary: 'Awareness campaigns running in the period, with their summed reach',
  action: 'campaign.list',
  query: api.ListCampaignsQuery,
  response: api.CampaignList,
});

export const createCampaign = prevention.create('createCampaign', '/api/prevention/campaigns', {
  summary: 'Record an awareness campaign run by the caller’s institution',
  action: 'campaign.record',
  body: api.CreateCampaignRequest,
  response: api.CampaignView,
});

export const listHotlineContacts = hotline.get('listHotlineContacts', '/api/prevention/hotline-contacts', {
  summary: 'Contacts received by the caller’s institution’s line (without what was reported)',
  action: 'hotline.list',
  query: api.ListHotlineQuery,
  response: api.HotlineContactList,
});

export const recordHotlineContact = hotline.create(
  'recordHotlineContact',
  '/api/prevention/hotline-contacts',
  {
    summary: 'Record a contact received by the caller’s institution’s line',
    action: 'hotline.record',
    body: api.RecordHotlineContactRequest,
    response: api.HotlineContactView,
  },
);

export const getHotlineContact = hotline.get('getHotlineContact', '/api/prevention/hotline-contacts/{id}', {
  summary: 'One contact with what was reported (an audited read)',
  action: 'hotline.read',
  response: api.HotlineContactView,
});

export const openCaseFromHotlineContact = hotline.create(
  'openCaseFromHotlineContact',
  '/api/prevention/hotline-contacts/{id}/case',
  {
    summary: 'Open a case (detection method Hotline) from a contact and link it',
    action: 'hotline.openCase',
    body: api.OpenCaseFromContactRequest,
    response: api.OpenedCase,
  },
);

export const listActionPlan = prevention.get('listActionPlan', '/api/action-plan', {
  summary: 'The national action plan: objectives, actions and the latest progress of each',
  action: 'actionPlan.read',
  response: api.ActionPlanView,
});

export const getActionPlanAction = prevention.get('getActionPlanAction', '/api/action-plan/actions/{id}', {
  summary: 'One action of the plan with its progress history',
  action: 'actionPlan.read',
  response: api.ActionPlanActionView,
});

export const createActionPlanObjective = prevention.create(
  'createActionPlanObjective',
  '/api/action-plan/objectives',
  {
    summary: 'Add an objective to the plan (the Mesa’s administrators)',
    action: 'actionPlan.edit',
    purpose: 'administration',
    body: api.CreateObjectiveRequest,
    response: api.ObjectiveView,
  },
);

export const createActionPlanAction = prevention.create(
  'createActionPlanAction',
  '/api/action-plan/actions',
  {
    summary: 'Add an action to an objective of the plan (the Mesa’s administrators)',
    action: 'actionPlan.edit',
    purpose: 'administration',
    body: api.CreateActionRequest,
    response: api.ActionPlanActionView,
  },
);

export const updateActionPlanAction = prevention.patch(
  'updateActionPlanAction',
  '/api/action-plan/actions/{id}',
  {
    summary: 'Change an action’s title, responsible institution, indicator, unit, target or due date',
    action: 'actionPlan.edit',
    purpose: 'administration',
    body: api.UpdateActionRequest,
    response: api.ActionPlanActionView,
  },
);

export const updateActionPlanProgress = prevention.create(
  'updateActionPlanProgress',
  '/api/action-plan/actions/{id}/progress',
  {
    summary: 'Report progress on an action for a period (appended to its history)',
    action: 'actionPlan.reportProgress',
    body: api.ProgressRequest,
    response: api.ActionPlanActionView,
  },
);
