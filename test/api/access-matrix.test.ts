/**
 * Who may do what, in one table: every role × every registered API operation, with the outcome a
 * user of that role gets. A new operation without a row here fails the first test.
 *
 * Every actor is a fresh user with a fresh session, and every record a cell acts on is made for that
 * cell, so a cell cannot depend on another. Actors work in PNPTU, except the system administrator
 * and the data protection officer (MESA); "own institution" below means PNPTU, the institution
 * administrator's and the case roles'. Refusals must be audited as 'denied'; allowed calls must not
 * be. The identification rows (persons, cases, screening) are in access-matrix-identification.ts.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/shared/roles.js';
import type { Action } from '../../src/server/access/policies.js';
import { currentStep, totpAt } from '../../src/server/modules/auth/totp.js';
import { skipBackend } from '../helpers/db.js';
import {
  api,
  auditOf,
  buildUser,
  institutionId,
  login,
  TEST_PASSWORD,
  tokenOf,
  userWithSession,
} from '../helpers/factories.js';
import {
  IDENTIFICATION_AUDITED_AS,
  IDENTIFICATION_MATRIX,
  IDENTIFICATION_RUN,
} from './access-matrix-identification.js';
import { DEVICES_MATRIX, DEVICES_RUN } from './access-matrix-devices.js';
import { NOTIFICATIONS_MATRIX, NOTIFICATIONS_RUN } from './access-matrix-notifications.js';
import { EXCHANGE_MATRIX, EXCHANGE_RUN } from './access-matrix-exchange.js';
import { PROTECTION_AUDITED_AS, PROTECTION_MATRIX, PROTECTION_RUN } from './access-matrix-protection.js';
import { PREVENTION_MATRIX, PREVENTION_RUN } from './access-matrix-prevention.js';
import { PROSECUTION_MATRIX, PROSECUTION_RUN } from './access-matrix-prosecution.js';
import { STATISTICS_MATRIX, STATISTICS_RUN } from './access-matrix-statistics.js';
import { LINKAGE_MATRIX, LINKAGE_RUN } from './access-matrix-linkage.js';
import { DAILY_AUDITED_AS, DAILY_MATRIX, DAILY_RUN } from './access-matrix-daily.js';
import { PRIVACY_MATRIX, PRIVACY_RUN } from './access-matrix-privacy.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import type { AuditedAs, Cell, Runners } from './access-matrix-kit.js';

// prettier-ignore
const FOUNDATION_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'login: own username, password (and TOTP code for admin roles)':       '200  200  200  200  200  200  200',
  'logout: own session':                                                  '204  204  204  204  204  204  204',
  'logoutEverywhere: every own session':                                  '204  204  204  204  204  204  204',
  'getSession: own session':                                              '200  200  200  200  200  200  200',
  'updatePreferences: own interface language':                            '200  200  200  200  200  200  200',
  'enrollTotp: start two-factor (admins already have it: conflict)':      '409  409  200  200  200  200  200',
  'confirmTotp: finish two-factor (admins already have it: conflict)':    '409  409  200  200  200  200  200',
  'getSetupStatus: ask whether set-up is needed':                         '200  200  200  200  200  200  200',
  'completeSetup: after set-up was done (conflict for everyone)':         '409  409  409  409  409  409  409',
  'setPasswordWithToken: activate a new account of this role':            '200  200  200  200  200  200  200',
  'listInstitutions: the catalogue':                                      '200  200  200  200  200  200  200',
  'createInstitution: a new institution':                                 '201  403  403  403  403  403  403',
  'createUnit: in PNPTU (own institution)':                               '201  201  403  403  403  403  403',
  'createUnit: in MINNA (another institution)':                           '201  403  403  403  403  403  403',
  'listUsers: the users the caller administers':                          '200  200  403  403  403  403  403',
  'listUsers: filtered to MINNA (another institution)':                   '200  403  403  403  403  403  403',
  'createUser: a case_worker in PNPTU':                                   '201  201  403  403  403  403  403',
  'createUser: a case_worker in MINNA':                                   '201  403  403  403  403  403  403',
  'createUser: a system_admin in PNPTU':                                  '201  403  403  403  403  403  403',
  'createUser: a dpo in PNPTU':                                           '201  403  403  403  403  403  403',
  'updateUser: rename a case_worker of PNPTU':                            '200  200  403  403  403  403  403',
  'updateUser: rename a case_worker of MINNA (hidden: not found)':        '200  404  403  403  403  403  403',
  'updateUser: rename a dpo of PNPTU':                                    '200  403  403  403  403  403  403',
  'updateUser: make a case_worker of PNPTU a system_admin':               '200  403  403  403  403  403  403',
  'resetUserPassword: a case_worker of PNPTU':                            '200  200  403  403  403  403  403',
  'resetUserPassword: a case_worker of MINNA (hidden: not found)':        '200  404  403  403  403  403  403',
  'resetUserPassword: a dpo of PNPTU':                                    '200  403  403  403  403  403  403',
  'listAuditEvents: search the audit trail':                              '403  403  403  403  403  403  200',
  'verifyAuditChain: check the hash chain':                               '403  403  403  403  403  403  200',
  'getAuditCheckpoint: sign a checkpoint now':                            '200  403  403  403  403  403  200',
  'getAuditInclusionProof: of entry 1 in the newest checkpoint':          '200  403  403  403  403  403  200',
  'getHealth: liveness':                                                  '200  200  200  200  200  200  200',
  'getReadiness: readiness':                                              '200  200  200  200  200  200  200',
} as const;
const MATRIX = {
  ...FOUNDATION_MATRIX,
  ...IDENTIFICATION_MATRIX,
  ...PROTECTION_MATRIX,
  ...NOTIFICATIONS_MATRIX,
  ...DEVICES_MATRIX,
  ...EXCHANGE_MATRIX,
  ...PREVENTION_MATRIX,
  ...PROSECUTION_MATRIX,
  ...STATISTICS_MATRIX,
  ...LINKAGE_MATRIX,
  ...DAILY_MATRIX,
  ...PRIVACY_MATRIX,
};
type Situation = keyof typeof MATRIX;
const AUDITED_AS: AuditedAs<typeof MATRIX> = {
  ...IDENTIFICATION_AUDITED_AS,
  ...PROTECTION_AUDITED_AS,
  ...DAILY_AUDITED_AS,
};

const HOME: Record<Role, string> = {
  system_admin: 'MESA',
  institution_admin: 'PNPTU',
  case_worker: 'PNPTU',
  supervisor: 'PNPTU',
  prosecutor: 'PNPTU',
  analyst: 'PNPTU',
  dpo: 'MESA',
};

const newUser = (c: Cell, role: Role, institution: 'PNPTU' | 'MINNA') =>
  api(c.t, c.s, 'POST', '/api/users', {
    username: `new${c.n}`,
    displayName: `Nuevo ${c.n}`,
    role,
    institutionId: c.ids[institution],
  });
const updateOf = async (c: Cell, role: Role, institution: string, body: object) => {
  const target = await buildUser(c.t, { role, institution });
  return api(c.t, c.s, 'PATCH', `/api/users/${target.id}`, body);
};
const resetOf = async (c: Cell, role: Role, institution: string) => {
  const target = await buildUser(c.t, { role, institution });
  return api(c.t, c.s, 'POST', `/api/users/${target.id}/password-reset`);
};
const newUnit = (c: Cell, institution: 'PNPTU' | 'MINNA') =>
  api(c.t, c.s, 'POST', `/api/institutions/${c.ids[institution]}/units`, {
    code: `U-${c.n}`,
    name: `Unidad ${c.n}`,
  });

const RUN: Runners<typeof MATRIX> = {
  ...IDENTIFICATION_RUN,
  ...PROTECTION_RUN,
  ...NOTIFICATIONS_RUN,
  ...DEVICES_RUN,
  ...EXCHANGE_RUN,
  ...PREVENTION_RUN,
  ...PROSECUTION_RUN,
  ...STATISTICS_RUN,
  ...LINKAGE_RUN,
  ...DAILY_RUN,
  ...PRIVACY_RUN,
  'login: own username, password (and TOTP code for admin roles)': (c) => login(c.t, c.s.user),
  'logout: own session': (c) => api(c.t, c.s, 'POST', '/api/auth/logout'),
  'logoutEverywhere: every own session': (c) => api(c.t, c.s, 'POST', '/api/auth/logout-everywhere'),
  'getSession: own session': (c) => api(c.t, c.s, 'GET', '/api/session'),
  'updatePreferences: own interface language': (c) =>
    api(c.t, c.s, 'PATCH', '/api/session/preferences', { locale: 'gn' }),
  'enrollTotp: start two-factor (admins already have it: conflict)': (c) =>
    api(c.t, c.s, 'POST', '/api/session/totp'),
  'confirmTotp: finish two-factor (admins already have it: conflict)': async (c) => {
    const enrol = await api(c.t, c.s, 'POST', '/api/session/totp');
    const secret = enrol.statusCode === 200 ? enrol.json().totpSecret : c.s.user.totpSecret!;
    return api(c.t, c.s, 'POST', '/api/session/totp/confirm', { code: totpAt(secret, currentStep()) });
  },
  'getSetupStatus: ask whether set-up is needed': (c) => api(c.t, c.s, 'GET', '/api/setup'),
  'completeSetup: after set-up was done (conflict for everyone)': (c) =>
    api(c.t, c.s, 'POST', '/api/setup', {
      token: crypto.randomBytes(32).toString('base64url'),
      username: `late${c.n}`,
      displayName: 'Late',
      password: TEST_PASSWORD,
    }),
  'setPasswordWithToken: activate a new account of this role': async (c) => {
    const pending = await buildUser(c.t, { role: c.role, institution: HOME[c.role], status: 'pending' });
    const link = await api(c.t, c.root, 'POST', `/api/users/${pending.id}/password-reset`);
    const token = tokenOf(link.json().resetLink);
    return api(c.t, c.s, 'POST', '/api/account/password', { token, password: 'a fresh passphrase for 2026' });
  },
  'listInstitutions: the catalogue': (c) => api(c.t, c.s, 'GET', '/api/institutions'),
  'createInstitution: a new institution': (c) =>
    api(c.t, c.s, 'POST', '/api/institutions', { code: `N-${c.n}`, name: `Nueva ${c.n}`, kind: 'NGO' }),
  'createUnit: in PNPTU (own institution)': (c) => newUnit(c, 'PNPTU'),
  'createUnit: in MINNA (another institution)': (c) => newUnit(c, 'MINNA'),
  'listUsers: the users the caller administers': (c) => api(c.t, c.s, 'GET', '/api/users'),
  'listUsers: filtered to MINNA (another institution)': (c) =>
    api(c.t, c.s, 'GET', `/api/users?institutionId=${c.ids.MINNA}`),
  'createUser: a case_worker in PNPTU': (c) => newUser(c, 'case_worker', 'PNPTU'),
  'createUser: a case_worker in MINNA': (c) => newUser(c, 'case_worker', 'MINNA'),
  'createUser: a system_admin in PNPTU': (c) => newUser(c, 'system_admin', 'PNPTU'),
  'createUser: a dpo in PNPTU': (c) => newUser(c, 'dpo', 'PNPTU'),
  'updateUser: rename a case_worker of PNPTU': (c) =>
    updateOf(c, 'case_worker', 'PNPTU', { displayName: 'Renamed' }),
  'updateUser: rename a case_worker of MINNA (hidden: not found)': (c) =>
    updateOf(c, 'case_worker', 'MINNA', { displayName: 'Renamed' }),
  'updateUser: rename a dpo of PNPTU': (c) => updateOf(c, 'dpo', 'PNPTU', { displayName: 'Renamed' }),
  'updateUser: make a case_worker of PNPTU a system_admin': (c) =>
    updateOf(c, 'case_worker', 'PNPTU', { role: 'system_admin' }),
  'resetUserPassword: a case_worker of PNPTU': (c) => resetOf(c, 'case_worker', 'PNPTU'),
  'resetUserPassword: a case_worker of MINNA (hidden: not found)': (c) => resetOf(c, 'case_worker', 'MINNA'),
  'resetUserPassword: a dpo of PNPTU': (c) => resetOf(c, 'dpo', 'PNPTU'),
  'listAuditEvents: search the audit trail': (c) => api(c.t, c.s, 'GET', '/api/audit-events'),
  'verifyAuditChain: check the hash chain': (c) => api(c.t, c.s, 'GET', '/api/audit-events/verify'),
  'getAuditCheckpoint: sign a checkpoint now': (c) => api(c.t, c.s, 'GET', '/api/audit-events/checkpoint'),
  'getAuditInclusionProof: of entry 1 in the newest checkpoint': async (c) => {
    const first = await api(c.t, c.root, 'GET', '/api/audit-events/checkpoint');
    if (first.statusCode !== 200) throw new Error(`checkpoint: ${first.statusCode}`);
    return api(c.t, c.s, 'GET', '/api/audit-events/inclusion-proof?seq=1');
  },
  'getHealth: liveness': (c) => api(c.t, c.s, 'GET', '/api/health'),
  'getReadiness: readiness': (c) => api(c.t, c.s, 'GET', '/api/ready'),
};

const operationOf = (situation: string) => situation.split(':')[0]!;
function expectedRow(situation: Situation): Record<Role, number> {
  const statuses = MATRIX[situation].trim().split(/\s+/).map(Number);
  if (statuses.length !== ROLES.length) throw new Error(`row "${situation}" needs ${ROLES.length} columns`);
  return Object.fromEntries(ROLES.map((role, i) => [role, statuses[i]])) as Record<Role, number>;
}

describe.skipIf(skipBackend)('access matrix: every role × every operation', () => {
  const t = useTestContext();
  let ids: Cell['ids'];
  let n = 0;
  const [root] = useSessions(t, 'system_admin@MESA');

  beforeAll(async () => {
    ids = { PNPTU: await institutionId(t, 'PNPTU'), MINNA: await institutionId(t, 'MINNA') };
  });

  it('has a row for every registered operation, and no row for an unknown one', () => {
    const registered = new Set(t.services.routes.map((r) => r.operationId));
    const covered = new Set(Object.keys(MATRIX).map(operationOf));
    expect(
      [...registered].filter((op) => !covered.has(op)),
      'operations without a matrix row',
    ).toEqual([]);
    expect(
      [...covered].filter((op) => !registered.has(op)),
      'rows for unknown operations',
    ).toEqual([]);
    expect(Object.keys(RUN).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.keys(MATRIX) as Situation[])('%s', async (situation) => {
    const route = t.services.routes.find((r) => r.operationId === operationOf(situation))!;
    const auditedAs = [route.action, AUDITED_AS[situation]].filter(Boolean);
    const actual = {} as Record<Role, number>;
    const problems: string[] = [];
    for (const role of ROLES) {
      const s = await userWithSession(t, { role, institution: HOME[role] });
      const res = await RUN[situation]({ t, s, role, n: ++n, root, ids });
      actual[role] = res.statusCode;
      const denied = await auditOf(t, s.user.id, 'denied');
      if (res.statusCode === 403 || res.statusCode === 404) {
        const code = res.json().error?.code;
        if (code !== (res.statusCode === 403 ? 'forbidden' : 'not_found'))
          problems.push(`${role}: code ${code}`);
        if (!denied.some((row) => auditedAs.includes(row.action as Action) && row.actor_role === role)) {
          problems.push(`${role}: refused without a 'denied' audit row for ${auditedAs.join(' or ')}`);
        }
      } else if (denied.length) {
        problems.push(`${role}: not refused (${res.statusCode}) but audited as denied`);
      }
    }
    expect(actual).toEqual(expectedRow(situation));
    expect(problems).toEqual([]);
  });

  it('refuses every session operation to an anonymous caller with 401, before anything else', async () => {
    const sessionRoutes = t.services.routes.filter((r) => r.auth === 'session');
    expect(sessionRoutes.length).toBeGreaterThan(10);
    for (const r of sessionRoutes) {
      const url = r.path.replace(/\{\w+\}/g, crypto.randomUUID());
      const res = await api(t, null, r.method, url, r.method === 'GET' ? undefined : {});
      expect({ op: r.operationId, status: res.statusCode, code: res.json().error.code }).toEqual({
        op: r.operationId,
        status: 401,
        code: 'unauthenticated',
      });
      expect(res.headers['www-authenticate']).toContain('Cookie');
    }
  });

  it('answers an institution_admin identically for another institution’s user and a missing one', async () => {
    const admin = await userWithSession(t, { role: 'institution_admin', institution: 'PNPTU' });
    const other = await buildUser(t, { role: 'case_worker', institution: 'MINNA' });
    const hidden = await api(t, admin, 'PATCH', `/api/users/${other.id}`, { displayName: 'X' });
    const missing = await api(t, admin, 'PATCH', `/api/users/${crypto.randomUUID()}`, { displayName: 'X' });
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    const denied = await auditOf(t, admin.user.id, 'denied');
    expect(denied.map((r) => r.resource_id)).toContain(other.id);
  });

  it('lists only own-institution users to an institution_admin, everyone to a system_admin', async () => {
    const admin = await userWithSession(t, { role: 'institution_admin', institution: 'PNPTU' });
    const minna = await buildUser(t, { role: 'case_worker', institution: 'MINNA' });
    const all = await api(t, admin, 'GET', '/api/users?limit=200');
    expect(all.statusCode).toBe(200);
    const codes = new Set(all.json().items.map((u: { institution: { code: string } }) => u.institution.code));
    expect([...codes]).toEqual(['PNPTU']);
    const bySystem = await api(t, root, 'GET', `/api/users?q=${minna.username}`);
    expect(bySystem.json().items.map((u: { id: string }) => u.id)).toEqual([minna.id]);
    const byAdmin = await api(t, admin, 'GET', `/api/users?q=${minna.username}`);
    expect(byAdmin.json()).toEqual({ items: [], total: 0 });
  });
});
