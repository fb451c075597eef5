/**
 * The identification rows of the access matrix (access-matrix.test.ts): persons, cases, sharing,
 * exploitation and events, the screening instrument, screenings and decisions.
 *
 * Three kinds of record, each made fresh for every cell (inserted directly, see screening-fixtures):
 * - "of PNPTU": owned by the actor's institution (the case roles' home);
 * - "of MINNA shared with PNPTU": another institution's case, shared with the actor's: read only;
 * - "of MINNA (hidden)": another institution's case, shared with a third one (MINMUJER), not with
 *   the actor's: "not found", as if it did not exist.
 * Roles without case work (administrators, analyst, dpo) are refused every person and case
 * operation with 403 before anything is loaded, whatever the record.
 */
import type { TestContext } from '../helpers/db.js';
import { api, buildPersonRecord, institutionId, userWithSession } from '../helpers/factories.js';
import { answers, insertCase, insertLinkedPerson } from './screening-fixtures.js';
import type { AuditedAs, Cell, Runners } from './access-matrix-kit.js';

// prettier-ignore
export const IDENTIFICATION_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'createPerson: register a person (owned by the own institution)':      '403  403  201  201  201  403  403',
  'checkPersonDuplicates: before registering a person':                   '403  403  200  200  200  403  403',
  'searchPersons: by name, among the visible persons':                    '403  403  200  200  200  403  403',
  'getPerson: of PNPTU':                                                  '403  403  200  200  200  403  403',
  'getPerson: of MINNA, in a case shared with PNPTU':                     '403  403  200  200  200  403  403',
  'getPerson: of MINNA (hidden: not found)':                              '403  403  404  404  404  403  403',
  'revealPersonFields: contact of PNPTU (masked for sup and pros only)':  '403  403  400  200  200  403  403',
  'revealPersonFields: of MINNA (hidden: not found)':                     '403  403  404  404  404  403  403',
  'updatePerson: of PNPTU':                                               '403  403  200  200  200  403  403',
  'updatePerson: of MINNA, in a case shared with PNPTU (read only)':      '403  403  403  403  403  403  403',
  'updatePerson: of MINNA (hidden: not found)':                           '403  403  404  404  404  403  403',
  'listCases: the cases the caller may see':                              '403  403  200  200  200  403  403',
  'createCase: a case owned by the own institution':                      '403  403  201  201  201  403  403',
  'getCase: of PNPTU':                                                    '403  403  200  200  200  403  403',
  'getCase: of MINNA shared with PNPTU':                                  '403  403  200  200  200  403  403',
  'getCase: of MINNA (hidden: not found)':                                '403  403  404  404  404  403  403',
  'updateCase: of PNPTU':                                                 '403  403  200  200  200  403  403',
  'updateCase: of MINNA shared with PNPTU (read only)':                   '403  403  403  403  403  403  403',
  'updateCase: of MINNA (hidden: not found)':                             '403  403  404  404  404  403  403',
  'addCasePerson: a PNPTU person to a case of PNPTU':                     '403  403  200  200  200  403  403',
  'addCasePerson: a PNPTU person to a case of MINNA shared with PNPTU':   '403  403  403  403  403  403  403',
  'addCasePerson: a PNPTU person to a case of MINNA (hidden)':            '403  403  404  404  404  403  403',
  'shareCase: a case of PNPTU with MINMUJER':                             '403  403  200  200  200  403  403',
  'shareCase: a case of MINNA shared with PNPTU, onwards to MINMUJER':    '403  403  403  403  403  403  403',
  'shareCase: a case of MINNA (hidden)':                                  '403  403  404  404  404  403  403',
  'revokeCaseShare: a case of PNPTU, its share with MINNA':               '403  403  204  204  204  403  403',
  'revokeCaseShare: a case of MINNA, its share with PNPTU':               '403  403  403  403  403  403  403',
  'revokeCaseShare: a case of MINNA (hidden), its share with MINMUJER':   '403  403  404  404  404  403  403',
  'recordExploitation: a victim of a case of PNPTU':                      '403  403  200  200  200  403  403',
  'recordExploitation: a victim of a case of MINNA shared with PNPTU':    '403  403  403  403  403  403  403',
  'recordExploitation: a victim of a case of MINNA (hidden)':             '403  403  404  404  404  403  403',
  'addTraffickingEvent: to a case of PNPTU':                              '403  403  201  201  201  403  403',
  'addTraffickingEvent: to a case of MINNA shared with PNPTU':            '403  403  403  403  403  403  403',
  'addTraffickingEvent: to a case of MINNA (hidden)':                     '403  403  404  404  404  403  403',
  'listCaseNotes: of a case of PNPTU':                                    '403  403  200  200  200  403  403',
  'listCaseNotes: of a case of MINNA shared with PNPTU':                  '403  403  200  200  200  403  403',
  'listCaseNotes: of a case of MINNA (hidden: not found)':                '403  403  404  404  404  403  403',
  'addCaseNote: to a case of PNPTU':                                      '403  403  201  201  201  403  403',
  'addCaseNote: to a case of MINNA shared with PNPTU (read only)':        '403  403  403  403  403  403  403',
  'addCaseNote: to a case of MINNA (hidden: not found)':                  '403  403  404  404  404  403  403',
  'getScreeningInstrument: the published version':                        '200  200  200  200  200  200  200',
  'getScreeningInstrument: a draft version (editors only)':               '200  404  404  404  404  404  404',
  'createScreeningInstrumentVersion: a new draft':                        '201  403  403  403  403  403  403',
  'publishScreeningInstrument: a draft':                                  '200  403  403  403  403  403  403',
  'submitScreening: a victim of a case of PNPTU':                         '403  403  201  201  201  403  403',
  'submitScreening: a victim of a case of MINNA shared with PNPTU':       '403  403  403  403  403  403  403',
  'submitScreening: a victim of a case of MINNA (hidden)':                '403  403  404  404  404  403  403',
  'decideTraffickingStatus: in a case of PNPTU':                          '403  403  201  201  201  403  403',
  'decideTraffickingStatus: review a decision in a case of PNPTU':        '403  403  403  201  201  403  403',
  'decideTraffickingStatus: in a case of MINNA shared with PNPTU':        '403  403  403  403  403  403  403',
  'decideTraffickingStatus: in a case of MINNA (hidden)':                 '403  403  404  404  404  403  403',
  'listDecisions: of a case of PNPTU':                                    '403  403  200  200  200  403  403',
  'listDecisions: of a case of MINNA shared with PNPTU':                  '403  403  200  200  200  403  403',
  'listDecisions: of a case of MINNA (hidden: not found)':                '403  403  404  404  404  403  403',
  'getDecisionPolicy: who may confirm a victim':                          '200  200  200  200  200  200  200',
  'updateDecisionPolicy: the same policy again (MESA administers it)':    '200  403  403  403  403  403  403',
} as const;

