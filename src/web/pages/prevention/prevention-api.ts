/** The prevention operations as typed calls (the shared client in src/web/api.ts does the HTTP). */
import type { z } from 'zod';
import {
  ActionPlanActionView,
  ActionPlanView,
  CampaignList,
  CampaignView,
  HotlineContactList,
  HotlineContactView,
  OpenedCase,
  TrainingList,
  TrainingView,
  type CreateActionRequest,
  type CreateCampaignRequest,
  type CreateTrainingRequest,
  type ListCampaignsQuery,
  type ListHotlineQuery,
  type ListTrainingsQuery,
  type ProgressRequest,
  type RecordHotlineContactRequest,
  type RecordParticipantsRequest,
} from '../../../shared/api-prevention.js';
import { legacyCall as call } from '../../api.js';

const id = (value: string) => encodeURIComponent(value);

export const listTrainingEvents = (query: Partial<z.output<typeof ListTrainingsQuery>> = {}) =>
  call('GET', '/api/prevention/trainings', TrainingList, { query });
export const createTrainingEvent = (body: z.input<typeof CreateTrainingRequest>) =>
  call('POST', '/api/prevention/trainings', TrainingView, { body });
export const getTrainingEvent = (trainingId: string) =>
  call('GET', `/api/prevention/trainings/${id(trainingId)}`, TrainingView);
export const recordTrainingParticipants = (
  trainingId: string,
  body: z.input<typeof RecordParticipantsRequest>,
) => call('PUT', `/api/prevention/trainings/${id(trainingId)}/participants`, TrainingView, { body });

export const listCampaigns = (query: Partial<z.output<typeof ListCampaignsQuery>> = {}) =>
  call('GET', '/api/prevention/campaigns', CampaignList, { query });
export const createCampaign = (body: z.input<typeof CreateCampaignRequest>) =>
  call('POST', '/api/prevention/campaigns', CampaignView, { body });

export const listHotlineContacts = (query: Partial<z.output<typeof ListHotlineQuery>> = {}) =>
  call('GET', '/api/prevention/hotline-contacts', HotlineContactList, { query });
export const recordHotlineContact = (body: z.input<typeof RecordHotlineContactRequest>) =>
  call('POST', '/api/prevention/hotline-contacts', HotlineContactView, { body });
export const getHotlineContact = (contactId: string) =>
  call('GET', `/api/prevention/hotline-contacts/${id(contactId)}`, HotlineContactView);
export const openCaseFromHotlineContact = (contactId: string) =>
  call('POST', `/api/prevention/hotline-contacts/${id(contactId)}/case`, OpenedCase, { body: {} });

export const listActionPlan = () => call('GET', '/api/action-plan', ActionPlanView);
export const getActionPlanAction = (actionId: string) =>
  call('GET', `/api/action-plan/actions/${id(actionId)}`, ActionPlanActionView);
export const createActionPlanAction = (body: z.input<typeof CreateActionRequest>) =>
  call('POST', '/api/action-plan/actions', ActionPlanActionView, { body });
export const updateActionPlanProgress = (actionId: string, body: z.input<typeof ProgressRequest>) =>
  call('POST', `/api/action-plan/actions/${id(actionId)}/progress`, ActionPlanActionView, { body });
