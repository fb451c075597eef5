/** Unauthenticated account flows: first-run set-up and one-time password links. */

import { defineContract } from '../contract.js';
import { SetPasswordRequest, SetPasswordResponse, SetupRequest, SetupResponse, SetupStatus } from '../api.js';

export const getSetupStatus = defineContract({
  operationId: 'getSetupStatus',
  method: 'GET',
  path: '/api/setup',
  summary: 'Whether the first system administrator still has to be created',
  tags: ['setup'],
  auth: 'public',
  response: SetupStatus,
});

export const completeSetup = defineContract({
  operationId: 'completeSetup',
  method: 'POST',
  path: '/api/setup',
  summary: 'Create the first system administrator with the one-time set-up token printed at first start',
  tags: ['setup'],
  auth: 'public',
  body: SetupRequest,
  response: SetupResponse,
  status: 201,
});

export const setPasswordWithToken = defineContract({
  operationId: 'setPasswordWithToken',
  method: 'POST',
  path: '/api/account/password',
  summary: 'Set a password with a one-time activation or reset link',
  tags: ['setup'],
  auth: 'public',
  body: SetPasswordRequest,
  response: SetPasswordResponse,
});
