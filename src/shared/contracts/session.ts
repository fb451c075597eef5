/** Signing in and out, the current session, preferences and optional TOTP enrolment. */

import { defineContract } from '../contract.js';
import {
  LoginRequest,
  LoginResult,
  PreferencesRequest,
  SessionProbe,
  SessionView,
  TotpConfirmRequest,
  TotpEnrolment,
} from '../api.js';

export const login = defineContract({
  operationId: 'login',
  method: 'POST',
  path: '/api/auth/login',
  summary: 'Sign in with username, password and (when enrolled or required) a TOTP code',
  tags: ['session'],
  auth: 'public',
  body: LoginRequest,
  response: LoginResult,
});

export const logout = defineContract({
  operationId: 'logout',
  method: 'POST',
  path: '/api/auth/logout',
  summary: 'End this session',
  tags: ['session'],
  response: null,
});

export const logoutEverywhere = defineContract({
  operationId: 'logoutEverywhere',
  method: 'POST',
  path: '/api/auth/logout-everywhere',
  summary: 'End every session of the current user, on every device',
  tags: ['session'],
  response: null,
});

export const getSession = defineContract({
  operationId: 'getSession',
  method: 'GET',
  path: '/api/session',
  summary: 'The signed-in user, what they may do, and the CSRF token for writes',
  tags: ['session'],
  response: SessionView,
});

export const probeSession = defineContract({
  operationId: 'probeSession',
  method: 'GET',
  path: '/api/session/probe',
  summary:
    'Whether the browser is signed in, with the session when it is: 200 either way (the app asks it at start, before sign-in)',
  tags: ['session'],
  auth: 'public',
  response: SessionProbe,
});

export const updatePreferences = defineContract({
  operationId: 'updatePreferences',
  method: 'PATCH',
  path: '/api/session/preferences',
  summary: 'Remember the user’s interface language',
  tags: ['session'],
  body: PreferencesRequest,
  response: SessionView,
});

export const enrollTotp = defineContract({
  operationId: 'enrollTotp',
  method: 'POST',
  path: '/api/session/totp',
  summary: 'Start two-factor enrolment: returns a new TOTP secret to add to an authenticator app',
  tags: ['session'],
  response: TotpEnrolment,
});

export const confirmTotp = defineContract({
  operationId: 'confirmTotp',
  method: 'POST',
  path: '/api/session/totp/confirm',
  summary: 'Finish two-factor enrolment with a code from the authenticator app',
  tags: ['session'],
  body: TotpConfirmRequest,
  response: SessionView,
});
