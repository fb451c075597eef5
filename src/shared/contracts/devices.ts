/** Offline devices: register, list, revoke, and release the device key to its own session (docs/OFFLINE.md). */
import { defineOperations } from '../contract.js';
import * as api from '../api-devices.js';

const devices = defineOperations({ tags: ['devices'], purpose: 'administration' });

export const registerDevice = devices.create('registerDevice', '/api/devices', {
  summary: 'Register this device for offline work: its secret and device key, shown once',
  action: 'device.register',
  body: api.RegisterDeviceRequest,
  response: api.RegisterDeviceResponse,
});

export const listDevices = devices.get('listDevices', '/api/devices', {
  summary: 'Own devices, or (supervisors and administrators) every device of the institution',
  action: 'device.list',
  query: api.ListDevicesQuery,
  response: api.DeviceList,
});

export const revokeDevice = devices.post('revokeDevice', '/api/devices/{id}/revocation', {
  summary: 'Revoke a device: it wipes its offline data at its next start or contact',
  action: 'device.revoke',
  response: api.DeviceView,
});

export const getDeviceKey = devices.post('getDeviceKey', '/api/devices/{id}/key', {
  summary: 'The device key, for its own user signed in on that device (410 when revoked or expired: wipe)',
  action: 'device.unlock',
  body: api.UnlockDeviceRequest,
  response: api.UnlockDeviceResponse,
});

export const submitIntake = devices.create('submitIntake', '/api/intakes', {
  purpose: 'case_management',
  summary:
    'A whole intake in one transaction (person or an existing person, case, screening, events, ' +
    'decision): what the intake wizard sends when confirmed and the offline app at sync, under one Idempotency-Key',
  action: 'case.create',
  body: api.SubmitIntakeRequest,
  response: api.SubmitIntakeResponse,
});

export const getIntakeDraftKeys = devices.get('getIntakeDraftKeys', '/api/intakes/draft-keys', {
  purpose: 'case_management',
  summary:
    'The signed-in user’s keys for the intake draft kept encrypted on the device (today’s and ' +
    'yesterday’s window; older drafts become unreadable)',
  action: 'case.create',
  response: api.IntakeDraftKeys,
});
