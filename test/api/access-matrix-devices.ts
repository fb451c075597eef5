/**
 * The offline-device rows of the access matrix (access-matrix.test.ts): the case roles register
 * devices; everyone lists their own; supervisors and administrators list and revoke their
 * institution's; the device key goes only to the device's own user (a colleague's device is hidden).
 */
import { api, userWithSession } from '../helpers/factories.js';
import type { Cell, Runners } from './access-matrix-kit.js';

// prettier-ignore
export const DEVICES_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'registerDevice: this device, for offline work':                        '403  403  201  201  201  403  403',
  'listDevices: own devices':                                             '200  200  200  200  200  403  403',
  'listDevices: every device of the own institution':                     '200  200  403  200  403  403  403',
  'revokeDevice: a colleague’s device in PNPTU (own institution)':        '200  200  404  200  404  403  403',
  'getDeviceKey: a colleague’s device (hidden)':                          '403  403  404  404  404  403  403',
  'submitIntake: a whole intake (new person, case, screening, event)':    '403  403  201  201  201  403  403',
  'getIntakeDraftKeys: the own keys for the intake draft on the device':  '403  403  200  200  200  403  403',
} as const;

/** A device registered by a fresh case worker of PNPTU: its id and secret. */
async function colleaguesDevice(c: Cell): Promise<{ id: string; secret: string }> {
  const colleague = await userWithSession(c.t, { role: 'case_worker', institution: 'PNPTU' });
  const res = await api(c.t, colleague, 'POST', '/api/devices', { name: `Teléfono ${c.n}` });
  if (res.statusCode !== 201) throw new Error(`registerDevice: ${res.statusCode} ${res.body}`);
  return { id: res.json().device.id, secret: res.json().secret };
}

export const DEVICES_RUN: Runners<typeof DEVICES_MATRIX> = {
  'registerDevice: this device, for offline work': (c) =>
    api(c.t, c.s, 'POST', '/api/devices', { name: `Tableta ${c.n}` }),
  'listDevices: own devices': (c) => api(c.t, c.s, 'GET', '/api/devices'),
  'listDevices: every device of the own institution': (c) =>
    api(c.t, c.s, 'GET', '/api/devices?scope=institution'),
  'revokeDevice: a colleague’s device in PNPTU (own institution)': async (c) =>
    api(c.t, c.s, 'POST', `/api/devices/${(await colleaguesDevice(c)).id}/revocation`),
  'getDeviceKey: a colleague’s device (hidden)': async (c) => {
    const device = await colleaguesDevice(c);
    return api(c.t, c.s, 'POST', `/api/devices/${device.id}/key`, { secret: device.secret });
  },
  'submitIntake: a whole intake (new person, case, screening, event)': (c) =>
    api(c.t, c.s, 'POST', '/api/intakes', {
      person: { givenNames: `Ingreso ${c.n}`, firstSurname: 'Sintética', confirmNotDuplicate: true },
      case: { detectionMethod: 'Hotline', detectedOn: '2026-03-14' },
      screening: { instrumentVersion: 1, factsDate: '2026-03-10', answers: { 'act.recruitment': 'yes' } },
      events: [{ type: 'Recruitment', country: 'PY' }],
    }),
  'getIntakeDraftKeys: the own keys for the intake draft on the device': (c) =>
    api(c.t, c.s, 'GET', '/api/intakes/draft-keys'),
};
