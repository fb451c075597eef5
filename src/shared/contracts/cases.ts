/** Case operations: the case file, its persons, sharing, exploitation details and trafficking events. */
import { defineOperations } from '../contract.js';
import * as api from '../api-identification.js';

const cases = defineOperations({ tags: ['cases'], purpose: 'case_management' });

export const listCases = cases.get('listCases', '/api/cases', {
  summary: 'Cases the caller’s institution owns or was shared, newest detection first (no names)',
  action: 'case.list',
  query: api.ListCasesQuery,
  response: api.CaseList,
});

export const createCase = cases.create('createCase', '/api/cases', {
  summary: 'Open a case owned by the caller’s institution, with the next reference (PY-<year>-<number>)',
  action: 'case.create',
  body: api.CreateCaseRequest,
  response: api.CaseView,
});

export const getCase = cases.get('getCase', '/api/cases/{id}', {
  summary: 'The case page: persons, screenings, decisions, exploitation, events, shares, timeline',
  action: 'case.read',
  response: api.CaseView,
});

export const updateCase = cases.patch('updateCase', '/api/cases/{id}', {
  summary: 'Change a case’s status, place of detection, narrative, unit or assigned staff',
  action: 'case.update',
  body: api.UpdateCaseRequest,
  response: api.CaseView,
});

export const addCasePerson = cases.post('addCasePerson', '/api/cases/{id}/persons', {
  summary: 'Link a person the caller may see to the case, with their role in it',
  action: 'case.addPerson',
  body: api.AddCasePersonRequest,
  response: api.CaseView,
});

export const shareCase = cases.post('shareCase', '/api/cases/{id}/shares', {
  summary: 'Share the case with another institution (explicit, with a reason; audited)',
  action: 'case.share',
  body: api.ShareCaseRequest,
  response: api.CaseView,
});

export const revokeCaseShare = cases.delete('revokeCaseShare', '/api/cases/{id}/shares/{shareId}', {
  summary: 'Stop sharing the case with an institution',
  action: 'case.share',
  response: null,
});

export const recordExploitation = cases.put(
  'recordExploitation',
  '/api/cases/{id}/persons/{personId}/exploitation',
  {
    summary: 'Record (replace) the exploitation, control and recruitment details of a person of the case',
    action: 'case.recordEvent',
    body: api.ExploitationRequest,
    response: api.ExploitationView,
  },
);

export const addTraffickingEvent = cases.create('addTraffickingEvent', '/api/cases/{id}/events', {
  summary: 'Add a trafficking event (recruitment, transit or exploitation), online or not',
  action: 'case.recordEvent',
  body: api.AddEventRequest,
  response: api.EventView,
});

export const searchCases = cases.post('searchCases', '/api/cases/search', {
  summary:
    'Find visible cases by a person’s name (the tolerant name search) or a reference; the text travels in the body, never in an address, and the persons matched are audited',
  action: 'person.search',
  body: api.SearchCasesRequest,
  response: api.CaseList,
});
