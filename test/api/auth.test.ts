/**
 * Signing in and staying signed in: password + TOTP, replay, lockout, client rate limit, the session
 * cookie, CSRF, idle and absolute timeouts, logout (here and everywhere), disabled accounts, and the
 * permissions the server computes for the web app.
 */
import crypto from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CLIENT_MAX_FAILURES, LOCKOUT_THRESHOLD } from '../../src/server/modules/auth/auth.service.js';
import { currentStep, totpAt } from '../../src/server/modules/auth/totp.js';
import { skipBackend } from '../helpers/db.js';
import {
  api,
  appWithConfig,
  auditOf,
  buildUser,
  countRows,
  login,
  rowCount,
  sessionFromLogin,
  signIn,
  TEST_PASSWORD,
  userWithSession,
  type Session,
} from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('authentication and sessions', () => {
  const t = useTestContext();

  const exec = <R>(query: RawBuilder<R>) => t.services.db.transaction((trx) => query.execute(trx));
  const setSession = (s: Session, lastSeen: Date, expires = new Date(Date.now() + 3600_000)) =>
    exec(
      sql`update sessions set last_seen_at = ${lastSeen}, expires_at = ${expires} where user_id = ${s.user.id}`,
    );
  const sessionCount = async (userId: string) =>
    (await exec(sql`select id from sessions where user_id = ${userId}`)).rows.length;

  it('signs an administrator in with password, then asks for and accepts the TOTP code', async () => {
    const admin = await buildUser(t, { role: 'institution_admin' });
    const first = await login(t, admin, { totp: undefined });
    // A challenge, not a failure: 200 with the factor to ask for, and no session.
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ secondFactor: 'totp' });
    expect(first.headers['set-cookie']).toBeUndefined();
    const second = await login(t, admin);
    expect(second.statusCode).toBe(200);
    expect(second.json().user).toMatchObject({ id: admin.id, role: 'institution_admin', totpEnabled: true });
    const session = await api(t, sessionFromLogin(admin, second), 'GET', '/api/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().csrfToken).toBe(second.json().csrfToken);
  });

  it('refuses a TOTP code used once already, and a wrong one', async () => {
    const admin = await buildUser(t, { role: 'system_admin', institution: 'MESA' });
    const code = totpAt(admin.totpSecret!, currentStep());
    expect((await login(t, admin, { totp: code })).statusCode).toBe(200);
    const replay = await login(t, admin, { totp: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_totp');
    const wrong = await login(t, admin, { totp: code === '000000' ? '111111' : '000000' });
    expect(wrong.json().error.code).toBe('invalid_totp');
    const stale = await login(t, admin, { totp: totpAt(admin.totpSecret!, currentStep() - 3) });
    expect(stale.json().error.code).toBe('invalid_totp');
  });

  it('answers a wrong password and an unknown user the same way, and audits both', async () => {
    const user = await buildUser(t);
    const wrong = await login(t, user, { password: 'not the password at all' });
    const unknown = await login(t, { ...user, username: 'nobody-here' }, {});
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json().error).toEqual({
      code: 'invalid_credentials',
      message: 'Usuario o contraseña incorrectos.',
    });
    expect((await auditOf(t, user.id, 'failure')).map((r) => r.action)).toEqual(['auth.login']);
  });

  it(`locks the account after ${LOCKOUT_THRESHOLD} failures, refusing even the right password`, async () => {
    const user = await buildUser(t);
    const statuses: number[] = [];
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++)
      statuses.push((await login(t, user, { password: `wrong ${i}` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    const locked = await login(t, user);
    expect(locked.statusCode).toBe(423);
    const { code, message } = locked.json().error;
    expect(code).toBe('account_locked');
    expect(message).toMatch(/bloqueada .* durante \d+ min \(hasta las \d\d:\d\d, hora de Paraguay\)/);
    expect(message).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect((await login(t, user, {}, { 'accept-language': 'en' })).json().error.message).toMatch(
      /locked .* \(until \d\d:\d\d, Paraguay time\)/,
    );
    expect((await auditOf(t, user.id, 'denied')).map((r) => r.action)).toContain('auth.lockout');
    // When the lock expires, the right password works again.
    await exec(sql`update users set locked_until = ${new Date(Date.now() - 1000)} where id = ${user.id}`);
    expect((await login(t, user)).statusCode).toBe(200);
  });

  /** The failures that throttle `ip` (as many as the throttle allows, on made-up names). */
  const throttle = (ip: string) => {
    const clientKey = t.services.crypto.blindIndex(ip, 'client_ip');
    return t.services.db.transaction((trx) =>
      trx
        .insertInto('login_attempts')
        .values(
          Array.from({ length: CLIENT_MAX_FAILURES }, (_, i) => ({
            username_key: `${ip}-${i}`,
            client_key: clientKey,
            at: new Date(),
            success: false,
          })),
        )
        .execute(),
    );
  };

  it('slows down a client after many failures, whatever the account', async () => {
    const user = await buildUser(t);
    const from = (ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        payload: { username: user.username, password: TEST_PASSWORD },
      });
    await throttle('10.9.8.7');
    const limited = await from('10.9.8.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('too_many_attempts');
    expect((await from('10.9.8.8')).statusCode).toBe(200);
  });

  it('lets past a throttled address only a browser that signed in to that account before', async () => {
    const [user, colleague] = [await buildUser(t), await buildUser(t)];
    const ip = '10.9.7.7';
    const attempt = (who: { username: string }, cookie?: string, password = TEST_PASSWORD) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        headers: cookie ? { cookie } : {},
        payload: { username: who.username, password },
      });
    const first = await attempt(user);
    expect(first.statusCode).toBe(200);
    const device = [first.headers['set-cookie']]
      .flat()
      .map(String)
      .find((c) => c.startsWith('nanduti_device='))!;
    // Scoped to the sign-in routes, unreadable by scripts; it names no one (a day and a keyed MAC).
    expect(device).toMatch(
      /^nanduti_device=[0-9a-z]{1,10}\.[\w-]{43}; Max-Age=7776000; Path=\/api\/auth; HttpOnly; SameSite=Strict$/,
    );
    expect(device).not.toContain(user.id);
    const cookie = device.split(';')[0]!;
    await throttle(ip);
    expect((await attempt(user)).statusCode).toBe(429);
    expect((await attempt(colleague)).statusCode).toBe(429);
    // Another account's device cookie, or a forged one, is no pass.
    expect((await attempt(colleague, cookie)).statusCode).toBe(429);
    const [issued, mac] = cookie.slice('nanduti_device='.length).split('.') as [string, string];
    const forged = `nanduti_device=${issued}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`;
    expect((await attempt(user, forged)).statusCode).toBe(429);
    const old = Math.floor(Date.now() / 1000 - 91 * 86_400).toString(36);
    expect(
      (
        await attempt(
          user,
          `nanduti_device=${old}.${t.services.crypto.blindIndex(`${user.id}:${old}`, 'device_cookie')}`,
        )
      ).statusCode,
    ).toBe(429);
    // The account's own browser signs in; a wrong password from it still counts towards the lockout.
    expect((await attempt(user, cookie, 'not the password at all')).statusCode).toBe(401);
    expect((await attempt(user, cookie)).statusCode).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Strict cookie, Secure only behind a trusted TLS proxy', async () => {
    const user = await buildUser(t);
    const sessionCookie = (res: { headers: Record<string, unknown> }) =>
      [res.headers['set-cookie']]
        .flat()
        .map(String)
        .find((c) => c.startsWith('nanduti_session='));
    const plain = sessionCookie(await login(t, user));
    expect(plain).toMatch(
      /^nanduti_session=[\w-]{40,}; Max-Age=(4319\d|43200); Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const spoofed = String(sessionCookie(await login(t, user, {}, { 'x-forwarded-proto': 'https' })));
    expect(spoofed).not.toContain('Secure');
    const proxied = await appWithConfig(t, { trustProxy: ['127.0.0.1'] });
    try {
      const res = await login(proxied, user, {}, { 'x-forwarded-proto': 'https' });
      expect(res.statusCode).toBe(200);
      const secure = String(sessionCookie(res));
      expect(secure.split('; ')).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Secure']));
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a write without the session’s CSRF token, and changes nothing', async () => {
    const s = await userWithSession(t);
    const other = await userWithSession(t);
    const auditBefore = await countRows(t, 'audit_events');
    for (const token of [undefined, '', 'forged', other.csrf, s.csrf.slice(0, -1)]) {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/session/preferences',
        headers: {
          cookie: s.cookie,
          'content-type': 'application/json',
          ...(token !== undefined ? { 'x-csrf-token': token } : {}),
        },
        payload: { locale: 'en' },
      });
      expect({ token, status: res.statusCode, code: res.json().error.code }).toEqual({
        token,
        status: 403,
        code: 'csrf_failed',
      });
    }
    expect((await api(t, s, 'GET', '/api/session')).json().user.locale).toBe('es');
    expect(await countRows(t, 'audit_events')).toBe(auditBefore);
    expect((await api(t, s, 'PATCH', '/api/session/preferences', { locale: 'en' })).statusCode).toBe(200);
  });

  it('refuses every cookie-authenticated write without the CSRF token, persons and cases included', async () => {
    const s = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const writes = t.services.routes.filter((r) => r.auth === 'session' && r.method !== 'GET');
    expect(writes.map((r) => r.operationId)).toEqual(
      expect.arrayContaining(['createPerson', 'updatePerson', 'createCase', 'submitScreening']),
    );
    const counts = async () =>
      Promise.all((['audit_events', 'persons', 'cases', 'case_persons'] as const).map((x) => rowCount(t, x)));
    const before = await counts();
    for (const r of writes) {
      const res = await t.app.inject({
        method: r.method,
        url: r.path.replace(/\{\w+\}/g, crypto.randomUUID()),
        headers: { cookie: s.cookie, 'content-type': 'application/json' },
        payload: r.operationId === 'createPerson' ? { givenNames: 'Rosa', confirmNotDuplicate: true } : {},
      });
      expect({ op: r.operationId, status: res.statusCode, code: res.json().error.code }).toEqual({
        op: r.operationId,
        status: 403,
        code: 'csrf_failed',
      });
    }
    expect(await counts()).toEqual(before);
  });

  it('ends a session idle for longer than the idle timeout, and keeps an active one alive', async () => {
    const idleMinutes = t.services.config.sessionIdleMinutes;
    const active = await userWithSession(t);
    await setSession(active, new Date(Date.now() - (idleMinutes - 5) * 60_000));
    expect((await api(t, active, 'GET', '/api/session')).statusCode).toBe(200);
    const seen = (
      await exec(sql<{ at: Date }>`select last_seen_at as at from sessions where user_id = ${active.user.id}`)
    ).rows[0]!;
    expect(Date.now() - new Date(seen.at).getTime()).toBeLessThan(60_000);

    const idle = await userWithSession(t);
    await setSession(idle, new Date(Date.now() - (idleMinutes + 1) * 60_000));
    const res = await api(t, idle, 'GET', '/api/session');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
    expect(String(res.headers['set-cookie'])).toContain('Max-Age=0');
    expect(await sessionCount(idle.user.id)).toBe(0);
  });

  it('ends a session at its absolute expiry even while in use', async () => {
    const s = await userWithSession(t);
    await setSession(s, new Date(), new Date(Date.now() - 1000));
    expect((await api(t, s, 'GET', '/api/session')).statusCode).toBe(401);
    expect(await sessionCount(s.user.id)).toBe(0);
  });

  it('answers a malformed session cookie with 401, never a server error, and changes nothing', async () => {
    const before = await countRows(t, 'audit_events');
    for (const cookie of [
      'nanduti_session=%',
      'nanduti_session=%E0%A4%A',
      'nanduti_session=%; other=%%',
      '=%; nanduti_session',
      'nanduti_session="%"',
    ]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
      expect({ cookie, status: res.statusCode, code: res.json().error.code }).toEqual({
        cookie,
        status: 401,
        code: 'unauthenticated',
      });
    }
    const open = await t.app.inject({
      method: 'GET',
      url: '/api/setup',
      headers: { cookie: 'nanduti_session=%' },
    });
    expect(open.statusCode).toBe(200);
    expect(await countRows(t, 'audit_events')).toBe(before);
  });

  it('logs out this session only', async () => {
    const user = await buildUser(t);
    const a = await signIn(t, user);
    const b = await signIn(t, user);
    const res = await api(t, a, 'POST', '/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/^nanduti_session=; Max-Age=0;/);
    expect((await api(t, a, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await api(t, b, 'GET', '/api/session')).statusCode).toBe(200);
  });

  it('logs out everywhere: every session of the user, no one else’s', async () => {
    const user = await buildUser(t);
    const sessions = [await signIn(t, user), await signIn(t, user), await signIn(t, user)];
    const bystander = await userWithSession(t);
    expect((await api(t, sessions[0]!, 'POST', '/api/auth/logout-everywhere')).statusCode).toBe(204);
    for (const s of sessions) expect((await api(t, s, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await api(t, bystander, 'GET', '/api/session')).statusCode).toBe(200);
    const audit = await auditOf(t, user.id, 'success');
    expect(audit.at(-1)).toMatchObject({ action: 'auth.logoutEverywhere', changed_fields: ['sessions:3'] });
  });

  it('stops a disabled user’s sessions and sign-ins', async () => {
    const admin = await userWithSession(t, { role: 'system_admin', institution: 'MESA' });
    const byApi = await userWithSession(t);
    const res = await api(t, admin, 'PATCH', `/api/users/${byApi.user.id}`, { status: 'disabled' });
    expect(res.json()).toMatchObject({ status: 'disabled' });
    expect((await api(t, byApi, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await login(t, byApi.user)).json().error.code).toBe('invalid_credentials');

    // Even a session row left behind stops working once the account is disabled.
    const inDb = await userWithSession(t);
    await exec(sql`update users set status = 'disabled' where id = ${inDb.user.id}`);
    expect((await api(t, inDb, 'GET', '/api/session')).statusCode).toBe(401);
  });

  it('sends the permissions the server computed for the role', async () => {
    const permissionsOf = async (role: Parameters<typeof userWithSession>[1]) =>
      (await api(t, await userWithSession(t, role), 'GET', '/api/session')).json().permissions as string[];
    expect(await permissionsOf({ role: 'dpo', institution: 'MESA' })).toEqual([
      'institution.list',
      'audit.list',
      'audit.verify',
      'audit.checkpoint',
      'audit.proof',
      'notification.list',
      'notification.markRead',
      'instrument.read',
      'decisionPolicy.read',
      'legalProvision.list',
      'privacy.readRetention',
      'privacy.updateRetention',
      'privacy.hold',
      'privacy.erase',
      'privacy.oversee',
      'privacy.accessReport',
    ]);
    const prosecutor = await permissionsOf({ role: 'prosecutor' });
    expect(prosecutor).toEqual(
      expect.arrayContaining([
        'investigation.create',
        'investigation.prosecute',
        'investigation.complicityRegister',
      ]),
    );
    const worker = await permissionsOf({ role: 'case_worker' });
    expect(worker).toEqual(
      expect.arrayContaining(['case.create', 'case.read', 'person.search', 'case.screen']),
    );
    expect(worker).not.toEqual(expect.arrayContaining(['user.list']));
    expect(worker.some((p) => p.startsWith('audit.') || p.startsWith('user.'))).toBe(false);
    // Investigators read and record operations; they neither prosecute nor see the complicity register.
    expect(worker.filter((p) => p.startsWith('investigation.'))).toEqual([
      'investigation.list',
      'investigation.read',
      'investigation.recordOperation',
    ]);
    const system = await permissionsOf({ role: 'system_admin', institution: 'MESA' });
    expect(system).toEqual(
      expect.arrayContaining(['institution.create', 'user.create', 'user.list', 'instrument.edit']),
    );
    expect(
      system.some((p) => p.startsWith('case.') || p.startsWith('person.') || p.startsWith('investigation.')),
    ).toBe(false);
    // The system administrator reads the audit log's signed checkpoints and proofs, never its entries.
    expect(system.filter((p) => p.startsWith('audit.'))).toEqual(['audit.checkpoint', 'audit.proof']);
    // Standards exchange: exports for heads of unit and prosecutors, imports for analysts and admins.
    const exchange = async (role: Parameters<typeof userWithSession>[1]) =>
      (await permissionsOf(role)).filter((p) => p.startsWith('exchange.'));
    expect(system.filter((p) => p.startsWith('exchange.'))).toEqual(['exchange.import', 'exchange.read']);
    expect(await exchange({ role: 'analyst' })).toEqual(['exchange.import', 'exchange.read']);
    expect(await exchange({ role: 'supervisor' })).toEqual(['exchange.export', 'exchange.read']);
    expect(worker.filter((p) => p.startsWith('exchange.'))).toEqual(['exchange.read']);
    // Prevention: institutions record their own work, hotline staff are case roles, the Mesa's
    // administrators edit the action plan.
    expect(worker).toEqual(
      expect.arrayContaining([
        'training.record',
        'campaign.record',
        'hotline.record',
        'actionPlan.reportProgress',
      ]),
    );
    expect(worker).not.toContain('actionPlan.edit');
    expect(system).toEqual(expect.arrayContaining(['training.list', 'actionPlan.read', 'actionPlan.edit']));
    expect(system.some((p) => p.startsWith('hotline.') || p === 'training.record')).toBe(false);
    const policeAdmin = await permissionsOf({ role: 'institution_admin', institution: 'PNPTU' });
    expect(policeAdmin).toEqual(expect.arrayContaining(['training.record', 'campaign.record']));
    expect(policeAdmin.some((p) => p.startsWith('hotline.') || p === 'actionPlan.edit')).toBe(false);
    const mesaAdmin = await permissionsOf({ role: 'institution_admin', institution: 'MESA' });
    expect(mesaAdmin).toContain('actionPlan.edit');
    const analyst = await permissionsOf({ role: 'analyst' });
    expect(analyst).toEqual(expect.arrayContaining(['training.list', 'campaign.list', 'actionPlan.read']));
    expect(analyst.some((p) => p.startsWith('hotline.') || p.endsWith('.record'))).toBe(false);
    // Statistics: analysts read figures and the report, publish the open data's releases and set
    // their calendar, never records (no drill-down).
    expect(analyst.filter((p) => p.startsWith('statistics.'))).toEqual([
      'statistics.read',
      'statistics.report',
      'statistics.publish',
      'statistics.calendar',
    ]);
    expect(analyst.some((p) => p.startsWith('case.') || p.startsWith('person.'))).toBe(false);
    const supervisor = await permissionsOf({ role: 'supervisor' });
    expect(supervisor.filter((p) => p.startsWith('statistics.'))).toEqual([
      'statistics.read',
      'statistics.report',
      'statistics.drill',
    ]);
  });

  it('enrols a case worker in TOTP: other sessions end, sign-in then needs the code', async () => {
    const user = await buildUser(t);
    const s = await signIn(t, user);
    const elsewhere = await signIn(t, user);
    const enrol = await api(t, s, 'POST', '/api/session/totp');
    expect(enrol.statusCode).toBe(200);
    const { totpSecret, otpauthUri } = enrol.json();
    expect(otpauthUri).toContain(`secret=${totpSecret}`);
    const code = totpAt(totpSecret, currentStep());
    expect(
      (
        await api(t, s, 'POST', '/api/session/totp/confirm', {
          code: code === '000000' ? '111111' : '000000',
        })
      ).statusCode,
    ).toBe(400);
    const confirmed = await api(t, s, 'POST', '/api/session/totp/confirm', { code });
    expect(confirmed.json().user.totpEnabled).toBe(true);
    expect((await api(t, s, 'GET', '/api/session')).statusCode).toBe(200);
    expect((await api(t, elsewhere, 'GET', '/api/session')).statusCode).toBe(401);
    const withTotp = { ...user, totpSecret };
    expect((await login(t, withTotp, { totp: undefined })).json()).toEqual({ secondFactor: 'totp' });
    // The code used to confirm cannot be replayed to sign in.
    expect((await login(t, withTotp, { totp: code })).json().error.code).toBe('invalid_totp');
  });
});
