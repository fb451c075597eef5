/**
 * The daily-path rows of the access matrix (access-matrix.test.ts): directory administration (edit,
 * deactivate, import) and, below, follow-up tasks and the one-step intake.
 *
 * The directory holds no personal data, so another institution's provider is visible and a refusal
 * to change it is 403, not 404.
 */
import { api } from '../helpers/factories.js';
import { insertProvider } from './protection-fixtures.js';
import { insertCase } from './screening-fixtures.js';
import { institutionId } from '../helpers/factories.js';
import type { TestContext } from '../helpers/db.js';
import type { AuditedAs, Cell, Runners } from './access-matrix-kit.js';

const insertTask = async (t: TestContext, institution: string) => {
  const instId = await institutionId(t, institution);
  const caseId = await insertCase(t, institution);
  return t.services.db.transaction(async (trx) => {
    const row = await trx
      .insertInto('tasks')
      .values({
        case_id: caseId,
        institution_id: instId,
        kind: 'referral_overdue',
        due_on: '2026-01-05',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
};
const newTask = async (c: Cell, institution: string) =>
  api(c.t, c.s, 'POST', '/api/tasks', {
    caseId: await insertCase(c.t, institution),
    title: `Tarea ${c.n}`,
    dueOn: '2026-12-20',
  });

// prettier-ignore
export const DAILY_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'updateServiceProvider: rename a provider of PNPTU (own institution)':  '200  200  403  403  403  403  403',
  'updateServiceProvider: deactivate a provider of MINMUJER (another)':   '200  403  403  403  403  403  403',
  'importServiceProviders: dry run of a file with a provider of PNPTU':   '200  200  403  403  403  403  403',
  'probeSession: own session (200 signed in or not)':                     '200  200  200  200  200  200  200',
  'searchCases: by a name (the persons and cases in scope only)':          '403  403  200  200  200  403  403',
  'createTask: in a case of PNPTU (own institution)':                     '403  403  201  201  201  403  403',
  'createTask: in a case of MINNA (hidden)':                              '403  403  404  404  404  403  403',
  'listTasks: my tasks':                                                  '403  200  200  200  200  403  403',
  'listTasks: the plan of a case of MINNA (hidden)':                      '403  404  404  404  404  403  403',
  'updateTask: a task of PNPTU, done':                                    '403  200  200  200  200  403  403',
  'updateTask: a task of MINNA (hidden)':                                 '403  404  404  404  404  403  403',
} as const;

/** Refusals audited as the case action the case door checked. */
export const DAILY_AUDITED_AS: AuditedAs<typeof DAILY_MATRIX> = {
  'createTask: in a case of MINNA (hidden)': 'case.update',
  'listTasks: the plan of a case of MINNA (hidden)': 'case.read',
};

const csv = (n: number) =>
  [
    'institution,name,department,services,departments_covered,capacity,sexes,min_age,max_age,languages,nationalities,hours,contact',
    `PNPTU,Oficina de prueba ${n},PY-ASU,LegalAid,,,,,,es;gn,,Lunes a viernes,oficina@ejemplo.gov.py`,
  ].join('\n');

export const DAILY_RUN: Runners<typeof DAILY_MATRIX> = {
  'probeSession: own session (200 signed in or not)': (c) => api(c.t, c.s, 'GET', '/api/session/probe'),
  'searchCases: by a name (the persons and cases in scope only)': (c) =>
    api(c.t, c.s, 'POST', '/api/cases/search', { q: 'Eustaquia Villalba' }),
  'createTask: in a case of PNPTU (own institution)': (c) => newTask(c, 'PNPTU'),
  'createTask: in a case of MINNA (hidden)': (c) => newTask(c, 'MINNA'),
  'listTasks: my tasks': (c) => api(c.t, c.s, 'GET', '/api/tasks?view=mine'),
  'listTasks: the plan of a case of MINNA (hidden)': async (c) =>
    api(c.t, c.s, 'GET', `/api/tasks?view=case&caseId=${await insertCase(c.t, 'MINNA')}`),
  'updateTask: a task of PNPTU, done': async (c) =>
    api(c.t, c.s, 'PATCH', `/api/tasks/${await insertTask(c.t, 'PNPTU')}`, { status: 'done' }),
  'updateTask: a task of MINNA (hidden)': async (c) =>
    api(c.t, c.s, 'PATCH', `/api/tasks/${await insertTask(c.t, 'MINNA')}`, { status: 'done' }),
  'updateServiceProvider: rename a provider of PNPTU (own institution)': async (c) => {
    const { providerId } = await insertProvider(c.t, { institution: 'PNPTU' });
    return api(c.t, c.s, 'PATCH', `/api/service-providers/${providerId}`, { name: `Renombrado ${c.n}` });
  },
  'updateServiceProvider: deactivate a provider of MINMUJER (another)': async (c) => {
    const { providerId } = await insertProvider(c.t, { institution: 'MINMUJER' });
    return api(c.t, c.s, 'PATCH', `/api/service-providers/${providerId}`, { active: false });
  },
  'importServiceProviders: dry run of a file with a provider of PNPTU': (c) =>
    api(c.t, c.s, 'POST', '/api/service-providers/import', {
      format: 'csv',
      content: csv(c.n),
      dryRun: true,
    }),
};
