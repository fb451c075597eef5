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

type Variant = (() => Promise<LightMyRequestResponse>) & { what: string; malformed: boolean };

/** Tables whose rows record refusals on purpose. */
const RECORDING = new Set([
  'audit_events',
  'audit_tree_leaves',
  'audit_tree_nodes',
  'audit_checkpoints',
  'audit_cosignatures',
  'login_attempts',
]);

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
const WRONG_TYPES: unknown[] = [null, 1e300, -1, true, [], {}, 'x'.repeat(100_000), 'a\u0000', '💥'];

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
    // Statistics facts are a cache of the records, brought up to date by any statistics read.
    tables = rows.map((r) => r.name).filter((name) => !RECORDING.has(name) && !name.startsWith('stat_'));
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
    const accepted: string[] = [];
    const malformed: string[] = [];
    const planned: {
      name: string;
      write: boolean;
      variants: Variant[];
    }[] = [];
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
        const probed = { ok: false };
        for (const s of sessions) {
          const res = await probe(s);
          if (res.statusCode !== 403) {
            caller = s;
            probed.ok = res.statusCode < 400;
            break;
          }
        }
        const variants: Variant[] = [];
        const send = (url: string, body?: unknown, headers?: Record<string, string>) =>
          Object.assign(
            () => api(t, caller, verb, url, verb === 'GET' || verb === 'DELETE' ? undefined : body, headers),
            {
              what: `${url.slice(0, 40)} ${JSON.stringify(body) ?? ''}`,
              // Malformed whatever the schema: not an object, NUL, a wrong content type, a bad id.
              malformed:
                (typeof body === 'string' && !body.startsWith('{}')) ||
                JSON.stringify(body ?? '').includes('\\u0000') ||
                headers !== undefined ||
                !url.startsWith(path.split('{')[0]!) ||
                /not-a-uuid|xxxx|%F0/.test(url),
            },
          );
        for (const name of pathParams)
          for (const bad of ['not-a-uuid', 'x'.repeat(3000), '💥\u0000'])
            variants.push(send(urlWith({ [name]: bad }), {}));
        for (const name of queryParams)
          for (const bad of ODD.filter((_, i) => i % 3 === 0 || i === 7))
            variants.push(send(urlWith({}, `?${name}=${encodeURIComponent(bad)}`), undefined));
        if (queryParams.length) variants.push(send(urlWith({}, `?${queryParams[0]}=1&${queryParams[0]}=2`)));
        if (json || (verb !== 'GET' && verb !== 'DELETE')) {
          for (const body of ['null', '[]', '7', '{"a":', '['.repeat(64) + ']'.repeat(64)])
            variants.push(send(urlWith({}), body));
          // Missing fields: the empty object, unless it is all the operation needs (the probe took it).
          if (!probed.ok) variants.push(send(urlWith({}), {}));
          // Every field wrong at once, with each wrong value; then each field alone, with two of them.
          if (fields.length)
            for (const value of WRONG_TYPES)
              variants.push(send(urlWith({}), Object.fromEntries(fields.map((f) => [f, value]))));
          fields
            .slice(0, 6)
            .forEach((field, i) =>
              variants.push(send(urlWith({}), { [field]: WRONG_TYPES[i % WRONG_TYPES.length] })),
            );
          variants.push(
            send(urlWith({}), { unexpected: 1, ...Object.fromEntries(fields.map((f) => [f, '💥'])) }),
          );
          variants.push(send(urlWith({}), '<x/>', { 'content-type': 'application/xml' }));
          variants.push(send(urlWith({}), 'a=1', { 'content-type': 'text/plain' }));
        }
        planned.push({ name: `${verb} ${path}`, write: verb !== 'GET', variants });
      }
    }
    // The probes above may have done what an empty request does; from here on, nothing may change.
    const before = await counts();
    for (const { name, write, variants } of planned) {
      for (const variant of variants) {
        const res = await variant();
        sent++;
        if (res.statusCode >= 500) fives.push(`${name} → ${res.statusCode} ${res.body.slice(0, 120)}`);
        else if (write && res.statusCode < 400) {
          accepted.push(`${name} → ${res.statusCode} (${variant.what.slice(0, 80)})`);
          if (variant.malformed) malformed.push(accepted.at(-1)!);
        }
      }
    }
    const after = await counts();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    expect(sent).toBeGreaterThan(1000);
    // A wrong-typed field can still be valid (an empty list, an emoji name): such a write may change
    // rows. A malformed request never may, and with no write accepted no table may change.
    expect({ fives, malformed }).toEqual({ fives: [], malformed: [] });
    if (!accepted.length) expect(changed).toEqual([]);
  }, 300_000);
});
