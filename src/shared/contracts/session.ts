/** Signing in and out, the current session, preferences and optional TOTP enrolment. */

import { defineOperations } from '../contract.js';
import * as api from '../api.js';

const session = defineOperations({ tags: ['session'] });

export const login = session.post('login', '/api/auth/login', {
  summary: 'Sign in with username, password and (when enrolled or required) a TOTP code',
  auth: 'public',
  body: api.LoginRequest,
  response: api.LoginResult,
});

export const logout = session.post('logout', '/api/auth/logout', {
  summary: 'End this session',
  response: null,
});

export const logoutEverywhere = session.post('logoutEverywhere', '/api/auth/logout-everywhere', {
  summary: 'End every session of the current user, on every device',
  response: null,
});

export const getSession = session.get('getSession', '/api/session', {
  summary: 'The signed-in user, what they may do, and the CSRF token for writes',
  response: api.SessionView,
});

export const probeSession = session.get('probeSession', '/api/session/probe', {
  summary:
    'Whether the browser is signed in, with the session when it is: 200 either way (the app asks it at start, before sign-in)',
  auth: 'public',
  response: api.SessionProbe,
});

export const updatePreferences = session.patch('updatePreferences', '/api/session/preferences', {
  summary: 'Remember the user’s interface language',
  body: api.PreferencesRequest,
  response: api.SessionView,
});

export const enrollTotp = session.post('enrollTotp', '/api/session/totp', {
  summary: 'Start two-factor enrolment: returns a new TOTP secret to add to an authenticator app',
  response: api.TotpEnrolment,
});

export const confirmTotp = session.post('confirmTotp', '/api/session/totp/confirm', {
  summary: 'Finish two-factor enrolment with a code from the authenticator app',
  body: api.TotpConfirmRequest,
  response: api.SessionView,
});
