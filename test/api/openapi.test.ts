/**
 * The API describes itself (OpenAPI 3.1 and an HTML reference), answers health and readiness probes,
 * and sends security headers on every API response.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/http/security.js';
import { backend, skipBackend } from '../helpers/db.js';
import { api, appWithConfig, userWithSession } from '../helpers/factories.js';
import { useTestContext } from '../helpers/suite.js';

/** Operation ids fixed by the platform foundation (issue 2): operators and later issues rely on them. */
const FOUNDATION_IDS = [
  'login',
  'logout',
  'getSession',
  'listInstitutions',
  'createUser',
  'listUsers',
  'listAuditEvents',
];
/** Operation ids fixed by identification (issue 3), with their method and path. */
const IDENTIFICATION_OPERATIONS: Record<string, string> = {
  createPerson: 'post /api/persons',
  getPerson: 'get /api/persons/{id}',
  updatePerson: 'patch /api/persons/{id}',
  searchPersons: 'post /api/persons/search',
  createCase: 'post /api/cases',
  getCase: 'get /api/cases/{id}',
  updateCase: 'patch /api/cases/{id}',
  listCases: 'get /api/cases',
  addCasePerson: 'post /api/cases/{id}/persons',
  getScreeningInstrument: 'get /api/screening-instrument',
  submitScreening: 'post /api/cases/{id}/screenings',
  decideTraffickingStatus: 'post /api/cases/{id}/decisions',
  addTraffickingEvent: 'post /api/cases/{id}/events',
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

interface Operation {
  operationId: string;
  parameters: { name: string; in: string; required: boolean; schema?: { enum?: unknown[] } }[];
  responses: Record<string, unknown>;
  security: unknown[];
  requestBody?: { content: Record<string, { schema: { additionalProperties?: unknown } }> };
}

describe.skipIf(skipBackend)('API description, probes and headers', () => {
  const t = useTestContext();
  let doc: { openapi: string; info: { version: string }; paths: Record<string, Record<string, Operation>> };
  let operations: (Operation & { method: string; path: string })[];
  beforeAll(async () => {
    const res = await api(t, null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ ...op, method, path })),
    );
  });

  it('is an OpenAPI 3.1 document with one unique operationId per operation', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+/);
    const ids = operations.map((o) => o.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(FOUNDATION_IDS));
    expect(ids).toEqual(expect.arrayContaining(Object.keys(IDENTIFICATION_OPERATIONS)));
    expect(ids.sort()).toEqual(t.services.routes.map((r) => r.operationId).sort());
    expect(operations.every((o) => METHODS.includes(o.method))).toBe(true);
  });

  it('describes path parameters, security and request bodies', () => {
    for (const op of operations) {
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = op.parameters.filter((p) => p.in === 'path');
      expect({ id: op.operationId, path: declared.map((p) => p.name) }).toEqual({
        id: op.operationId,
        path: inPath,
      });
      expect(declared.every((p) => p.required)).toBe(true);
      expect(op.responses['400']).toBeDefined();
    }
    const byId = Object.fromEntries(operations.map((o) => [o.operationId, o]));
    expect(byId.login!.security).toEqual([]);
    expect(byId.listUsers!.security).toEqual([{ session: [] }]);
    expect(byId.listUsers!.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['institutionId', 'q', 'limit', 'offset']),
    );
    expect(byId.createUser!.responses['201']).toBeDefined();
    expect(byId.logout!.responses['204']).toBeDefined();
    // Request objects are strict: the document says so too.
    expect(byId.createUser!.requestBody!.content['application/json']!.schema.additionalProperties).toBe(
      false,
    );
  });

  it('keeps the identification operations where issue 3 fixed them, identifying data out of URLs', () => {
    const byId = Object.fromEntries(operations.map((o) => [o.operationId, o]));
    for (const [id, where] of Object.entries(IDENTIFICATION_OPERATIONS)) {
      const op = byId[id];
      expect(op, id).toBeDefined();
      expect(`${op!.method} ${op!.path}`, id).toBe(where);
      expect(op!.security, id).toEqual([{ session: [] }]);
    }
    // Names and document numbers travel in bodies: a person operation's query parameters, if any,
    // take closed values only (a language, a file format), never free text.
    for (const op of operations.filter((o) => o.path.startsWith('/api/persons'))) {
      expect(
        op.parameters.filter((p) => p.in === 'query' && !Array.isArray(p.schema?.enum)),
        op.operationId,
      ).toEqual([]);
    }
    expect(byId.createPerson!.responses['201']).toBeDefined();
    expect(byId.createCase!.responses['201']).toBeDefined();
    expect(byId.submitScreening!.responses['201']).toBeDefined();
    expect(byId.decideTraffickingStatus!.responses['201']).toBeDefined();
    expect(byId.addTraffickingEvent!.responses['201']).toBeDefined();
    // Every request body is a strict object: unknown fields are refused, and the document says so.
    const withBody = operations.filter((o) => o.requestBody);
    expect(withBody.length).toBeGreaterThan(15);
    for (const op of withBody) {
      expect(op.requestBody!.content['application/json']!.schema.additionalProperties, op.operationId).toBe(
        false,
      );
    }
  });

  it('serves a browsable HTML reference listing every operation, without scripts', async () => {
    const res = await api(t, null, 'GET', '/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const id of operations.map((o) => o.operationId)) expect(res.body).toContain(`id="${id}"`);
    expect(res.body).not.toMatch(/<script/i);
    const css = await api(t, null, 'GET', '/api/docs.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('sends the security headers on API responses, and no HSTS over plain HTTP', async () => {
    const user = await userWithSession(t);
    for (const res of [
      await api(t, null, 'GET', '/api/health'),
      await api(t, null, 'GET', '/api/nope'),
      await api(t, null, 'GET', '/api/session'),
      await api(t, user, 'GET', '/api/session'),
      await api(t, user, 'POST', '/api/users', '{'),
    ]) {
      expect(res.headers).toMatchObject({
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    expect(
      (await api(t, null, 'GET', '/api/health', undefined, { 'x-forwarded-proto': 'https' })).headers,
    ).not.toHaveProperty('strict-transport-security');
  });

  it('sends HSTS behind a trusted TLS proxy', async () => {
    const proxied = await appWithConfig(t, { trustProxy: ['127.0.0.1'] });
    try {
      const res = await api(proxied, null, 'GET', '/api/health', undefined, { 'x-forwarded-proto': 'https' });
      expect(res.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
      const plain = await api(proxied, null, 'GET', '/api/health');
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
  });

  it('answers the liveness and readiness probes without a session', async () => {
    const health = await api(t, null, 'GET', '/api/health');
    expect([health.statusCode, health.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await api(t, null, 'GET', '/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: backend, migrations: { pending: 0 } });
    expect(ready.json().migrations.applied).toBeGreaterThanOrEqual(2);
  });

  it('reports not ready (503) while a migration is pending', async () => {
    const last = await t.services.db.transaction(async (trx) => {
      const { rows } = await sql<{ name: string; timestamp: string }>`
        select name, timestamp from schema_migrations order by name desc limit 1`.execute(trx);
      await sql`delete from schema_migrations where name = ${rows[0]!.name}`.execute(trx);
      return rows[0]!;
    });
    try {
      const res = await api(t, null, 'GET', '/api/ready');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'not_ready', migrations: { pending: 1 } });
    } finally {
      await t.services.db.transaction((trx) =>
        sql`insert into schema_migrations (name, timestamp) values (${last.name}, ${last.timestamp})`.execute(
          trx,
        ),
      );
    }
    expect((await api(t, null, 'GET', '/api/ready')).statusCode).toBe(200);
  });
});
