/**
 * The session probe the web app asks at start: 200 whether signed in or not (no failed request in
 * the console before sign-in), with the session only for a valid cookie.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, userWithSession } from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('session probe', () => {
  const t = useTestContext();

  it('answers 200 signed out, with an unknown cookie, and signed in', async () => {
    const anonymous = await api(t, null, 'GET', '/api/session/probe');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ signedIn: false, session: null });

    const stale = await api(t, null, 'GET', '/api/session/probe', undefined, { cookie: 'nanduti_session=x' });
    expect(stale.statusCode).toBe(200);
    expect(stale.json().signedIn).toBe(false);

    const session = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const signedIn = await api(t, session, 'GET', '/api/session/probe');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({
      signedIn: true,
      session: { user: { id: session.user.id }, csrfToken: session.csrf },
    });
  });
});
