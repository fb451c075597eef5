/**
 * Accounts without default passwords: the first system administrator through the one-time set-up
 * link, everyone else through activation links, and password resets. The set-up test runs first, on
 * the empty users table of this file's fresh database.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSetupLink } from '../../src/server/modules/setup/accounts.service.js';
import { hashToken } from '../../src/server/modules/auth/sessions.js';
import { currentStep, totpAt } from '../../src/server/modules/auth/totp.js';
import { skipBackend, type TestContext } from '../helpers/db.js';
import {
  api,
  buildUser,
  countRows,
  institutionId,
  login,
  sessionFromLogin,
  signIn,
  tokenOf,
  userWithSession,
  type Session,
  storedRow,
} from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';

const GOOD = 'ñandutí tejido en Itauguá';
const setPassword = (t: TestContext, token: string, password: string, language?: string) =>
  api(
    t,
    null,
    'POST',
    '/api/account/password',
    { token, password },
    language ? { 'accept-language': language } : {},
  );

describe.skipIf(skipBackend)('accounts: set-up, activation, password reset', () => {
  const t = useTestContext();

  it('creates the first system administrator once, through the set-up link, with TOTP', async () => {
    expect(await countRows(t, 'users')).toBe(0);
    expect((await api(t, null, 'GET', '/api/setup')).json()).toEqual({ needsSetup: true });
    const link = await ensureSetupLink(t.services.db, t.services.config.publicUrl);
    expect(link).toMatch(/^http:\/\/nanduti\.test\/setup#token=[\w-]{40,}$/);
    const token = tokenOf(link!);
    // Set up in Guaraní: the account keeps the language it was set up in.
    const setup = (body: object) =>
      api(
        t,
        null,
        'POST',
        '/api/setup',
        { token, username: 'root', displayName: 'Root', password: GOOD, ...body },
        { 'accept-language': 'gn' },
      );

    expect((await setup({ token: 'y'.repeat(43) })).json().error.code).toBe('invalid_token');
    // A refused password does not spend the token.
    const weak = await setup({ password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password_common');
    expect(await countRows(t, 'users')).toBe(0);

    const done = await setup({});
    expect(done.statusCode).toBe(201);
    const { userId, totpSecret, otpauthUri, qrCode } = done.json();
    expect(otpauthUri).toContain(`secret=${totpSecret}`);
    expect(Buffer.from(qrCode.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toContain(
      '<svg',
    );
    const row = await t.services.db.transaction((trx) =>
      trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow(),
    );
    // The second factor is pending until a first valid code is given.
    expect(row).toMatchObject({ role: 'system_admin', status: 'active', totp_enabled: false });
    expect(row.totp_secret).toMatch(/^enc:v1:/);
    expect(t.services.crypto.decrypt(row.totp_secret!, 'users.totp_secret')).toBe(totpSecret);

    const root = {
      id: userId,
      username: 'root',
      role: 'system_admin' as const,
      institutionId: row.institution_id,
      institutionCode: 'MESA',
      totpSecret,
    };
    expect((await login(t, root, { password: GOOD, totp: undefined })).json()).toEqual({
      secondFactor: 'totp',
    });
    const signedIn = await login(t, root, { password: GOOD });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({
      role: 'system_admin',
      institution: { code: 'MESA' },
      totpEnabled: true,
      locale: 'gn',
    });

    const again = await setup({ username: 'root2' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup_done');
    const used = await storedRow(t, 'one_time_tokens', { id: hashToken(token) }, ['used_at']);
    expect(used.used_at).not.toBeNull();
    expect((await api(t, null, 'GET', '/api/setup')).json()).toEqual({ needsSetup: false });
    expect(await ensureSetupLink(t.services.db, t.services.config.publicUrl)).toBeNull();
    expect(await countRows(t, 'users')).toBe(1);
  });

  describe('with an administrator', () => {
    let admin: Session;
    let pnptu: string;
    beforeAll(async () => {
      admin = await userWithSession(t, { role: 'system_admin', institution: 'MESA' });
      pnptu = await institutionId(t, 'PNPTU');
    });
    const create = async (username: string, role: string) => {
      const res = await api(t, admin, 'POST', '/api/users', {
        username,
        displayName: username,
        role,
        institutionId: pnptu,
      });
      expect(res.statusCode).toBe(201);
      return res.json() as { user: { id: string; status: string }; activationLink: string };
    };
    const asTestUser = (id: string, username: string, totpSecret: string | null = null) => ({
      id,
      username,
      role: 'case_worker' as const,
      institutionId: pnptu,
      institutionCode: 'PNPTU',
      totpSecret,
    });

    it('activates an account: weak passwords refused, a good one accepted once, then sign-in works', async () => {
      const { user, activationLink } = await create('maria.gomez', 'case_worker');
      expect(user.status).toBe('pending');
      expect(activationLink).toMatch(/^http:\/\/nanduti\.test\/activate#token=/);
      const token = tokenOf(activationLink);
      const maria = asTestUser(user.id, 'maria.gomez');
      expect((await login(t, maria, { password: GOOD })).json().error.code).toBe('invalid_credentials');

      const common = await setPassword(t, token, 'password1234');
      expect([common.statusCode, common.json().error.code]).toEqual([400, 'weak_password_common']);
      const short = await setPassword(t, token, 'Tr4ta-corta');
      expect([short.statusCode, short.json().error.code]).toEqual([400, 'validation_failed']);
      expect(short.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['body.password']);
      expect((await setPassword(t, token, 'MARIA.GOMEZ y su clave')).json().error.code).toBe(
        'weak_password_username',
      );

      const ok = await setPassword(t, token, GOOD);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ totp: null });
      expect((await setPassword(t, token, `${GOOD} 2`)).json().error.code).toBe('invalid_token');
      const signedIn = await login(t, maria, { password: GOOD });
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.json().user.totpEnabled).toBe(false);
    });

    it('keeps the language an account was activated in; a password reset in another leaves it', async () => {
      const { user, activationLink } = await create('juana.benitez', 'case_worker');
      const juana = asTestUser(user.id, 'juana.benitez');
      expect((await setPassword(t, tokenOf(activationLink), GOOD, 'gn')).statusCode).toBe(200);
      expect((await login(t, juana, { password: GOOD })).json().user.locale).toBe('gn');
      const reset = await api(t, admin, 'POST', `/api/users/${user.id}/password-reset`);
      expect((await setPassword(t, tokenOf(reset.json().resetLink), `${GOOD} 2`, 'en')).statusCode).toBe(200);
      expect((await login(t, juana, { password: `${GOOD} 2` })).json().user.locale).toBe('gn');
    });

    it('gives an administrator role a TOTP secret at activation, and requires it to sign in', async () => {
      const { user, activationLink } = await create('admin.pnptu', 'institution_admin');
      const res = await setPassword(t, tokenOf(activationLink), GOOD);
      expect(res.statusCode).toBe(200);
      const { totpSecret, otpauthUri } = res.json().totp;
      expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/);
      expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*admin\.pnptu\?secret=/);
      const who = { ...asTestUser(user.id, 'admin.pnptu', totpSecret), role: 'institution_admin' as const };
      expect((await login(t, who, { password: GOOD, totp: undefined })).json()).toEqual({
        secondFactor: 'totp',
      });
      // Not active until a valid code is given: a wrong one is refused and leaves it pending.
      const wrong = totpAt(totpSecret, currentStep() + 40);
      expect((await login(t, who, { password: GOOD, totp: wrong })).json().error.code).toBe('invalid_totp');
      const pending = await t.services.db.transaction((trx) =>
        trx.selectFrom('users').select('totp_enabled').where('id', '=', user.id).executeTakeFirstOrThrow(),
      );
      expect(pending.totp_enabled).toBe(false);
      const ok = await login(t, who, { password: GOOD, totp: totpAt(totpSecret, currentStep()) });
      expect(ok.json().user).toMatchObject({ role: 'institution_admin', totpEnabled: true });
    });

    it('resets a password: sessions end at once, the old password stops working when the link is used', async () => {
      const user = await buildUser(t);
      const before = await signIn(t, user);
      const reset = await api(t, admin, 'POST', `/api/users/${user.id}/password-reset`);
      expect(reset.statusCode).toBe(200);
      const { resetLink, expiresAt } = reset.json();
      expect(resetLink).toMatch(/^http:\/\/nanduti\.test\/reset#token=/);
      expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
      expect((await api(t, before, 'GET', '/api/session')).statusCode).toBe(401);

      // Until the link is used the old password still signs in; using the link ends that session too.
      const meanwhile = sessionFromLogin(user, await login(t, user));
      expect((await api(t, meanwhile, 'GET', '/api/session')).statusCode).toBe(200);
      expect((await setPassword(t, tokenOf(resetLink), GOOD)).statusCode).toBe(200);
      expect((await api(t, meanwhile, 'GET', '/api/session')).statusCode).toBe(401);
      expect((await login(t, user)).json().error.code).toBe('invalid_credentials');
      expect((await login(t, user, { password: GOOD })).statusCode).toBe(200);
      expect((await setPassword(t, tokenOf(resetLink), `${GOOD}!`)).json().error.code).toBe('invalid_token');
    });

    it('refuses a replaced, an expired, and a disabled user’s link', async () => {
      const user = await buildUser(t);
      const link = async () =>
        tokenOf((await api(t, admin, 'POST', `/api/users/${user.id}/password-reset`)).json().resetLink);
      const older = await link();
      const newer = await link();
      expect((await setPassword(t, older, GOOD)).json().error.code).toBe('invalid_token');

      await t.services.db.transaction((trx) =>
        trx
          .updateTable('one_time_tokens')
          .set({ expires_at: new Date(Date.now() - 1000) })
          .where('id', '=', hashToken(newer))
          .execute(),
      );
      expect((await setPassword(t, newer, GOOD)).json().error.code).toBe('invalid_token');

      const latest = await link();
      expect((await api(t, admin, 'PATCH', `/api/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(
        200,
      );
      expect((await setPassword(t, latest, GOOD)).json().error.code).toBe('invalid_token');
      expect((await login(t, user)).json().error.code).toBe('invalid_credentials');
    });

    it('sends a pending user an activation link, not a reset link', async () => {
      const { user } = await create('pending.one', 'analyst');
      const res = await api(t, admin, 'POST', `/api/users/${user.id}/password-reset`);
      expect(res.json().resetLink).toMatch(/\/activate#token=/);
      expect((await setPassword(t, tokenOf(res.json().resetLink), GOOD)).statusCode).toBe(200);
    });
  });
});
