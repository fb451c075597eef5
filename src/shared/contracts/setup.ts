/** Unauthenticated account flows: first-run set-up and one-time password links. */

import { defineOperations } from '../contract.js';
import * as api from '../api.js';

const setup = defineOperations({ tags: ['setup'] });

export const getSetupStatus = setup.get('getSetupStatus', '/api/setup', {
  summary: 'Whether the first system administrator still has to be created',
  auth: 'public',
  response: api.SetupStatus,
});

export const completeSetup = setup.create('completeSetup', '/api/setup', {
  summary: 'Create the first system administrator with the one-time set-up token printed at first start',
  auth: 'public',
  body: api.SetupRequest,
  response: api.SetupResponse,
});

export const setPasswordWithToken = setup.post('setPasswordWithToken', '/api/account/password', {
  summary: 'Set a password with a one-time activation or reset link',
  auth: 'public',
  body: api.SetPasswordRequest,
  response: api.SetPasswordResponse,
});
