/**
 * Factories for tests: users of any role in any institution, signed-in sessions, API calls.
 * Users get a real argon2id hash (computed once) and, for roles that need it, a TOTP secret.
 */
import type { LightMyRequestResponse } from 'fastify';
import { ROLES_REQUIRING_TOTP, type Role } from '../../src/shared/roles.js';
import type { Actor } from '../../src/server/access/actor.js';
import { hashPassword } from '../../src/server/modules/auth/password.js';
import { createSession } from '../../src/server/modules/auth/sessions.js';
import { currentStep, generateTotpSecret, totpAt } from '../../src/server/modules/auth/totp.js';
import type { Config } from '../../src/server/config.js';
import { buildApp } from '../../src/server/http/app.js';
import type { TestContext } from './db.js';
import type { DB } from '../../src/server/db/schema.js';
import type { Transaction } from 'kysely';

export const TEST_PASSWORD = 'correct horse battery staple 2026';
let passwordHash: Promise<string> | null = null;

export interface TestUser {
  id: string;
  username: string;
  role: Role;
  institutionId: string;
  institutionCode: string;
  totpSecret: string | null;
}

let counter = 0;

export async function institutionId(t: TestContext, code: string): Promise<string> {
  const row = await t.services.db.transaction((trx) =>
    trx.selectFrom('institutions').select('id').where('code', '=', code).executeTakeFirstOrThrow(),
  );
  return row.id;
}