/** Refusals audited as a finer action than the route's coarse one. */
export const IDENTIFICATION_AUDITED_AS: AuditedAs<typeof IDENTIFICATION_MATRIX> = {
  // Any case role may decide; only a supervisor or prosecutor may review (case.review).
  'decideTraffickingStatus: review a decision in a case of PNPTU': 'case.review',
};

/** A case of `owner`, shared with `sharedWith`, with one presumed victim registered by `owner`. */
async function caseWithVictim(t: TestContext, owner: string, sharedWith: string[] = []) {
  const caseId = await insertCase(t, owner, sharedWith);
  const personId = await insertLinkedPerson(t, caseId, owner);
  return { caseId, personId };
}
const own = (t: TestContext) => caseWithVictim(t, 'PNPTU');
const shared = (t: TestContext) => caseWithVictim(t, 'MINNA', ['PNPTU']);
const hidden = (t: TestContext) => caseWithVictim(t, 'MINNA', ['MINMUJER']);
type Fixture = typeof own;

async function shareIdOf(t: TestContext, caseId: string): Promise<string> {
  const row = await t.services.db.transaction((trx) =>
    trx.selectFrom('case_shares').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow(),
  );
  return row.id;
}

const getPerson = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'GET', `/api/persons/${(await fixture(c.t)).personId}`);
const revealContact = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'POST', `/api/persons/${(await fixture(c.t)).personId}/reveal`, {
    fields: ['contact'],
    purpose: 'investigation',
  });
