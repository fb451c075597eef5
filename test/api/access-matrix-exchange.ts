/**
 * The standards-exchange rows of the access matrix (access-matrix.test.ts): pseudonymised exports
 * for heads of unit and prosecutors, CTDC imports for analysts and system administrators, the
 * imported global data for every role that works with data (not the DPO).
 */
import crypto from 'node:crypto';
import { api } from '../helpers/factories.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import type { Cell, Runners } from './access-matrix-kit.js';

/** A two-record CTDC file in the 2020 layout. */
export const SMALL_CTDC =
  'yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour,isSexualExploit,CountryOfExploitation\n' +
  '2016,Female,18--20,PY,0,1,AR\n2017,Male,-99,BR,1,0,-99\n';

// prettier-ignore
export const EXCHANGE_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'exportHtcds: the cases of the own institution':                        '403  403  403  200  200  403  403',
  'exportCtdc: the cases of the own institution, 2024 layout':            '403  403  403  200  200  403  403',
  'importCtdc: a small valid CTDC file':                                  '201  403  403  403  403  201  403',
  'listCtdcImports: every import':                                        '200  200  200  200  200  200  403',
  'getCtdcImportCounts: an existing import':                              '200  200  200  200  200  200  403',
  'getCtdcImportCounts: an unknown import':                               '404  404  404  404  404  404  403',
} as const;

async function withVictim(c: Cell): Promise<void> {
  const caseId = await insertCase(c.t, 'PNPTU');
  await insertLinkedPerson(c.t, caseId, 'PNPTU');
}

export const EXCHANGE_RUN: Runners<typeof EXCHANGE_MATRIX> = {
  'exportHtcds: the cases of the own institution': async (c) => {
    await withVictim(c);
    return api(c.t, c.s, 'GET', '/api/exports/htcds');
  },
  'exportCtdc: the cases of the own institution, 2024 layout': async (c) => {
    await withVictim(c);
    return api(c.t, c.s, 'GET', '/api/exports/ctdc?format=synthetic2024');
  },
  'importCtdc: a small valid CTDC file': (c) =>
    api(c.t, c.s, 'POST', `/api/ctdc-imports?label=matrix-${c.n}`, { csv: SMALL_CTDC }),
  'listCtdcImports: every import': (c) => api(c.t, c.s, 'GET', '/api/ctdc-imports'),
  'getCtdcImportCounts: an existing import': async (c) => {
    const created = await api(c.t, c.root, 'POST', '/api/ctdc-imports', { csv: SMALL_CTDC });
    return api(c.t, c.s, 'GET', `/api/ctdc-imports/${created.json().id}/counts`);
  },
  'getCtdcImportCounts: an unknown import': (c) =>
    api(c.t, c.s, 'GET', `/api/ctdc-imports/${crypto.randomUUID()}/counts`),
};
