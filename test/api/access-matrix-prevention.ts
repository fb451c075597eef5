/**
 * The prevention rows of the access matrix (access-matrix.test.ts): trainings, campaigns, hotline
 * contacts and the national action plan.
 *
 * Trainings, campaigns and the plan are institutional data every role but the DPO reads; an
 * institution records its own (another institution's training is visible, so refusing to change
 * it is 403). Hotline contacts belong to the institution that runs the line: another institution's
 * contact is hidden (404). The plan's structure is the Mesa administrators' (sys is MESA staff);
 * progress is reported by the responsible institution's staff and the Mesa's administrators.
 */
import { api, institutionId } from '../helpers/factories.js';
import type { TestContext } from '../helpers/db.js';
import type { Cell, Runners } from './access-matrix-kit.js';

// prettier-ignore
export const PREVENTION_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'listTrainingEvents: every institution’s trainings':                    '200  200  200  200  200  200  403',
  'createTrainingEvent: organised by PNPTU (own institution)':             '403  201  201  201  201  403  403',
  'getTrainingEvent: a training of MINNA':                                 '200  200  200  200  200  200  403',
  'recordTrainingParticipants: a training of PNPTU':                       '403  200  200  200  200  403  403',
  'recordTrainingParticipants: a training of MINNA (another institution)': '403  403  403  403  403  403  403',
  'listCampaigns: every institution’s campaigns':                          '200  200  200  200  200  200  403',
  'createCampaign: run by PNPTU (own institution)':                        '403  201  201  201  201  403  403',
  'recordHotlineContact: received by PNPTU’s line':                        '403  403  201  201  201  403  403',
  'listHotlineContacts: the own institution’s contacts':                   '403  403  200  200  200  403  403',
  'getHotlineContact: received by PNPTU':                                  '403  403  200  200  200  403  403',
  'getHotlineContact: received by MINNA (hidden)':                         '403  403  404  404  404  403  403',
  'openCaseFromHotlineContact: received by PNPTU':                         '403  403  201  201  201  403  403',
  'openCaseFromHotlineContact: received by MINNA (hidden)':                '403  403  404  404  404  403  403',
  'listActionPlan: the national plan':                                     '200  200  200  200  200  200  403',
  'getActionPlanAction: an action with its history':                       '200  200  200  200  200  200  403',
  'createActionPlanObjective: add an objective (sys is a Mesa admin)':     '201  403  403  403  403  403  403',
  'createActionPlanAction: add an action (sys is a Mesa administrator)':   '201  403  403  403  403  403  403',
  'updateActionPlanAction: change a target':                               '200  403  403  403  403  403  403',
  'updateActionPlanProgress: an action PNPTU is responsible for':          '201  201  201  201  201  201  403',
  'updateActionPlanProgress: an action of MTESS (another institution)':    '201  403  403  403  403  403  403',
} as const;