const updatePerson = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'PATCH', `/api/persons/${(await fixture(c.t)).personId}`, { interpreterNeeded: true });
const getCase = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'GET', `/api/cases/${(await fixture(c.t)).caseId}`);
const updateCase = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'PATCH', `/api/cases/${(await fixture(c.t)).caseId}`, { status: 'FollowUp' });
const addCasePerson = async (c: Cell, fixture: Fixture) => {
  const { caseId } = await fixture(c.t);
  const person = await buildPersonRecord(c.t, { institution: 'PNPTU' });
  return api(c.t, c.s, 'POST', `/api/cases/${caseId}/persons`, { personId: person.id, role: 'Witness' });
};
const shareCase = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'POST', `/api/cases/${(await fixture(c.t)).caseId}/shares`, {
    institutionId: await institutionId(c.t, 'MINMUJER'),
    reason: 'Derivación a albergue (prueba)',
  });
const revokeShare = async (c: Cell, owner: string, sharedWith: string) => {
  const caseId = await insertCase(c.t, owner, [sharedWith]);
  return api(c.t, c.s, 'DELETE', `/api/cases/${caseId}/shares/${await shareIdOf(c.t, caseId)}`);
};
const recordExploitation = async (c: Cell, fixture: Fixture) => {
  const { caseId, personId } = await fixture(c.t);
  return api(c.t, c.s, 'PUT', `/api/cases/${caseId}/persons/${personId}/exploitation`, {
    exploitationTypes: ['ForcedLabour'],
  });
};
const addEvent = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'POST', `/api/cases/${(await fixture(c.t)).caseId}/events`, {
    type: 'Exploitation',
    country: 'PY',
  });
const listNotes = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'GET', `/api/cases/${(await fixture(c.t)).caseId}/notes`);
const addNote = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'POST', `/api/cases/${(await fixture(c.t)).caseId}/notes`, {
    text: 'Llamada de seguimiento (nota sintética)',
  });
const submitScreening = async (c: Cell, fixture: Fixture) => {
  const { caseId, personId } = await fixture(c.t);
  return api(c.t, c.s, 'POST', `/api/cases/${caseId}/screenings`, {
    personId,
    instrumentVersion: 1,
    factsDate: '2025-08-01',
    answers: answers(['act.recruitment', 'means.deception']),
  });
};
const decision = (personId: string, extra: Record<string, unknown> = {}) => ({
  personId,
  status: 'PossibleVictimOfTrafficking',
  decisionOrgType: 'Police',
  decidedOn: '2025-09-10',
  reason: 'Motivo sintético de prueba',
  ...extra,
});
const decide = async (c: Cell, fixture: Fixture) => {
  const { caseId, personId } = await fixture(c.t);
  return api(c.t, c.s, 'POST', `/api/cases/${caseId}/decisions`, decision(personId));
};
const listDecisions = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'GET', `/api/cases/${(await fixture(c.t)).caseId}/decisions`);

