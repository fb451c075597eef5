/**
 * No enumeration: an outsider cannot tell which usernames exist, and a signed-in user cannot tell
 * which record ids exist outside their reach. A real and an unknown name get the same answers in
 * the same order — the lock included (a real account locks after LOCKOUT_THRESHOLD failures, and so
 * does a name nobody has) — and both cost one argon2 verification; a record out of scope answers
 * exactly as an id that was never issued.
 */
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
  NAME_HORIZON_HOURS,
  lockOfName,
} from '../../src/server/modules/auth/auth.service.js';
import { createTestContext, skipBackend, type TestContext } from '../helpers/db.js';
import {
  api,
  buildPerson,
  buildUser,
  createCaseAs,
  linkPersonAs,
  TEST_PASSWORD,
  userWithSession,
} from '../helpers/factories.js';

/** What a client sees of an answer: status and body, with a lock's clock time taken out. */
const seen = (res: LightMyRequestResponse) => ({
  status: res.statusCode,
  body: res.body.replace(/\d\d:\d\d/g, 'HH:MM'),
});

describe('the lock of a name', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 11, 5, 10, 0) + minutes * 60_000);
  it('follows the account rule: every fifth failure outside a lock locks it, failures during a lock do not count', () => {
    expect(lockOfName([at(0), at(1), at(2), at(3)])).toEqual({ lockedUntil: null, pending: 4 });
    expect(lockOfName([at(0), at(1), at(2), at(3), at(4)])).toEqual({
      lockedUntil: at(4 + LOCKOUT_MINUTES),
      pending: 0,
    });
    // Two attempts during the lock, then one after it: the count starts again.
    const after = [0, 1, 2, 3, 4, 5, 6, 4 + LOCKOUT_MINUTES + 1].map(at);
    expect(lockOfName(after)).toEqual({ lockedUntil: at(4 + LOCKOUT_MINUTES), pending: 1 });
  });
});

describe.skipIf(skipBackend)('no enumeration', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t?.close());

  const login = (username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

  it('a real and an unknown username get the same answers, lock included, and the right password of a locked account changes nothing', async () => {
    const user = await buildUser(t);
    const unknown = `nadie-${crypto.randomInt(1e9)}`;
    const real: ReturnType<typeof seen>[] = [];
    const none: ReturnType<typeof seen>[] = [];
    for (let i = 0; i < LOCKOUT_THRESHOLD + 1; i++) {
      real.push(seen(await login(user.username, `wrong password ${i}`)));
      none.push(seen(await login(unknown, `wrong password ${i}`)));
    }
    expect(real.map((r) => r.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(none).toEqual(real);
    // The account's own password does not open it while locked; the answer is still the unknown name's.
    expect(seen(await login(user.username, TEST_PASSWORD))).toEqual(
      seen(await login(unknown, TEST_PASSWORD)),
    );
  });

  it('waiting a day between failures tells nothing: a real and an unknown name forget failures older than the horizon alike', async () => {
    const user = await buildUser(t);
    const unknown = `nadie-${crypto.randomInt(1e9)}`;
    const both = async (password: string) => {
      const real = seen(await login(user.username, password));
      expect(seen(await login(unknown, password))).toEqual(real);
      return real.status;
    };
    for (let i = 0; i < LOCKOUT_THRESHOLD - 1; i++) expect(await both(`wrong password ${i}`)).toBe(401);
    // A day and an hour later (the attempts moved back in time), one more failure locks neither.
    await t.services.db.transaction((trx) =>
      sql`update login_attempts set at = at - make_interval(hours => ${NAME_HORIZON_HOURS + 1})
        where username_key in (${user.username.toLowerCase()}, ${unknown})`.execute(trx),
    );
    expect(await both('wrong password again')).toBe(401);
    for (let i = 0; i < LOCKOUT_THRESHOLD - 2; i++) expect(await both(`wrong password ${i}`)).toBe(401);
    expect(await both('wrong password last')).toBe(423);
  });

  it('an account still waiting for its password answers like any other, and is not opened by the decoy password', async () => {
    const user = await buildUser(t);
    await t.services.db.transaction((trx) =>
      trx.updateTable('users').set({ password_hash: null }).where('id', '=', user.id).execute(),
    );
    const unknown = `nadie-${crypto.randomInt(1e9)}`;
    for (const password of ['decoy-password-for-timing', 'wrong password']) {
      const res = await login(user.username, password);
      expect(seen(res)).toEqual(seen(await login(unknown, password)));
      expect(res.json().error.code).toBe('invalid_credentials');
    }
  });

  it('a record out of the user’s reach answers exactly as an id that does not exist', async () => {
    const owner = await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' });
    const outsider = await userWithSession(t, { role: 'case_worker', institution: 'MINNA' });
    const person = await buildPerson(t, owner);
    const kase = await createCaseAs(t, owner);
    await linkPersonAs(t, owner, kase.id, person.id);
    const ghost = crypto.randomUUID();
    for (const [method, path, body] of [
      ['GET', '/api/persons/{id}', undefined],
      ['PATCH', '/api/persons/{id}', { givenNames: 'Otra' }],
      ['GET', '/api/cases/{id}', undefined],
      ['PATCH', '/api/cases/{id}', { detectionPlace: 'x' }],
      ['GET', '/api/cases/{id}/decisions', undefined],
      ['GET', '/api/cases/{id}/protection', undefined],
    ] as const) {
      const realId = path.startsWith('/api/persons') ? person.id : kase.id;
      const hidden = await api(t, outsider, method, path.replace('{id}', realId), body);
      const missing = await api(t, outsider, method, path.replace('{id}', ghost), body);
      expect(hidden.statusCode, `${method} ${path}`).toBe(missing.statusCode);
      expect(hidden.body, `${method} ${path}`).toBe(missing.body);
      expect([403, 404]).toContain(hidden.statusCode);
    }
  });
});
