/** Contracts. */
import { defineContract } from '../contract.js';
import { IdParams } from './params.js';
import {
  CreateInstrumentRequest,
  DecideStatusRequest,
  DecisionList,
  DecisionPolicyView,
  DecisionView,
  ListDecisionsQuery,
  UpdateDecisionPolicyRequest,
  GetInstrumentQuery,
  InstrumentView,
  ScreeningView,
  SubmitScreeningRequest,
} from '../api-identification.js';

export const getScreeningInstrument = defineContract({
  operationId: 'getScreeningInstrument',
  method: 'GET',
  path: '/api/screening-instrument',
  summary: 'The screening instrument: the latest published version, or the version asked for',
  tags: ['screening'],
  action: 'instrument.read',
  query: GetInstrumentQuery,
  response: InstrumentView,
});

export const createScreeningInstrumentVersion = defineContract({
  operationId: 'createScreeningInstrumentVersion',
  method: 'POST',
  path: '/api/screening-instruments',
  summary: 'Create the next version of the screening instrument, as a draft',
  tags: ['screening'],
  action: 'instrument.edit',
  purpose: 'administration',
  body: CreateInstrumentRequest,
  response: InstrumentView,
  status: 201,
});

export const publishScreeningInstrument = defineContract({
  operationId: 'publishScreeningInstrument',
  method: 'POST',
  path: '/api/screening-instruments/{id}/publish',
  summary: 'Publish a draft version; the version published until now is retired',
  tags: ['screening'],
  action: 'instrument.edit',
  purpose: 'administration',
  params: IdParams,
  response: InstrumentView,
});

export const submitScreening = defineContract({
  operationId: 'submitScreening',
  method: 'POST',
  path: '/api/cases/{id}/screenings',
  summary: 'Record a screening of a person of the case; returns the computed assessment',
  tags: ['screening'],
  action: 'case.screen',
  purpose: 'case_management',
  params: IdParams,
  body: SubmitScreeningRequest,
  response: ScreeningView,
  status: 201,
});

export const decideTraffickingStatus = defineContract({
  operationId: 'decideTraffickingStatus',
  method: 'POST',
  path: '/api/cases/{id}/decisions',
  summary: 'Record a trafficking-status decision (or a review of an earlier one) for a person of the case',
  tags: ['screening'],
  action: 'case.decide',
  purpose: 'case_management',
  params: IdParams,
  body: DecideStatusRequest,
  response: DecisionView,
  status: 201,
});

export const listDecisions = defineContract({
  operationId: 'listDecisions',
  method: 'GET',
  path: '/api/cases/{id}/decisions',
  summary: 'The history of trafficking-status decisions of a case (or of one person in it), newest first',
  tags: ['screening'],
  action: 'case.read',
  purpose: 'case_management',
  params: IdParams,
  query: ListDecisionsQuery,
  response: DecisionList,
});

export const getDecisionPolicy = defineContract({
  operationId: 'getDecisionPolicy',
  method: 'GET',
  path: '/api/decision-policy',
  summary: 'Which roles of which institutions may confirm a victim (decide "actual victim")',
  tags: ['screening'],
  action: 'decisionPolicy.read',
  response: DecisionPolicyView,
});

export const updateDecisionPolicy = defineContract({
  operationId: 'updateDecisionPolicy',
  method: 'PUT',
  path: '/api/decision-policy',
  summary: 'Replace the policy of who may confirm a victim (system administrator, coordination table)',
  tags: ['screening'],
  action: 'decisionPolicy.update',
  purpose: 'administration',
  body: UpdateDecisionPolicyRequest,
  response: DecisionPolicyView,
});
