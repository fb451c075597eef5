/**
 * A bounded fuzz of every operation the served OpenAPI document describes, as signed-in users who may
 * call it: bad ids, wrong types, missing fields, huge strings, deep nesting, NUL bytes, odd unicode
 * and wrong content types. No answer may be a 5xx, and a request refused with a 4xx changes no table
 * (the audit trail and the sign-in attempts aside, which record refusals by design).
 */
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, skipBackend, type TestContext } from '../helpers/db.js';
import { api, userWithSession, type Session } from '../helpers/factories.js';

interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
}
interface Operation {
  operationId: string;
  parameters?: Param[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
}

/** Tables whose rows record refusals on purpose. */
const RECORDING = new Set(['audit_events', 'login_attempts']);

const ODD = [
  '',
  'x'.repeat(20_000),
  '-1',
  '1e309',
  'NaN',
  '0x1F',
  '💥\u202eǅ\uFFFF',
  'a\u0000b',
  "x'); drop table users; --",
  '../../etc/passwd',
];
const WRONG_TYPES: unknown[] = [
  null,
  12345678901234567890,
  -1,
  true,
  [],
  {},
  'x'.repeat(100_000),
  'a\u0000',
  '💥',
];

describe.skipIf(skipBackend)('the API under malformed input (fuzzed from its OpenAPI document)', () => {
  let t: TestContext;
  let sessions: Session[];
  let tables: string[];
  beforeAll(async () => {
    t = await createTestContext();
    sessions = [
      await userWithSession(t, { role: 'system_admin', institution: 'MESA' }),
      await userWithSession(t, { role: 'case_worker', institution: 'PNPTU' }),
      await userWithSession(t, { role: 'supervisor', institution: 'PNPTU' }),
      await userWithSession(t, { role: 'analyst', institution: 'MESA' }),
      await userWithSession(t, { role: 'dpo', institution: 'MESA' }),
      await userWithSession(t, { role: 'prosecutor', institution: 'PNPTU' }),
    ];
    const { rows } = await t.services.db.transaction((trx) =>
      sql<{ name: string }>`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(trx),
    );
    tables = rows.map((r) => r.name).filter((name) => !RECORDING.has(name));
  }, 120_000);
  afterAll(async () => t?.close());

  /** Row counts of every table but the recording ones, in one query. */
  const counts = async () => {
    const { rows } = await t.services.db.transaction((trx) =>
      sql<Record<string, string>>`select ${sql.join(
        tables.map((name) => sql`(select count(*) from ${sql.table(name)}) as ${sql.ref(name)}`),
      )}`.execute(trx),
    );
    return rows[0]!;
  };

  it('answers every malformed request with a 4xx, never a 5xx, and a refusal changes nothing', async () => {
    const doc = (await api(t, null, 'GET', '/api/openapi.json')).json();
    const fives: string[] = [];
    const changed: string[] = [];
    let sent = 0;
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(methods)) {
        // Signing out would end the callers' sessions for the operations after it.
        if (op.operationId.startsWith('logout')) continue;
        const verb = method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const params = (op.parameters ?? []).filter((p) => p.in !== 'header');
        const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
        const queryParams = params.filter((p) => p.in === 'query').map((p) => p.name);
        const json = op.requestBody?.content['application/json']?.schema;
        const fields = Object.keys(json?.properties ?? {});
        const urlWith = (ids: Record<string, string>, query = '') =>
          path.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent(ids[name] ?? crypto.randomUUID()),
          ) + query;

        // Who calls it: the first user not refused outright (a 403 would test only the door).
        const probe = (s: Session | null) => api(t, s, verb, urlWith({}), verb === 'GET' ? undefined : {});
        let caller: Session | null = null;
        for (const s of sessions) {
          const res = await probe(s);
          if (res.statusCode !== 403) {
            caller = s;
            break;
          }
        }
        const variants: Array<() => Promise<LightMyRequestResponse>> = [];
        const send = (url: string, body?: unknown, headers?: Record<string, string>) => () =>
          api(t, caller, verb, url, verb === 'GET' || verb === 'DELETE' ? undefined : body, headers);
        for (const name of pathParams)
          for (const bad of ['not-a-uuid', 'x'.repeat(3000), '💥', '00000000-0000-0000-0000-000000000000'])
            variants.push(send(urlWith({ [name]: bad }), {}));
        for (const name of queryParams)
          for (const bad of ODD.filter((_, i) => i % 2 === 0 || i === 7))
            variants.push(send(urlWith({}, `?${name}=${encodeURIComponent(bad)}`), undefined));
        if (queryParams.length) variants.push(send(urlWith({}, `?${queryParams[0]}=1&${queryParams[0]}=2`)));
        if (json || (verb !== 'GET' && verb !== 'DELETE')) {
          for (const body of ['null', '[]', '"text"', '7', '{}', '{"a":', '['.repeat(64) + ']'.repeat(64)])
            variants.push(send(urlWith({}), body));
          // Every field wrong at once, with each wrong value; then each field alone, with two of them.
          for (const value of WRONG_TYPES)
            variants.push(send(urlWith({}), Object.fromEntries(fields.map((f) => [f, value]))));
          fields.slice(0, 8).forEach((field, i) => {
            for (const j of [0, 1])
              variants.push(send(urlWith({}), { [field]: WRONG_TYPES[(i * 2 + j) % WRONG_TYPES.length] }));
          });
          variants.push(
            send(urlWith({}), { unexpected: 1, ...Object.fromEntries(fields.map((f) => [f, '💥'])) }),
          );
          variants.push(send(urlWith({}), '<x/>', { 'content-type': 'application/xml' }));
          variants.push(send(urlWith({}), 'a=1', { 'content-type': 'text/plain' }));
        }
        const before = await counts();
        let succeeded = false;
        for (const variant of variants) {
          const res = await variant();
          sent++;
          if (res.statusCode >= 500)
            fives.push(`${verb} ${path} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          if (res.statusCode < 400) succeeded = true;
        }
        if (!succeeded) {
          const after = await counts();
          const moved = Object.keys(after).filter((name) => after[name] !== before[name]);
          if (moved.length) changed.push(`${verb} ${path}: ${moved.join(', ')}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(2000);
    expect(fives).toEqual([]);
    expect(changed).toEqual([]);
  }, 240_000);
});
