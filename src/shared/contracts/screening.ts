/** Contracts. */
import { defineOperations } from '../contract.js';
import * as api from '../api-identification.js';

const screening = defineOperations({ tags: ['screening'] });

export const getScreeningInstrument = screening.get('getScreeningInstrument', '/api/screening-instrument', {
  summary: 'The screening instrument: the latest published version, or the version asked for',
  action: 'instrument.read',
  query: api.GetInstrumentQuery,
  response: api.InstrumentView,
});

export const createScreeningInstrumentVersion = screening.create(
  'createScreeningInstrumentVersion',
  '/api/screening-instruments',
  {
    summary: 'Create the next version of the screening instrument, as a draft',
    action: 'instrument.edit',
    purpose: 'administration',
    body: api.CreateInstrumentRequest,
    response: api.InstrumentView,
  },
);

export const publishScreeningInstrument = screening.post(
  'publishScreeningInstrument',
  '/api/screening-instruments/{id}/publish',
  {
    summary: 'Publish a draft version; the version published until now is retired',
    action: 'instrument.edit',
    purpose: 'administration',
    response: api.InstrumentView,
  },
);

export const submitScreening = screening.create('submitScreening', '/api/cases/{id}/screenings', {
  summary: 'Record a screening of a person of the case; returns the computed assessment',
  action: 'case.screen',
  purpose: 'case_management',
  body: api.SubmitScreeningRequest,
  response: api.ScreeningView,
});

export const decideTraffickingStatus = screening.create(
  'decideTraffickingStatus',
  '/api/cases/{id}/decisions',
  {
    summary: 'Record a trafficking-status decision (or a review of an earlier one) for a person of the case',
    action: 'case.decide',
    purpose: 'case_management',
    body: api.DecideStatusRequest,
    response: api.DecisionView,
  },
);

export const listDecisions = screening.get('listDecisions', '/api/cases/{id}/decisions', {
  summary: 'The history of trafficking-status decisions of a case (or of one person in it), newest first',
  action: 'case.read',
  purpose: 'case_management',
  query: api.ListDecisionsQuery,
  response: api.DecisionList,
});

export const getDecisionPolicy = screening.get('getDecisionPolicy', '/api/decision-policy', {
  summary: 'Which roles of which institutions may confirm a victim (decide "actual victim")',
  action: 'decisionPolicy.read',
  response: api.DecisionPolicyView,
});

export const updateDecisionPolicy = screening.put('updateDecisionPolicy', '/api/decision-policy', {
  summary: 'Replace the policy of who may confirm a victim (system administrator, coordination table)',
  action: 'decisionPolicy.update',
  purpose: 'administration',
  body: api.UpdateDecisionPolicyRequest,
  response: api.DecisionPolicyView,
});
