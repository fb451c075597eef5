/**
 * Bad input never reaches the database: every malformed, mistyped, oversized or unknown request gets a
 * 4xx with `{ error: { code, message } }` in the caller's language, and no row anywhere changes.
 * Injection strings in text fields are data: stored and echoed literally, never executed.
 */
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/server/http/app.js';
import { jsonDepth, MAX_JSON_DEPTH } from '../../src/server/http/json-limits.js';
import { messageFor, messages } from '../../src/server/core/messages.js';
import { skipBackend } from '../helpers/db.js';
import { api, countRows, institutionId, userWithSession } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const TABLES = [
  'users',
  'audit_events',
  'institutions',
  'units',
  'sessions',
  'one_time_tokens',
  'login_attempts',
] as const;
const SQL = `x'); DROP TABLE users; --`;
const HTML = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

describe.skipIf(skipBackend)('bad input', () => {
  const t = useTestContext();
  let pnptu: string;
  const valid = () => ({
    username: `u${crypto.randomInt(1e9)}`,
    displayName: 'Ana',
    role: 'case_worker',
    institutionId: pnptu,
  });

  const [admin, dpo] = useSessions(t, 'system_admin@MESA', 'dpo@MESA');

  beforeAll(async () => {
    pnptu = await institutionId(t, 'PNPTU');
  });

  async function counts() {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = await countRows(t, table);
    return result;
  }

  type Case = [string, number, string, () => Promise<LightMyRequestResponse>];
  const users = (body: unknown, headers?: Record<string, string>) =>
    api(t, admin, 'POST', '/api/users', body, headers);
  const as =
    (who: 'admin' | 'dpo' | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    () =>
      api(t, who === 'admin' ? admin : who === 'dpo' ? dpo : null, method, url, body);
  const noContentType = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: JSON.stringify(valid()),
    });
  const user = () => `/api/users/${crypto.randomUUID()}`;
  const V = 'validation_failed';
  // prettier-ignore
  const cases: Case[] = [
    ['malformed JSON', 400, 'malformed_json', () => users('{"username": "ana",')],
    ['an empty JSON body', 400, 'malformed_json', () => users('')],
    ['JSON null', 400, V, () => users('null')],
    ['a JSON array', 400, V, () => users('[]')],
    ['__proto__ in the body', 400, 'malformed_json', () => users('{"__proto__": {"role": "system_admin"}}')],
    ['constructor.prototype in the body', 400, 'malformed_json', () => users('{"constructor": {"prototype": {"x": 1}}}')],
    ['wrong types', 400, V, () => users({ ...valid(), username: 42, displayName: true })],
    ['missing fields', 400, V, () => users({ displayName: 'Ana' })],
    ['an unknown field', 400, V, () => users({ ...valid(), isAdmin: true })],
    ['an unknown role', 400, V, () => users({ ...valid(), role: 'root' })],
    ['a username with SQL in it', 400, V, () => users({ ...valid(), username: SQL })],
    ['a NUL character in a text field', 400, V, () => users({ ...valid(), displayName: 'Ana\u0000' })],
    ['a body over 256 KiB', 413, 'payload_too_large', () => users({ ...valid(), displayName: 'x'.repeat(300 * 1024) })],
    ['text/plain', 415, 'unsupported_media_type', () => users(JSON.stringify(valid()), { 'content-type': 'text/plain' })],
    ['a body without content-type', 415, 'unsupported_media_type', noContentType],
    ['a form', 415, 'unsupported_media_type', () => users('username=ana', { 'content-type': 'application/x-www-form-urlencoded' })],
    ['an invalid UUID in the path', 400, V, as('admin', 'PATCH', '/api/users/not-a-uuid', { displayName: 'A' })],
    ['SQL in the path', 400, V, as('admin', 'PATCH', `/api/users/${encodeURIComponent("1' OR '1'='1")}`, { displayName: 'A' })],
    ['a numeric institution id', 400, V, as('admin', 'POST', '/api/institutions/123/units', { code: 'U-1', name: 'U' })],
    ['an empty update', 400, V, () => api(t, admin, 'PATCH', user(), {})],
    ['an update to status pending', 400, V, () => api(t, admin, 'PATCH', user(), { status: 'pending' })],
    ['a lower-case institution code', 400, V, as('admin', 'POST', '/api/institutions', { code: 'abc', name: 'A', kind: 'NGO' })],
    ['an unknown institution kind', 400, V, as('admin', 'POST', '/api/institutions', { code: 'ABC', name: 'A', kind: 'Cartel' })],
    ['limit=abc', 400, V, as('admin', 'GET', '/api/users?limit=abc')],
    ['limit=0', 400, V, as('admin', 'GET', '/api/users?limit=0')],
    ['limit=201', 400, V, as('admin', 'GET', '/api/users?limit=201')],
    ['offset=-1', 400, V, as('admin', 'GET', '/api/users?offset=-1')],
    ['a repeated limit', 400, V, as('admin', 'GET', '/api/users?limit=1&limit=2')],
    ['an unknown query parameter', 400, V, as('admin', 'GET', '/api/users?admin=1')],
    ['a bad institutionId filter', 400, V, as('admin', 'GET', '/api/users?institutionId=1%20OR%201=1')],
    ['a NUL in the search text', 400, V, as('admin', 'GET', '/api/users?q=a%00b')],
    ['a date that is not one', 400, V, as('dpo', 'GET', '/api/audit-events?from=2026-13-45')],
    ['an unknown outcome', 400, V, as('dpo', 'GET', '/api/audit-events?outcome=maybe')],
    ['before=0', 400, V, as('dpo', 'GET', '/api/audit-events?before=0')],
    ['before beyond a safe integer', 400, V, as('dpo', 'GET', '/api/audit-events?before=1e30')],
    ['a login with wrong types', 400, V, as(null, 'POST', '/api/auth/login', { username: ['a'], password: 1 })],
    ['a login with a 5-digit code', 400, V, as(null, 'POST', '/api/auth/login', { username: 'a', password: 'b', totp: '12345' })],
    ['a login with a NUL username', 400, V, as(null, 'POST', '/api/auth/login', { username: 'a\u0000', password: 'b' })],
    ['a set-up token too short', 400, V, as(null, 'POST', '/api/setup', { token: 'x', username: 'root', displayName: 'R', password: 'long enough password 1' })],
    ['a password of 257 characters', 400, V, as(null, 'POST', '/api/account/password', { token: 'x'.repeat(40), password: 'ab'.repeat(128) + 'c' })],
    ['a password of 11 characters', 400, V, as(null, 'POST', '/api/account/password', { token: 'x'.repeat(40), password: 'abcdefghijk' })],
    ['a query string on an operation that takes none', 400, V, () => api(t, admin, 'POST', '/api/users?displayName=Ana', valid())],
    ['a name in the login address', 400, V, as(null, 'POST', '/api/auth/login?username=ana', { username: 'ana', password: 'b' })],
    ['an unknown API route', 404, 'route_not_found', as('admin', 'GET', '/api/nope')],
    ['an unknown API route, anonymous', 404, 'route_not_found', as(null, 'POST', '/api/nope/deeper', { a: 1 })],
    ['an unregistered method', 404, 'route_not_found', as('admin', 'DELETE', '/api/users')],
  ];

  it.each(cases)('refuses %s with %i %s, in Spanish, writing nothing', async (_name, status, code, call) => {
    const before = await counts();
    const res = await call();
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({
      error: { code, message: messageFor(code, 'es', { limit: BODY_LIMIT }) },
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses JSON nested deeper than the limit with a clear 400 on every JSON operation, before any walk over it', async () => {
    const before = await counts();
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    // The attack that overflowed the stack: ~30 KB nested 5,000 levels, as an object and as arrays.
    const nestedObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const [method, url, session] of [
      ['POST', '/api/users', admin],
      ['POST', '/api/auth/login', null],
      ['PATCH', '/api/session/preferences', dpo],
      ['POST', '/api/cases', admin],
    ] as const) {
      for (const body of [deep(5000), nestedObject, deep(MAX_JSON_DEPTH + 1)]) {
        const res = await api(t, session, method, url, body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toEqual({
          code: 'json_too_deep',
          message: messageFor('json_too_deep', 'es', { limit: MAX_JSON_DEPTH }),
        });
      }
    }
    // At the limit it is parsed, and the schema refuses it as it refuses any wrong shape.
    const atLimit = await users({ ...valid(), displayName: JSON.parse(deep(MAX_JSON_DEPTH - 1)) });
    expect(atLimit.statusCode).toBe(400);
    expect(atLimit.json().error.code).toBe(V);
    // Brackets inside strings are text, not nesting.
    const text = await users({ ...valid(), role: 'root', displayName: '['.repeat(100) });
    expect(text.json().error.code).toBe(V);
    expect(jsonDepth('{"a":"[[[[","b":[{"c":"]}"}]}')).toBe(3);
    expect(await counts()).toEqual(before);
  });

  it('names each invalid field, with field messages in the caller’s language', async () => {
    const bad = { username: 42, role: 'root', institutionId: 'x', extra: 1 };
    const es = (await users(bad)).json().error;
    const en = (await users(bad, { 'accept-language': 'en-US,en;q=0.9' })).json().error;
    const paths = es.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.username', 'body.displayName', 'body.role', 'body.institutionId']),
    );
    expect(en.issues.map((i: { path: string }) => i.path)).toEqual(paths);
    expect(es.issues[0].message).not.toBe(en.issues[0].message);
    expect(JSON.stringify(es)).not.toMatch(/select|insert|stack|node_modules/i);
    // Guaraní is a third language, not Spanish again (zod has no Guaraní locale: src/server/http/zod-gn.ts).
    const gn = (await users(bad, { 'accept-language': 'gn' })).json().error;
    expect(gn.issues.map((i: { path: string }) => i.path)).toEqual(paths);
    gn.issues.forEach((issue: { message: string }, i: number) => {
      expect(issue.message).not.toBe(es.issues[i].message);
      expect(issue.message).not.toBe(en.issues[i].message);
    });
    const list = await api(t, admin, 'GET', '/api/users?limit=100000&sort=x', undefined, {
      'accept-language': 'gn',
    });
    expect(list.json().error.issues.map((i: { message: string }) => i.message)).toEqual([
      'Tuichaiterei: ≤ 200 oñehaʼarõ.',
      'Mbaʼekuaarã ojekuaaʼỹva: sort.',
    ]);
    // An unknown field is said as a field to remove, in Spanish too (zod's own Spanish calls it a "llave").
    const esList = await api(t, admin, 'GET', '/api/users?sort=x&admin=1');
    expect(esList.json().error.issues.map((i: { message: string }) => i.message)).toEqual([
      'Campos no admitidos: sort, admin. Quítelos de la solicitud.',
    ]);
  });

  it('says size limits in plain words, not as a formula', async () => {
    const short = { ...valid(), username: 'ab' };
    const issue = (message: string) => ({ path: 'body.username', message });
    expect((await users(short)).json().error.issues).toContainEqual(
      issue('Debe tener al menos 3 caracteres.'),
    );
    expect((await users(short, { 'accept-language': 'en' })).json().error.issues).toContainEqual(
      issue('Must have at least 3 characters.'),
    );
    const limit = (headers: Record<string, string> = {}) =>
      api(t, admin, 'GET', '/api/users?limit=100000', undefined, headers);
    expect((await limit()).json().error.issues[0].message).toBe('Debe ser 200 o menos.');
    expect((await limit({ 'accept-language': 'en' })).json().error.issues[0].message).toBe(
      'Must be 200 or less.',
    );
  });

  it.each([
    ['es', {}],
    ['en', { 'accept-language': 'en' }],
    ['gn', { 'accept-language': 'gn-PY, es;q=0.5' }],
    ['es', { 'accept-language': 'fr-FR, de' }],
  ] as const)('answers in %s for %j', async (locale, headers) => {
    for (const [code, call] of [
      ['validation_failed', () => users({}, headers)],
      ['malformed_json', () => users('{', headers)],
      ['unsupported_media_type', () => users('x', { ...headers, 'content-type': 'text/plain' })],
      ['route_not_found', () => api(t, null, 'GET', '/api/nope', undefined, headers)],
      ['unauthenticated', () => api(t, null, 'GET', '/api/session', undefined, headers)],
      ['forbidden', () => api(t, dpo, 'GET', '/api/users', undefined, headers)],
    ] as const) {
      expect((await call()).json().error).toMatchObject({ code, message: messages[code]![locale] });
    }
    expect(new Set(['es', 'en', 'gn'].map((l) => messages.validation_failed![l as 'es']))).toHaveProperty(
      'size',
      3,
    );
  });

  it('uses the signed-in user’s saved language when the request names none', async () => {
    const user = await userWithSession(t, { role: 'analyst' });
    expect((await api(t, user, 'PATCH', '/api/session/preferences', { locale: 'en' })).statusCode).toBe(200);
    const res = await api(t, user, 'GET', '/api/users');
    expect(res.json().error).toEqual({ code: 'forbidden', message: messages.forbidden!.en });
  });

  it('stores and echoes SQL and HTML in text fields literally', async () => {
    const usersBefore = await countRows(t, 'users');
    const created = await api(t, admin, 'POST', '/api/institutions', {
      code: 'INJ-1',
      name: `${SQL} ${HTML}`,
      kind: 'NGO',
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    expect(created.json().name).toBe(`${SQL} ${HTML}`);
    const user = await users({ ...valid(), displayName: HTML, email: null });
    expect(user.statusCode).toBe(201);
    expect(user.json().user.displayName).toBe(HTML);
    const listed = await api(t, admin, 'GET', '/api/institutions');
    expect(listed.json().items.find((i: { code: string }) => i.code === 'INJ-1').name).toBe(`${SQL} ${HTML}`);
    expect(await countRows(t, 'users')).toBe(usersBefore + 1);
  });

  it('treats search text as text: quotes, % and _ are literal, never SQL or wildcards', async () => {
    const total = (await api(t, admin, 'GET', '/api/users')).json().total;
    // Test users' display names start with "Test ": an unescaped _ or % would match them.
    expect((await api(t, admin, 'GET', '/api/users?q=test')).json().total).toBeGreaterThanOrEqual(2);
    for (const q of ["' OR '1'='1", 't_st', 'te%t', '%', '\\', "'; DELETE FROM users; --"]) {
      const res = await api(t, admin, 'GET', `/api/users?q=${encodeURIComponent(q)}`);
      expect({ q, status: res.statusCode, body: res.json() }).toEqual({
        q,
        status: 200,
        body: { items: [], total: 0 },
      });
    }
    expect((await api(t, admin, 'GET', '/api/users')).json().total).toBe(total);
  });

  it('refuses a SQL login as wrong credentials', async () => {
    const res = await api(t, null, 'POST', '/api/auth/login', {
      username: "' OR '1'='1",
      password: "' OR '1'='1",
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('invalid_credentials');
  });
});
