/**
 * The daily-path rows of the access matrix (access-matrix.test.ts): directory administration (edit,
 * deactivate, import) and, below, follow-up tasks and the one-step intake.
 *
 * The directory holds no personal data, so another institution's provider is visible and a refusal
 * to change it is 403, not 404.
 */
import type { LightMyRequestResponse } from 'fastify';
import { api } from '../helpers/factories.js';
import type { IdentificationCell } from './access-matrix-identification.js';
import { insertProvider } from './protection-fixtures.js';

type Res = LightMyRequestResponse;
type Cell = IdentificationCell;

// prettier-ignore
export const DAILY_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'updateServiceProvider: rename a provider of PNPTU (own institution)':  '200  200  403  403  403  403  403',
  'updateServiceProvider: deactivate a provider of MINMUJER (another)':   '200  403  403  403  403  403  403',
  'importServiceProviders: dry run of a file with a provider of PNPTU':   '200  200  403  403  403  403  403',
  'probeSession: own session (200 signed in or not)':                     '200  200  200  200  200  200  200',
} as const;
type Situation = keyof typeof DAILY_MATRIX;

const csv = (n: number) =>
  [
    'institution,name,department,services,departments_covered,capacity,sexes,min_age,max_age,languages,nationalities,hours,contact',
    `PNPTU,Oficina de prueba ${n},PY-ASU,LegalAid,,,,,,es;gn,,Lunes a viernes,oficina@ejemplo.gov.py`,
  ].join('\n');

export const DAILY_RUN: Record<Situation, (c: Cell) => Promise<Res>> = {
  'probeSession: own session (200 signed in or not)': (c) => api(c.t, c.s, 'GET', '/api/session/probe'),
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
