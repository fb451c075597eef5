/**
 * Writes only from the app's own origin (src/server/http/security.ts, `sameOriginWrites`): a browser
 * on another site that somehow holds the session's CSRF token still cannot write, and cannot post the
 * public sign-in either; the same request from the app's origin, or from a client that sends no
 * Origin, goes through. Found by the attacker's probe: a valid token from http://evil.example passed.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('writes from another origin', () => {
  const t = useTestContext();
  const [worker] = useSessions(t, { role: 'case_worker', institution: 'PNPTU' });

  const localeOf = async () =>
    (
      await t.services.db.transaction((trx) =>
        trx.selectFrom('users').select('locale').where('id', '=', worker.user.id).executeTakeFirstOrThrow(),
      )
    ).locale;

  it('refuses a write with the session token from another site, changing nothing', async () => {
    const before = await localeOf();
    const target = before === 'gn' ? 'en' : 'gn';
    for (const origin of ['http://evil.example', 'null', 'http://localhost.evil.example']) {
      const res = await api(t, worker, 'PATCH', '/api/session/preferences', { locale: target }, { origin });
      expect({ origin, status: res.statusCode, code: res.json().error.code }).toEqual({
        origin,
        status: 403,
        code: 'csrf_failed',
      });
    }
    expect(await localeOf()).toBe(before);
    const signIn = await api(
      t,
      null,
      'POST',
      '/api/auth/login',
      { username: 'x', password: 'y' },
      {
        origin: 'http://evil.example',
      },
    );
    expect(signIn.statusCode).toBe(403);
    // Reads are not writes: a cross-site GET gets its ordinary answer (and no CORS header to read it).
    const read = await api(t, worker, 'GET', '/api/session', undefined, { origin: 'http://evil.example' });
    expect(read.statusCode).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the same write through from the app’s own origin and from a client without Origin', async () => {
    const publicOrigin = new URL(t.services.config.publicUrl).origin;
    const own = await api(
      t,
      worker,
      'PATCH',
      '/api/session/preferences',
      { locale: 'en' },
      {
        origin: publicOrigin,
      },
    );
    expect(own.statusCode).toBe(200);
    const addressed = await api(
      t,
      worker,
      'PATCH',
      '/api/session/preferences',
      { locale: 'gn' },
      {
        origin: 'http://localhost',
      },
    );
    expect(addressed.statusCode).toBe(200);
    const bare = await api(t, worker, 'PATCH', '/api/session/preferences', { locale: 'es' });
    expect(bare.statusCode).toBe(200);
    expect(await localeOf()).toBe('es');
  });
});
