/** Contracts. */
import { defineOperations } from '../contract.js';
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

const screening = defineOperations({ tags: ['screening'] });

export const getScreeningInstrument = screening.get('getScreeningInstrument', '/api/screening-instrument', {
  summary: 'The screening instrument: the latest published version, or the version asked for',
  action: 'instrument.read',
  query: GetInstrumentQuery,
  response: InstrumentView,
});

export const createScreeningInstrumentVersion = screening.create(
  'createScreeningInstrumentVersion',
  '/api/screening-instruments',
  {
    summary: 'Create the next version of the screening instrument, as a draft',
    action: 'instrument.edit',
    purpose: 'administration',
    body: CreateInstrumentRequest,
    response: InstrumentView,
  },
);

export const publishScreeningInstrument = screening.post(
  'publishScreeningInstrument',
  '/api/screening-instruments/{id}/publish',
  {
    summary: 'Publish a draft version; the version published until now is retired',
    action: 'instrument.edit',
    purpose: 'administration',
    params: IdParams,
    response: InstrumentView,
  },
);

export const submitScreening = screening.create('submitScreening', '/api/cases/{id}/screenings', {
  summary: 'Record a screening of a person of the case; returns the computed assessment',
  action: 'case.screen',
  purpose: 'case_management',
  params: IdParams,
  body: SubmitScreeningRequest,
  response: ScreeningView,
});

export const decideTraffickingStatus = screening.create(
  'decideTraffickingStatus',
  '/api/cases/{id}/decisions',
  {
    summary: 'Record a trafficking-status decision (or a review of an earlier one) for a person of the case',
    action: 'case.decide',
    purpose: 'case_management',
    params: IdParams,
    body: DecideStatusRequest,
    response: DecisionView,
  },
);

export const listDecisions = screening.get('listDecisions', '/api/cases/{id}/decisions', {
  summary: 'The history of trafficking-status decisions of a case (or of one person in it), newest first',
  action: 'case.read',
  purpose: 'case_management',
  params: IdParams,
  query: ListDecisionsQuery,
  response: DecisionList,
});

export const getDecisionPolicy = screening.get('getDecisionPolicy', '/api/decision-policy', {
  summary: 'Which roles of which institutions may confirm a victim (decide "actual victim")',
  action: 'decisionPolicy.read',
  response: DecisionPolicyView,
});

export const updateDecisionPolicy = screening.put('updateDecisionPolicy', '/api/decision-policy', {
  summary: 'Replace the policy of who may confirm a victim (system administrator, coordination table)',
  action: 'decisionPolicy.update',
  purpose: 'administration',
  body: UpdateDecisionPolicyRequest,
  response: DecisionPolicyView,
});
