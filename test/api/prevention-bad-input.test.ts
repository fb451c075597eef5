/**
 * Bad input to the prevention operations: every malformed request gets a 400 that names the field
 * to fix, in the caller's language, and no prevention row changes. The same requests without their
 * fault are accepted, so each refusal is for its fault.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/server/db/schema.js';
import { skipBackend } from '../helpers/db.js';
import { api, institutionId, rowCount } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const TABLES: (keyof DB)[] = [
  'training_events',
  'training_participants',
  'campaigns',
  'hotline_contacts',
  'action_plan_actions',
  'action_plan_progress',
  'cases',
];

const TRAINING = {
  title: 'Seminario de prueba',
  kind: 'Seminar',
  heldOn: '2026-09-01',
  modality: 'virtual',
  topics: ['LegalFramework'],
};
const CAMPAIGN = { title: 'Campaña de prueba', channels: ['Radio'], startsOn: '2026-09-01' };
const CONTACT = { receivedOn: '2026-09-02', channel: 'Phone', topic: 'PossibleTrafficking' };

describe.skipIf(skipBackend)('prevention: bad input', () => {
  const t = useTestContext();
  const [worker, mesa] = useSessions(t, 'case_worker@PNPTU', 'institution_admin@MESA');
  let trainingId: string;
  let actionId: string;
  let objectiveId: string;
  let pnptu: string;
  beforeAll(async () => {
    pnptu = await institutionId(t, 'PNPTU');
    trainingId = (await api(t, worker, 'POST', '/api/prevention/trainings', TRAINING)).json().id;
    const plan = (await api(t, worker, 'GET', '/api/action-plan')).json();
    objectiveId = plan.objectives[0].id;
    actionId = plan.objectives
      .flatMap((o: { actions: { id: string; responsible: { code: string } }[] }) => o.actions)
      .find((a: { responsible: { code: string } }) => a.responsible.code === 'PNPTU').id;
  });

  async function counts() {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = await rowCount(t, table);
    return result;
  }

  type Case = [string, 'POST' | 'PUT' | 'PATCH', () => string, () => unknown, string];
  const action = { code: 'Z.1', title: 'Acción válida', indicator: 'Indicador', unit: 'u', target: 3 };
  const cases: Case[] = [
    [
      'a training without topics',
      'POST',
      () => '/api/prevention/trainings',
      () => ({ ...TRAINING, topics: [] }),
      'body.topics',
    ],
    [
      'a training with an unknown topic',
      'POST',
      () => '/api/prevention/trainings',
      () => ({ ...TRAINING, topics: ['Cooking'] }),
      'body.topics.0',
    ],
    [
      'a training that ends before it starts',
      'POST',
      () => '/api/prevention/trainings',
      () => ({ ...TRAINING, endsOn: '2026-08-01' }),
      'body.endsOn',
    ],
    [
      'a training on 2026-02-30',
      'POST',
      () => '/api/prevention/trainings',
      () => ({ ...TRAINING, heldOn: '2026-02-30' }),
      'body.heldOn',
    ],
    [
      'a training with an unknown field',
      'POST',
      () => '/api/prevention/trainings',
      () => ({ ...TRAINING, participants: 40 }),
      'body',
    ],
    [
      'a title with NUL',
      'POST',
      () => '/api/prevention/trainings',
      () => ({ ...TRAINING, title: 'a\u0000b' }),
      'body.title',
    ],
    [
      'a participant count of 1.5',
      'PUT',
      () => `/api/prevention/trainings/${trainingId}/participants`,
      () => ({ participants: [{ institutionId: null, sex: 'Male', count: 1.5 }] }),
      'body.participants.0.count',
    ],
    [
      'a participant sex outside the grid',
      'PUT',
      () => `/api/prevention/trainings/${trainingId}/participants`,
      () => ({ participants: [{ institutionId: null, sex: 'Intersex', count: 1 }] }),
      'body.participants.0.sex',
    ],
    [
      'a campaign without channels',
      'POST',
      () => '/api/prevention/campaigns',
      () => ({ ...CAMPAIGN, channels: [] }),
      'body.channels',
    ],
    [
      'a negative reach',
      'POST',
      () => '/api/prevention/campaigns',
      () => ({ ...CAMPAIGN, reach: -5 }),
      'body.reach',
    ],
    [
      'a contact with an unknown channel',
      'POST',
      () => '/api/prevention/hotline-contacts',
      () => ({ ...CONTACT, channel: 'Pigeon' }),
      'body.channel',
    ],
    [
      'a report of 5001 characters',
      'POST',
      () => '/api/prevention/hotline-contacts',
      () => ({ ...CONTACT, summary: 'x'.repeat(5001) }),
      'body.summary',
    ],
    [
      'a progress value as text',
      'POST',
      () => `/api/action-plan/actions/${actionId}/progress`,
      () => ({ period: '2026', value: 'many' }),
      'body.value',
    ],
    [
      'a month 13',
      'POST',
      () => `/api/action-plan/actions/${actionId}/progress`,
      () => ({ period: '2026-13', value: 1 }),
      'body.period',
    ],
    [
      'an action without a target',
      'POST',
      () => '/api/action-plan/actions',
      () => ({ ...action, objectiveId, responsibleInstitutionId: pnptu, target: undefined }),
      'body.target',
    ],
    ['an empty action change', 'PATCH', () => `/api/action-plan/actions/${actionId}`, () => ({}), 'body'],
  ];

  it.each(cases)(
    'refuses %s with 400, naming the field, writing nothing',
    async (_, method, url, body, field) => {
      // Plan structure is the Mesa's; everything else is recorded by the police case worker.
      const who = method === 'PATCH' || url() === '/api/action-plan/actions' ? mesa : worker;
      const before = await counts();
      const res = await api(t, who, method, url(), body(), { 'accept-language': 'en' });
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('validation_failed');
      expect(error.message).toBe('Some fields are not valid. Correct the fields shown.');
      expect(error.issues.map((i: { path: string }) => i.path)).toContain(field);
      expect(await counts()).toEqual(before);
    },
  );

  it('refuses unknown objectives and institutions with their own codes, writing nothing', async () => {
    const before = await counts();
    const objective = await api(t, mesa, 'POST', '/api/action-plan/actions', {
      ...action,
      objectiveId: crypto.randomUUID(),
      responsibleInstitutionId: pnptu,
    });
    expect(objective.json().error.code).toBe('unknown_action_plan_objective');
    const institution = await api(t, worker, 'POST', '/api/prevention/trainings', {
      ...TRAINING,
      audienceInstitutionIds: [crypto.randomUUID()],
    });
    expect(institution.json().error.code).toBe('unknown_institution');
    expect(await counts()).toEqual(before);
  });

  it('accepts the same requests without their fault', async () => {
    const ok = [
      await api(t, worker, 'POST', '/api/prevention/trainings', { ...TRAINING, endsOn: '2026-09-02' }),
      await api(t, worker, 'PUT', `/api/prevention/trainings/${trainingId}/participants`, {
        participants: [{ institutionId: null, sex: 'Male', count: 2 }],
      }),
      await api(t, worker, 'POST', '/api/prevention/campaigns', { ...CAMPAIGN, reach: 5 }),
      await api(t, worker, 'POST', '/api/prevention/hotline-contacts', {
        ...CONTACT,
        summary: 'x'.repeat(5000),
      }),
      await api(t, worker, 'POST', `/api/action-plan/actions/${actionId}/progress`, {
        period: '2026-12',
        value: 1,
      }),
      await api(t, mesa, 'POST', '/api/action-plan/actions', {
        ...action,
        objectiveId,
        responsibleInstitutionId: pnptu,
      }),
      await api(t, mesa, 'PATCH', `/api/action-plan/actions/${actionId}`, { target: 700 }),
    ];
    expect(ok.map((r) => r.statusCode)).toEqual([201, 200, 201, 201, 201, 201, 200]);
  });
});