/** The published instrument's definition, to submit as a new version. */
async function publishedDefinition(c: Cell) {
  const res = await api(c.t, c.root, 'GET', '/api/screening-instrument');
  return res.json().definition;
}
/** A new draft version, created by the system administrator. */
async function draft(c: Cell): Promise<{ id: string; version: number }> {
  const res = await api(c.t, c.root, 'POST', '/api/screening-instruments', {
    definition: await publishedDefinition(c),
  });
  if (res.statusCode !== 201) throw new Error(`draft: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const IDENTIFICATION_RUN: Runners<typeof IDENTIFICATION_MATRIX> = {
  'createPerson: register a person (owned by the own institution)': (c) =>
    api(c.t, c.s, 'POST', '/api/persons', {
      givenNames: `Persona ${c.n}`,
      firstSurname: 'Sintética',
      confirmNotDuplicate: true,
    }),
  'checkPersonDuplicates: before registering a person': (c) =>
    api(c.t, c.s, 'POST', '/api/persons/duplicates', { givenNames: 'Mirna Soledad', firstSurname: 'Aquino' }),
  'searchPersons: by name, among the visible persons': (c) =>
    api(c.t, c.s, 'POST', '/api/persons/search', { q: 'Mirna Aquino' }),
  'getPerson: of PNPTU': (c) => getPerson(c, own),
  'getPerson: of MINNA, in a case shared with PNPTU': (c) => getPerson(c, shared),
  'getPerson: of MINNA (hidden: not found)': (c) => getPerson(c, hidden),
  'revealPersonFields: contact of PNPTU (masked for sup and pros only)': (c) => revealContact(c, own),
  'revealPersonFields: of MINNA (hidden: not found)': (c) => revealContact(c, hidden),
  'updatePerson: of PNPTU': (c) => updatePerson(c, own),
  'updatePerson: of MINNA, in a case shared with PNPTU (read only)': (c) => updatePerson(c, shared),
  'updatePerson: of MINNA (hidden: not found)': (c) => updatePerson(c, hidden),
  'listCases: the cases the caller may see': (c) => api(c.t, c.s, 'GET', '/api/cases'),
  'createCase: a case owned by the own institution': (c) =>
    api(c.t, c.s, 'POST', '/api/cases', { detectionMethod: 'Hotline', detectedOn: '2026-03-14' }),
  'getCase: of PNPTU': (c) => getCase(c, own),
  'getCase: of MINNA shared with PNPTU': (c) => getCase(c, shared),
  'getCase: of MINNA (hidden: not found)': (c) => getCase(c, hidden),
  'updateCase: of PNPTU': (c) => updateCase(c, own),
  'updateCase: of MINNA shared with PNPTU (read only)': (c) => updateCase(c, shared),
  'updateCase: of MINNA (hidden: not found)': (c) => updateCase(c, hidden),
  'addCasePerson: a PNPTU person to a case of PNPTU': (c) => addCasePerson(c, own),
  'addCasePerson: a PNPTU person to a case of MINNA shared with PNPTU': (c) => addCasePerson(c, shared),
  'addCasePerson: a PNPTU person to a case of MINNA (hidden)': (c) => addCasePerson(c, hidden),
  'shareCase: a case of PNPTU with MINMUJER': (c) => shareCase(c, own),
  'shareCase: a case of MINNA shared with PNPTU, onwards to MINMUJER': (c) => shareCase(c, shared),
  'shareCase: a case of MINNA (hidden)': (c) => shareCase(c, hidden),
  'revokeCaseShare: a case of PNPTU, its share with MINNA': (c) => revokeShare(c, 'PNPTU', 'MINNA'),
  'revokeCaseShare: a case of MINNA, its share with PNPTU': (c) => revokeShare(c, 'MINNA', 'PNPTU'),
  'revokeCaseShare: a case of MINNA (hidden), its share with MINMUJER': (c) =>
    revokeShare(c, 'MINNA', 'MINMUJER'),
  'recordExploitation: a victim of a case of PNPTU': (c) => recordExploitation(c, own),
  'recordExploitation: a victim of a case of MINNA shared with PNPTU': (c) => recordExploitation(c, shared),
  'recordExploitation: a victim of a case of MINNA (hidden)': (c) => recordExploitation(c, hidden),
  'addTraffickingEvent: to a case of PNPTU': (c) => addEvent(c, own),
  'addTraffickingEvent: to a case of MINNA shared with PNPTU': (c) => addEvent(c, shared),
  'addTraffickingEvent: to a case of MINNA (hidden)': (c) => addEvent(c, hidden),
  'listCaseNotes: of a case of PNPTU': (c) => listNotes(c, own),
  'listCaseNotes: of a case of MINNA shared with PNPTU': (c) => listNotes(c, shared),
  'listCaseNotes: of a case of MINNA (hidden: not found)': (c) => listNotes(c, hidden),
  'addCaseNote: to a case of PNPTU': (c) => addNote(c, own),
  'addCaseNote: to a case of MINNA shared with PNPTU (read only)': (c) => addNote(c, shared),
  'addCaseNote: to a case of MINNA (hidden: not found)': (c) => addNote(c, hidden),
  'getScreeningInstrument: the published version': (c) => api(c.t, c.s, 'GET', '/api/screening-instrument'),
  'getScreeningInstrument: a draft version (editors only)': async (c) =>
    api(c.t, c.s, 'GET', `/api/screening-instrument?version=${(await draft(c)).version}`),
  'createScreeningInstrumentVersion: a new draft': async (c) =>
    api(c.t, c.s, 'POST', '/api/screening-instruments', { definition: await publishedDefinition(c) }),
  'publishScreeningInstrument: a draft': async (c) =>
    api(c.t, c.s, 'POST', `/api/screening-instruments/${(await draft(c)).id}/publish`),
  'submitScreening: a victim of a case of PNPTU': (c) => submitScreening(c, own),
  'submitScreening: a victim of a case of MINNA shared with PNPTU': (c) => submitScreening(c, shared),
  'submitScreening: a victim of a case of MINNA (hidden)': (c) => submitScreening(c, hidden),
  'decideTraffickingStatus: in a case of PNPTU': (c) => decide(c, own),
  'decideTraffickingStatus: review a decision in a case of PNPTU': async (c) => {
    const { caseId, personId } = await own(c.t);
    const owner = await userWithSession(c.t, { role: 'case_worker', institution: 'PNPTU' });
    const first = await api(c.t, owner, 'POST', `/api/cases/${caseId}/decisions`, decision(personId));
    if (first.statusCode !== 201) throw new Error(`decision: ${first.statusCode} ${first.body}`);
    return api(
      c.t,
      c.s,
      'POST',
      `/api/cases/${caseId}/decisions`,
      decision(personId, { status: 'ActualVictimOfTrafficking', reviewsDecisionId: first.json().id }),
    );
  },
  'decideTraffickingStatus: in a case of MINNA shared with PNPTU': (c) => decide(c, shared),
  'decideTraffickingStatus: in a case of MINNA (hidden)': (c) => decide(c, hidden),
  'listDecisions: of a case of PNPTU': (c) => listDecisions(c, own),
  'listDecisions: of a case of MINNA shared with PNPTU': (c) => listDecisions(c, shared),
  'listDecisions: of a case of MINNA (hidden: not found)': (c) => listDecisions(c, hidden),
  'getDecisionPolicy: who may confirm a victim': (c) => api(c.t, c.s, 'GET', '/api/decision-policy'),
  'updateDecisionPolicy: the same policy again (MESA administers it)': async (c) => {
    const current = (await api(c.t, c.s, 'GET', '/api/decision-policy')).json() as {
      entries: Array<{ institution: { id: string }; roles: string[] }>;
    };
    const entries = current.entries.map((e) => ({ institutionId: e.institution.id, roles: e.roles }));
    return api(c.t, c.s, 'PUT', '/api/decision-policy', { entries });
  },
};