async function insertTraining(t: TestContext, institution: string): Promise<string> {
  const institutionIdValue = await institutionId(t, institution);
  const row = await t.services.db.transaction((trx) =>
    trx
      .insertInto('training_events')
      .values({
        institution_id: institutionIdValue,
        title: 'Capacitación de prueba',
        kind: 'Training',
        held_on: '2026-03-10',
        modality: 'virtual',
        audience_institution_ids: [],
        topics: ['LegalFramework'],
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

async function insertContact(t: TestContext, institution: string): Promise<string> {
  const institutionIdValue = await institutionId(t, institution);
  const row = await t.services.db.transaction((trx) =>
    trx
      .insertInto('hotline_contacts')
      .values({
        institution_id: institutionIdValue,
        received_on: '2026-03-11',
        channel: 'Phone',
        topic: 'PossibleTrafficking',
        department: 'PY-11',
        summary: t.services.crypto.encrypt('Denuncia sintética de prueba', 'hotline_contacts.summary'),
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

async function actionOf(t: TestContext, institution: string): Promise<string> {
  const row = await t.services.db.transaction((trx) =>
    trx
      .selectFrom('action_plan_actions')
      .innerJoin('institutions', 'institutions.id', 'action_plan_actions.responsible_institution_id')
      .select('action_plan_actions.id')
      .where('institutions.code', '=', institution)
      .orderBy('action_plan_actions.code')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

const participants = async (c: Cell, institution: string) =>
  api(c.t, c.s, 'PUT', `/api/prevention/trainings/${await insertTraining(c.t, institution)}/participants`, {
    participants: [{ institutionId: null, sex: 'Female', count: 4 }],
  });
const progress = async (c: Cell, institution: string) =>
  api(c.t, c.s, 'POST', `/api/action-plan/actions/${await actionOf(c.t, institution)}/progress`, {
    period: '2026-Q1',
    value: c.n,
  });

export const PREVENTION_RUN: Runners<typeof PREVENTION_MATRIX> = {
  'listTrainingEvents: every institution’s trainings': (c) =>
    api(c.t, c.s, 'GET', '/api/prevention/trainings'),
  'createTrainingEvent: organised by PNPTU (own institution)': (c) =>
    api(c.t, c.s, 'POST', '/api/prevention/trainings', {
      title: `Taller ${c.n}`,
      kind: 'Workshop',
      heldOn: '2026-04-01',
      modality: 'in_person',
      department: 'PY-ASU',
      topics: ['VictimIdentification'],
    }),
  'getTrainingEvent: a training of MINNA': async (c) =>
    api(c.t, c.s, 'GET', `/api/prevention/trainings/${await insertTraining(c.t, 'MINNA')}`),
  'recordTrainingParticipants: a training of PNPTU': (c) => participants(c, 'PNPTU'),
  'recordTrainingParticipants: a training of MINNA (another institution)': (c) => participants(c, 'MINNA'),
  'listCampaigns: every institution’s campaigns': (c) => api(c.t, c.s, 'GET', '/api/prevention/campaigns'),
  'createCampaign: run by PNPTU (own institution)': (c) =>
    api(c.t, c.s, 'POST', '/api/prevention/campaigns', {
      title: `Campaña ${c.n}`,
      channels: ['Radio'],
      startsOn: '2026-04-01',
    }),
  'recordHotlineContact: received by PNPTU’s line': (c) =>
    api(c.t, c.s, 'POST', '/api/prevention/hotline-contacts', {
      receivedOn: '2026-04-02',
      channel: 'WhatsApp',
      topic: 'InformationRequest',
    }),
  'listHotlineContacts: the own institution’s contacts': (c) =>
    api(c.t, c.s, 'GET', '/api/prevention/hotline-contacts'),
  'getHotlineContact: received by PNPTU': async (c) =>
    api(c.t, c.s, 'GET', `/api/prevention/hotline-contacts/${await insertContact(c.t, 'PNPTU')}`),
  'getHotlineContact: received by MINNA (hidden)': async (c) =>
    api(c.t, c.s, 'GET', `/api/prevention/hotline-contacts/${await insertContact(c.t, 'MINNA')}`),
  'openCaseFromHotlineContact: received by PNPTU': async (c) =>
    api(c.t, c.s, 'POST', `/api/prevention/hotline-contacts/${await insertContact(c.t, 'PNPTU')}/case`, {}),
  'openCaseFromHotlineContact: received by MINNA (hidden)': async (c) =>
    api(c.t, c.s, 'POST', `/api/prevention/hotline-contacts/${await insertContact(c.t, 'MINNA')}/case`, {}),
  'listActionPlan: the national plan': (c) => api(c.t, c.s, 'GET', '/api/action-plan'),
  'getActionPlanAction: an action with its history': async (c) =>
    api(c.t, c.s, 'GET', `/api/action-plan/actions/${await actionOf(c.t, 'MINMUJER')}`),
  'createActionPlanObjective: add an objective (sys is a Mesa admin)': (c) =>
    api(c.t, c.s, 'POST', '/api/action-plan/objectives', {
      code: `OX${c.n}`,
      title: `Objetivo de prueba ${c.n}`,
    }),
  'createActionPlanAction: add an action (sys is a Mesa administrator)': async (c) => {
    const objective = await c.t.services.db.transaction((trx) =>
      trx.selectFrom('action_plan_objectives').select('id').orderBy('position').executeTakeFirstOrThrow(),
    );
    return api(c.t, c.s, 'POST', '/api/action-plan/actions', {
      objectiveId: objective.id,
      code: `M-${c.n}`,
      title: `Acción de prueba ${c.n}`,
      responsibleInstitutionId: await institutionId(c.t, 'MINNA'),
      indicator: 'Indicador de prueba',
      unit: 'eventos',
      target: 10,
    });
  },
  'updateActionPlanAction: change a target': async (c) =>
    api(c.t, c.s, 'PATCH', `/api/action-plan/actions/${await actionOf(c.t, 'MINNA')}`, { target: 10 + c.n }),
  'updateActionPlanProgress: an action PNPTU is responsible for': (c) => progress(c, 'PNPTU'),
  'updateActionPlanProgress: an action of MTESS (another institution)': (c) => progress(c, 'MTESS'),
};
