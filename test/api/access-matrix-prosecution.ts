/**
 * The prosecution rows of the access matrix (access-matrix.test.ts): the legal-provision catalogue,
 * investigations, defendants (charges, stages, outcomes), operations, cooperation, victims'
 * participation, the export and the complicity register.
 *
 * "of PNPTU" is an investigation owned by the actor's institution; "instructing PNPTU" is one of
 * MP-UFETESI that instructed PNPTU (read it, record operations; nothing else); "(hidden)" is one of
 * MP-UFETESI that PNPTU has nothing to do with. A complicity investigation is seen only by
 * prosecutors and supervisors, and never by anyone of the flagged official's institution.
 */
import { api, institutionId } from '../helpers/factories.js';
import { insertInvestigation, provisionId } from './prosecution-fixtures.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import type { Cell, Runners } from './access-matrix-kit.js';

// prettier-ignore
export const PROSECUTION_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'listLegalProvisions: the catalogue of the law':                        '200  200  200  200  200  200  200',
  'createInvestigation: in the caller’s institution':                     '403  403  403  201  201  403  403',
  'listInvestigations: the work list':                                    '403  403  200  200  200  403  403',
  'exportInvestigations: figures without names':                          '403  403  403  200  200  403  403',
  'listComplicityRegister: officials among suspects':                     '403  403  403  200  200  403  403',
  'getInvestigation: of PNPTU':                                           '403  403  200  200  200  403  403',
  'getInvestigation: of MP-UFETESI instructing PNPTU':                    '403  403  200  200  200  403  403',
  'getInvestigation: of MP-UFETESI (hidden)':                             '403  403  404  404  404  403  403',
  'getInvestigation: instructing PNPTU, a PNPTU official suspected':      '403  403  404  404  404  403  403',
  'getInvestigation: of PNPTU, a DGM official suspected (leads only)':    '403  403  404  200  200  403  403',
  'linkInvestigationCase: a case of PNPTU, investigation of PNPTU':       '403  403  403  200  200  403  403',
  'linkInvestigationCase: investigation instructing PNPTU (read only)':   '403  403  403  403  403  403  403',
  'instructInstitution: DGM, investigation of PNPTU':                     '403  403  403  200  200  403  403',
  'addSuspect: investigation of PNPTU':                                   '403  403  403  201  201  403  403',
  'addSuspect: investigation of MP-UFETESI (hidden)':                     '403  403  403  404  404  403  403',
  'recordCharge: under L4788-5, investigation of PNPTU':                  '403  403  403  403  201  403  403',
  'recordCharge: investigation instructing PNPTU (read only)':            '403  403  403  403  403  403  403',
  'recordProceduralStage: imputación, investigation of PNPTU':            '403  403  403  403  201  403  403',
  'recordProceduralStage: investigation of MP-UFETESI (hidden)':          '403  403  403  403  404  403  403',
  'recordOutcome: conviction after the sentence, of PNPTU':               '403  403  403  403  201  403  403',
  'recordOperation: investigation of PNPTU':                              '403  403  201  201  201  403  403',
  'recordOperation: investigation instructing PNPTU':                     '403  403  201  201  201  403  403',
  'recordOperation: investigation of MP-UFETESI (hidden)':                '403  403  404  404  404  403  403',
  'recordCooperationRequest: investigation of PNPTU':                     '403  403  403  201  201  403  403',
  'recordVictimParticipation: a victim of a linked case of PNPTU':        '403  403  403  200  200  403  403',
} as const;

const OWN = (c: Cell, options: Parameters<typeof insertInvestigation>[2] = {}) =>
  insertInvestigation(c.t, 'PNPTU', options);
const INSTRUCTING = (c: Cell) => insertInvestigation(c.t, 'MP-UFETESI', { instructed: ['PNPTU'] });
const HIDDEN = (c: Cell) => insertInvestigation(c.t, 'MP-UFETESI');
type Fixture = ReturnType<typeof OWN>;

const get = async (c: Cell, fixture: Fixture) =>
  api(c.t, c.s, 'GET', `/api/investigations/${(await fixture).investigationId}`);
const on = async (c: Cell, fixture: Fixture, suffix: string, body: object, method: 'POST' | 'PUT' = 'POST') =>
  api(c.t, c.s, method, `/api/investigations/${(await fixture).investigationId}${suffix}`, body);
const onSuspect = async (c: Cell, fixture: Fixture, suffix: string, body: object) => {
  const { investigationId, suspectId } = await fixture;
  return api(c.t, c.s, 'POST', `/api/investigations/${investigationId}/suspects/${suspectId}${suffix}`, body);
};
const charge = async (c: Cell) => ({
  provisionId: await provisionId(c.t, 'L4788-5'),
  chargedOn: '2026-03-10',
});
const SUSPECT = { givenNames: 'Ramón', surnames: 'Benítez', sex: 'Male', roles: ['Transporter'] };
const OPERATION = { occurredOn: '2026-04-20', department: 'PY-10', personsArrested: 2, victimsRescued: 1 };
const COOPERATION = { kind: 'extradition', direction: 'outgoing', country: 'BR', requestedOn: '2026-05-01' };