export async function buildUser(
  t: TestContext,
  overrides: {
    role?: Role;
    institution?: string;
    username?: string;
    status?: 'active' | 'pending' | 'disabled';
  } = {},
): Promise<TestUser> {
  const role = overrides.role ?? 'case_worker';
  const institutionCode = overrides.institution ?? 'PNPTU';
  const username = overrides.username ?? `user${++counter}_${role}`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const totpSecret = ROLES_REQUIRING_TOTP.includes(role) ? generateTotpSecret() : null;
  const instId = await institutionId(t, institutionCode);
  const hash = await passwordHash;
  const id = await t.services.db.transaction(async (trx) => {
    const row = await trx
      .insertInto('users')
      .values({
        institution_id: instId,
        unit_id: null,
        username,
        username_key: username.toLowerCase(),
        display_name: `Test ${role} ${counter}`,
        email: null,
        role,
        status: overrides.status ?? 'active',
        password_hash: hash,
        totp_secret: totpSecret ? t.services.crypto.encrypt(totpSecret, 'users.totp_secret') : null,
        totp_enabled: totpSecret !== null,
        totp_last_step: null,
        locked_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
  return { id, username, role, institutionId: instId, institutionCode, totpSecret };
}

/** A new user as the actor a service call takes (for tests that call services directly). */
export async function buildActor(
  t: TestContext,
  overrides: Parameters<typeof buildUser>[1],
  displayName = 'Test actor',
): Promise<Actor> {
  const u = await buildUser(t, overrides);
  return {
    userId: u.id,
    username: u.username,
    displayName,
    role: u.role,
    institutionId: u.institutionId,
    institutionCode: u.institutionCode,
    sessionId: 'test',
    locale: 'es',
  };
}

export interface Session {
  user: TestUser;
  cookie: string;
  csrf: string;
}

/** A signed-in session for `user`, created directly (login itself is tested in auth tests). */
export async function signIn(t: TestContext, user: TestUser): Promise<Session> {
  const session = await t.services.db.transaction((trx) => createSession(trx, user.id, t.services.config));
  return { user, cookie: `nanduti_session=${session.token}`, csrf: session.csrfToken };
}

export async function userWithSession(
  t: TestContext,
  overrides: Parameters<typeof buildUser>[1] = {},
): Promise<Session> {
  return signIn(t, await buildUser(t, overrides));
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API as `session` (or anonymously), with the CSRF header on writes. */
export async function api(
  t: TestContext,
  session: Session | null,
  method: Method,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

/** Number of rows in one of the account tables. */
export const countRows = (
  t: TestContext,
  table:
    'users' | 'audit_events' | 'institutions' | 'units' | 'sessions' | 'one_time_tokens' | 'login_attempts',
) => rowCount(t, table);

/** The session a successful login response opened, as `api()` wants it. */
export function sessionFromLogin(user: TestUser, res: LightMyRequestResponse): Session {
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { user, cookie, csrf: res.json().csrfToken };
}

/** The TOTP code the user's authenticator shows now (null for users without TOTP). */
export function currentCode(user: Pick<TestUser, 'totpSecret'>, offsetSteps = 0): string | undefined {
  return user.totpSecret ? totpAt(user.totpSecret, currentStep() + offsetSteps) : undefined;
}

/** POST /api/auth/login as `user` with the test password and, when the user has one, a TOTP code. */
export async function login(
  t: Pick<TestContext, 'app'>,
  user: TestUser,
  overrides: { password?: string; totp?: string | undefined } = {},
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const totp = 'totp' in overrides ? overrides.totp : currentCode(user);
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({
      username: user.username,
      password: overrides.password ?? TEST_PASSWORD,
      ...(totp ? { totp } : {}),
    }),
  });
}

/** The one-time token in an activation, reset or set-up link (`…#token=…`). */
export function tokenOf(link: string): string {
  const token = new URL(link).hash.replace(/^#token=/, '');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** Audit rows written for `actorUserId` (newest last), optionally only one outcome. */
export async function auditOf(
  t: TestContext,
  actorUserId: string,
  outcome?: 'success' | 'denied' | 'failure',
) {
  return t.services.db.transaction((trx) => {
    let q = trx.selectFrom('audit_events').selectAll().where('actor_user_id', '=', actorUserId);
    if (outcome) q = q.where('outcome', '=', outcome);
    return q.orderBy('seq').execute();
  });
}

/** The audit rows that match every filter given (actor, action, resource, outcome), oldest first. */
export async function auditRows(
  t: TestContext,
  where: {
    actor?: string;
    action?: string;
    resource?: string;
    outcome?: 'success' | 'denied' | 'failure';
  },
) {
  return t.services.db.transaction((trx) => {
    let q = trx.selectFrom('audit_events').selectAll();
    if (where.actor) q = q.where('actor_user_id', '=', where.actor);
    if (where.action) q = q.where('action', '=', where.action);
    if (where.resource) q = q.where('resource_id', '=', where.resource);
    if (where.outcome) q = q.where('outcome', '=', where.outcome);
    return q.orderBy('seq').execute();
  });
}

/**
 * A second HTTP app over the same database and keys with configuration overrides (e.g. trustProxy,
 * which Fastify reads only at construction). The caller closes it.
 */
export async function appWithConfig(t: TestContext, overrides: Partial<Config>): Promise<TestContext> {
  const services = { ...t.services, config: { ...t.services.config, ...overrides }, routes: [] };
  const app = await buildApp(services, { webDir: '/nonexistent' });
  await app.ready();
  return { ...t, services, app, close: () => app.close() };
}

/**
 * A person registered by `institution`, inserted directly (names encrypted as the persons module
 * stores them), for tests that need someone to link to a case without going through intake.
 */
export async function buildPersonRecord(
  t: TestContext,
  overrides: {
    institution?: string;
    givenNames?: string;
    firstSurname?: string | null;
    sex?: string;
    birthYear?: number | null;
  } = {},
): Promise<{ id: string; fullName: string }> {
  const instId = await institutionId(t, overrides.institution ?? 'PNPTU');
  const givenNames = overrides.givenNames ?? 'Ña Rosa';
  const firstSurname = overrides.firstSurname === undefined ? 'Benítez' : overrides.firstSurname;
  const { crypto } = t.services;
  const row = await t.services.db.transaction((trx) =>
    trx
      .insertInto('persons')
      .values({
        owner_institution_id: instId,
        created_by: null,
        given_names: crypto.encrypt(givenNames, 'persons.given_names'),
        first_surname: crypto.encryptNullable(firstSurname, 'persons.first_surname'),
        second_surname: null,
        aliases: null,
        date_of_birth: null,
        document_number: null,
        contact: null,
        residence_district: null,
        indigenous_community: null,
        document_bidx: null,
        identity_bidx: null,
        sex: overrides.sex ?? 'Female',
        gender: null,
        birth_year: overrides.birthYear === undefined ? 1999 : overrides.birthYear,
        estimated_age: null,
        document_type: null,
        disability: null,
        residence_department: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return { id: row.id, fullName: [givenNames, firstSurname].filter(Boolean).join(' ') };
}

/**
 * A person registered through the API by `session` (synthetic values; override any field).
 * Confirms "not a duplicate" so repeated calls with the same names do not stop at the warning.
 */
export async function buildPerson(
  t: TestContext,
  session: Session,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string } & Record<string, unknown>> {
  const res = await api(t, session, 'POST', '/api/persons', {
    givenNames: `Persona ${++counter}`,
    firstSurname: 'Sintética',
    confirmNotDuplicate: true,
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`buildPerson: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** POST /api/cases as `session` (a hotline case detected on 2026-03-14 unless overridden); the CaseView. */
export async function createCaseAs(t: TestContext, session: Session, body: Record<string, unknown> = {}) {
  const res = await api(t, session, 'POST', '/api/cases', {
    detectionMethod: 'Hotline',
    detectedOn: '2026-03-14',
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`createCase answered ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** Links `personId` to the case as `session`; the CaseView. */
export async function linkPersonAs(
  t: TestContext,
  session: Session,
  caseId: string,
  personId: string,
  role = 'PresumedVictim',
) {
  const res = await api(t, session, 'POST', `/api/cases/${caseId}/persons`, { personId, role });
  if (res.statusCode !== 200) throw new Error(`addCasePerson answered ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** Number of rows in any table (to show that a refused request wrote nothing). */
export async function rowCount(t: TestContext, table: keyof DB) {
  const row = await t.services.db.transaction((trx) =>
    trx
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  );
  return Number(row.n);
}

type Column<T extends keyof DB> = keyof DB[T] & string;

/**
 * One row of `table` as stored (encrypted fields stay ciphertext): the row whose columns have the
 * values in `where`, with `columns` (every column when none are named). For checking what an
 * operation wrote; throws when no row matches.
 */
export async function storedRow<T extends keyof DB, C extends Column<T> = Column<T>>(
  t: TestContext,
  table: T,
  where: Partial<Record<Column<T>, unknown>>,
  columns?: readonly C[],
): Promise<Record<C, unknown>> {
  return t.services.db.transaction(async (trx) => {
    // The table is a parameter here, which Kysely's types cannot follow: the query is built untyped.
    const untyped = trx as unknown as Transaction<Record<string, Record<string, unknown>>>;
    let query = untyped.selectFrom(table as string);
    for (const [column, value] of Object.entries(where)) query = query.where(column, '=', value);
    const row = await (columns ? query.select([...columns]) : query.selectAll()).executeTakeFirstOrThrow();
    return row as Record<C, unknown>;
  });
}

/**
 * The steps the case tests take most, for one signed-in `session`: count a table's rows, open a case
 * (as `session` or another), link a person to a case.
 */
export function caseSteps(t: TestContext, session: Session) {
  return {
    count: (table: keyof DB) => rowCount(t, table),
    create: (body: Record<string, unknown> = {}, as: Session = session) => createCaseAs(t, as, body),
    link: (caseId: string, personId: string, role = 'PresumedVictim') =>
      linkPersonAs(t, session, caseId, personId, role),
  };
}