export const PROSECUTION_RUN: Runners<typeof PROSECUTION_MATRIX> = {
  'listLegalProvisions: the catalogue of the law': (c) => api(c.t, c.s, 'GET', '/api/legal-provisions'),
  'createInvestigation: in the caller’s institution': (c) =>
    api(c.t, c.s, 'POST', '/api/investigations', { reference: `CF ${c.n}/2026`, openedOn: '2026-04-05' }),
  'listInvestigations: the work list': (c) => api(c.t, c.s, 'GET', '/api/investigations'),
  'exportInvestigations: figures without names': (c) => api(c.t, c.s, 'GET', '/api/investigations/export'),
  'listComplicityRegister: officials among suspects': (c) => api(c.t, c.s, 'GET', '/api/complicity-register'),
  'getInvestigation: of PNPTU': (c) => get(c, OWN(c)),
  'getInvestigation: of MP-UFETESI instructing PNPTU': (c) => get(c, INSTRUCTING(c)),
  'getInvestigation: of MP-UFETESI (hidden)': (c) => get(c, HIDDEN(c)),
  'getInvestigation: instructing PNPTU, a PNPTU official suspected': (c) =>
    get(c, insertInvestigation(c.t, 'MP-UFETESI', { instructed: ['PNPTU'], officialOf: 'PNPTU' })),
  'getInvestigation: of PNPTU, a DGM official suspected (leads only)': (c) =>
    get(c, OWN(c, { officialOf: 'DGM' })),
  'linkInvestigationCase: a case of PNPTU, investigation of PNPTU': async (c) =>
    on(c, OWN(c), '/cases', { caseId: await insertCase(c.t, 'PNPTU') }),
  'linkInvestigationCase: investigation instructing PNPTU (read only)': async (c) =>
    on(c, INSTRUCTING(c), '/cases', { caseId: await insertCase(c.t, 'PNPTU') }),
  'instructInstitution: DGM, investigation of PNPTU': async (c) =>
    on(c, OWN(c), '/instructions', { institutionId: await institutionId(c.t, 'DGM') }),
  'addSuspect: investigation of PNPTU': (c) => on(c, OWN(c), '/suspects', SUSPECT),
  'addSuspect: investigation of MP-UFETESI (hidden)': (c) => on(c, HIDDEN(c), '/suspects', SUSPECT),
  'recordCharge: under L4788-5, investigation of PNPTU': async (c) =>
    onSuspect(c, OWN(c), '/charges', await charge(c)),
  'recordCharge: investigation instructing PNPTU (read only)': async (c) =>
    onSuspect(c, INSTRUCTING(c), '/charges', await charge(c)),
  'recordProceduralStage: imputación, investigation of PNPTU': (c) =>
    onSuspect(c, OWN(c), '/stages', { stage: 'imputacion', occurredOn: '2026-03-10' }),
  'recordProceduralStage: investigation of MP-UFETESI (hidden)': (c) =>
    onSuspect(c, HIDDEN(c), '/stages', { stage: 'imputacion', occurredOn: '2026-03-10' }),
  'recordOutcome: conviction after the sentence, of PNPTU': (c) =>
    onSuspect(
      c,
      OWN(c, { charged: true, stages: ['imputacion', 'acusacion', 'juicio_oral', 'sentencia'] }),
      '/outcome',
      {
        outcome: 'convicted',
        decidedOn: '2026-03-05',
        sentenceMonths: 96,
      },
    ),
  'recordOperation: investigation of PNPTU': (c) => on(c, OWN(c), '/operations', OPERATION),
  'recordOperation: investigation instructing PNPTU': (c) => on(c, INSTRUCTING(c), '/operations', OPERATION),
  'recordOperation: investigation of MP-UFETESI (hidden)': (c) => on(c, HIDDEN(c), '/operations', OPERATION),
  'recordCooperationRequest: investigation of PNPTU': (c) => on(c, OWN(c), '/cooperation', COOPERATION),
  'recordVictimParticipation: a victim of a linked case of PNPTU': async (c) => {
    const fixture = await OWN(c);
    const caseId = await insertCase(c.t, 'PNPTU');
    const personId = await insertLinkedPerson(c.t, caseId, 'PNPTU');
    await c.t.services.db.transaction((trx) =>
      trx
        .insertInto('investigation_cases')
        .values({ investigation_id: fixture.investigationId, case_id: caseId, linked_by: null })
        .execute(),
    );
    return on(
      c,
      Promise.resolve(fixture),
      '/victims',
      { caseId, personId, witness: true, penalised: false },
      'PUT',
    );
  },
};
