/**
 * Bad input to the identification operations (persons, cases, screening, decisions, events) never
 * reaches the database: malformed ids, unknown fields, over-long or NUL-bearing strings, impossible
 * dates and values outside the catalogues get a 4xx with `{ error: { code, message } }`, and no row
 * changes — neither a count nor the case and person the requests aim at.
 */
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/server/http/app.js';
import { messageFor } from '../../src/server/core/messages.js';
import { issueMessages, type IssueCode } from '../../src/shared/issue-messages/index.js';
import type { DB } from '../../src/server/db/schema.js';
import { skipBackend } from '../helpers/db.js';
import { api, rowCount } from '../helpers/factories.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const TABLES: (keyof DB)[] = [
  'audit_events',
  'persons',
  'cases',
  'case_counters',
  'case_assignments',
  'case_shares',
  'case_persons',
  'case_timeline',
  'screening_instruments',
  'screenings',
  'trafficking_decisions',
  'victim_exploitation',
  'trafficking_events',
];
const V = 'validation_failed';
const NUL = 'Rosa\u0000';

describe.skipIf(skipBackend)('bad input to the identification operations', () => {
  const t = useTestContext();
  let caseId: string;
  let personId: string;
  let shareId: string;

  // worker: PNPTU case worker: may do every case operation on its own case
  // admin: system administrator: edits the screening instrument
  const [worker, admin] = useSessions(t, 'case_worker@PNPTU', 'system_admin@MESA');

  beforeAll(async () => {
    caseId = await insertCase(t, 'PNPTU', ['MINMUJER']);
    personId = await insertLinkedPerson(t, caseId, 'PNPTU');
    shareId = (
      await t.services.db.transaction((trx) =>
        trx.selectFrom('case_shares').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow(),
      )
    ).id;
  });

  /** Row counts, and the stored state of the case and person the requests aim at. */
  async function snapshot() {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = await rowCount(t, table);
    const rows = await t.services.db.transaction(async (trx) => ({
      person: (await sql`select row_to_json(p)::text as r from persons p where id = ${personId}`.execute(trx))
        .rows,
      kase: (await sql`select row_to_json(c)::text as r from cases c where id = ${caseId}`.execute(trx)).rows,
    }));
    return { counts, ...rows };
  }

  type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A body, or a function giving it once the fixtures exist (the table is built before them). */
  type Body = unknown;
  const as =
    (
      who: 'worker' | 'admin',
      method: Method,
      url: () => string,
      body?: Body,
      headers?: Record<string, string>,
    ) =>
    () =>
      api(
        t,
        who === 'worker' ? worker : admin,
        method,
        url(),
        typeof body === 'function' ? (body as () => unknown)() : body,
        headers,
      );
  const w = (method: Method, url: () => string, body?: Body) => as('worker', method, url, body);
  const person = (body: unknown) => w('POST', () => '/api/persons', body);
  const update = (body: unknown) => w('PATCH', () => `/api/persons/${personId}`, body);
  const newCase = (body: object) =>
    w('POST', () => '/api/cases', { detectionMethod: 'Hotline', detectedOn: '2026-03-14', ...body });
  const changeCase = (body: unknown) => w('PATCH', () => `/api/cases/${caseId}`, body);
  const event = (body: object) =>
    w('POST', () => `/api/cases/${caseId}/events`, { type: 'Exploitation', country: 'PY', ...body });
  const screening = (body: object) =>
    w(
      'POST',
      () => `/api/cases/${caseId}/screenings`,
      () => ({
        personId,
        instrumentVersion: 1,
        factsDate: '2025-08-01',
        answers: { 'act.recruitment': 'yes' },
        ...body,
      }),
    );
  const decision = (body: object) =>
    w(
      'POST',
      () => `/api/cases/${caseId}/decisions`,
      () => ({
        personId,
        status: 'PossibleVictimOfTrafficking',
        decisionOrgType: 'Police',
        decidedOn: '2025-09-10',
        reason: 'Motivo sintético',
        ...body,
      }),
    );
  const long = (n: number) => 'a'.repeat(n);

  type Case = [string, number, string, () => Promise<LightMyRequestResponse>];
  // prettier-ignore
  const cases: Case[] = [
    ['createPerson: malformed JSON', 400, 'malformed_json', person('{"givenNames": "Rosa",')],
    ['createPerson: __proto__ in the body', 400, 'malformed_json', person('{"givenNames": "Rosa", "__proto__": {"x": 1}}')],
    ['createPerson: an unknown field', 400, V, person({ givenNames: 'Rosa', favouriteColour: 'azul' })],
    ['createPerson: wrong types', 400, V, person({ givenNames: 42, interpreterNeeded: 'yes' })],
    ['createPerson: given names of 121 characters', 400, V, person({ givenNames: long(121) })],
    ['createPerson: a document number of 41 characters', 400, V, person({ givenNames: 'Rosa', documentNumber: long(41) })],
    ['createPerson: a NUL character in the names', 400, V, person({ givenNames: NUL })],
    ['createPerson: a NUL character in an alias', 400, V, person({ givenNames: 'Rosa', aliases: [NUL] })],
    ['createPerson: eleven aliases', 400, V, person({ givenNames: 'Rosa', aliases: Array.from({ length: 11 }, (_, i) => `A${i}`) })],
    ['createPerson: 30 February', 400, V, person({ givenNames: 'Rosa', dateOfBirth: '2001-02-30' })],
    ['createPerson: an age of 121', 400, V, person({ givenNames: 'Rosa', estimatedAge: 121 })],
    ['createPerson: a three-letter nationality', 400, V, person({ givenNames: 'Rosa', nationalities: ['PRY'] })],
    ['createPerson: an unknown sex', 400, V, person({ givenNames: 'Rosa', sex: 'F' })],
    ['createPerson: a body over 256 KiB', 413, 'payload_too_large', person({ givenNames: 'Rosa', disability: long(300 * 1024) })],
    ['createPerson: text/plain', 415, 'unsupported_media_type', as('worker', 'POST', () => '/api/persons', '{"givenNames":"Rosa"}', { 'content-type': 'text/plain' })],
    ['checkPersonDuplicates: no given names', 400, V, w('POST', () => '/api/persons/duplicates', { firstSurname: 'Benítez' })],
    ['searchPersons: one character', 400, V, w('POST', () => '/api/persons/search', { q: 'a' })],
    ['searchPersons: 121 characters', 400, V, w('POST', () => '/api/persons/search', { q: long(121) })],
    ['searchPersons: a NUL character', 400, V, w('POST', () => '/api/persons/search', { q: 'Ro\u0000sa' })],
    ['searchPersons: limit 101', 400, V, w('POST', () => '/api/persons/search', { q: 'Rosa', limit: 101 })],
    ['searchPersons: an unknown field', 400, V, w('POST', () => '/api/persons/search', { q: 'Rosa', fuzzy: true })],
    ['getPerson: a malformed UUID', 400, V, w('GET', () => '/api/persons/not-a-uuid')],
    ['getPerson: SQL in the path', 400, V, w('GET', () => `/api/persons/${encodeURIComponent("1' OR '1'='1")}`)],
    ['updatePerson: a malformed UUID', 400, V, w('PATCH', () => '/api/persons/123', { givenNames: 'Rosa' })],
    ['updatePerson: nothing to change', 400, V, update({})],
    ['updatePerson: an unknown field', 400, V, update({ givenNames: 'Rosa', owner_institution_id: crypto.randomUUID() })],
    ['updatePerson: empty given names', 400, V, update({ givenNames: '' })],
    ['updatePerson: a NUL character in the contact', 400, V, update({ contact: NUL })],
    ['updatePerson: a contact of 201 characters', 400, V, update({ contact: long(201) })],
    ['updatePerson: a date of birth in another format', 400, V, update({ dateOfBirth: '14/07/2001' })],
    ['listCases: limit=0', 400, V, w('GET', () => '/api/cases?limit=0')],
    ['listCases: month 13', 400, V, w('GET', () => '/api/cases?from=2026-13-01')],
    ['listCases: an unknown parameter', 400, V, w('GET', () => '/api/cases?owner=PNPTU')],
    ['listCases: ict=yes', 400, V, w('GET', () => '/api/cases?ict=yes')],
    ['listCases: a NUL in the reference', 400, V, w('GET', () => '/api/cases?reference=PY%00')],
    ['createCase: an unknown detection method', 400, V, newCase({ detectionMethod: 'Rumour' })],
    ['createCase: 30 February', 400, V, newCase({ detectedOn: '2026-02-30' })],
    ['createCase: a narrative of 20,001 characters', 400, V, newCase({ narrative: long(20001) })],
    ['createCase: a NUL character in the narrative', 400, V, newCase({ narrative: NUL })],
    ['createCase: an unknown field', 400, V, newCase({ ownerInstitutionId: crypto.randomUUID() })],
    ['createCase: a malformed assignee id', 400, V, newCase({ assignedUserIds: ['x'] })],
    ['updateCase: a malformed UUID', 400, V, w('PATCH', () => '/api/cases/not-a-uuid', { status: 'Closed' })],
    ['updateCase: nothing to change', 400, V, changeCase({})],
    ['updateCase: an unknown status', 400, V, changeCase({ status: 'Solved' })],
    ['updateCase: an unknown field', 400, V, changeCase({ status: 'Closed', reference: 'PY-2026-000001' })],
    ['updateCase: a place of 201 characters', 400, V, changeCase({ detectionPlace: long(201) })],
    ['addCasePerson: a malformed person id', 400, V, w('POST', () => `/api/cases/${caseId}/persons`, { personId: 'x', role: 'Witness' })],
    ['addCasePerson: an unknown role', 400, V, w('POST', () => `/api/cases/${caseId}/persons`, () => ({ personId, role: 'Boss' }))],
    ['shareCase: a reason of two characters', 400, V, w('POST', () => `/api/cases/${caseId}/shares`, { institutionId: crypto.randomUUID(), reason: 'ab' })],
    ['shareCase: a malformed institution id', 400, V, w('POST', () => `/api/cases/${caseId}/shares`, { institutionId: 'MINNA', reason: 'Derivación' })],
    ['revokeCaseShare: a malformed share id', 400, V, w('DELETE', () => `/api/cases/${caseId}/shares/not-a-uuid`)],
    ['recordExploitation: an unknown exploitation type', 400, V, w('PUT', () => `/api/cases/${caseId}/persons/${personId}/exploitation`, { exploitationTypes: ['Slavery?'] })],
    ['recordExploitation: a malformed person id', 400, V, w('PUT', () => `/api/cases/${caseId}/persons/x/exploitation`, { exploitationTypes: ['ForcedLabour'] })],
    ['addTraffickingEvent: a three-letter country', 400, V, event({ country: 'PRY' })],
    ['addTraffickingEvent: platforms offline', 400, V, event({ platforms: ['Facebook'] })],
    ['addTraffickingEvent: ends before it starts', 400, V, event({ startDate: '2025-05-02', endDate: '2025-05-01' })],
    ['addTraffickingEvent: an unknown type', 400, V, event({ type: 'Teleport' })],
    ['addTraffickingEvent: a NUL in the district', 400, V, event({ district: NUL })],
    ['getScreeningInstrument: version=0', 400, V, w('GET', () => '/api/screening-instrument?version=0')],
    ['getScreeningInstrument: version=abc', 400, V, w('GET', () => '/api/screening-instrument?version=abc')],
    ['createScreeningInstrumentVersion: two sections', 400, V, as('admin', 'POST', () => '/api/screening-instruments', { definition: { title: { es: 'x', gn: 'x', en: 'x' }, guidance: [], sections: [] } })],
    ['publishScreeningInstrument: a malformed id', 400, V, as('admin', 'POST', () => '/api/screening-instruments/1/publish')],
    ['submitScreening: an answer "maybe"', 400, V, screening({ answers: { 'act.recruitment': 'maybe' } })],
    ['submitScreening: a question id of 65 characters', 400, V, screening({ answers: { [long(65)]: 'yes' } })],
    ['submitScreening: instrument version 0', 400, V, screening({ instrumentVersion: 0 })],
    ['submitScreening: an unknown field', 400, V, screening({ assessment: 'Victim' })],
    ['decideTraffickingStatus: an unknown status', 400, V, decision({ status: 'Maybe' })],
    ['decideTraffickingStatus: a reason of two characters', 400, V, decision({ reason: 'no' })],
    ['decideTraffickingStatus: a reason of 5,001 characters', 400, V, decision({ reason: long(5001) })],
    ['decideTraffickingStatus: a NUL in the reason', 400, V, decision({ reason: `Motivo${NUL}` })],
    ['decideTraffickingStatus: 31 April', 400, V, decision({ decidedOn: '2025-04-31' })],
    ['listDecisions: a malformed person id', 400, V, w('GET', () => `/api/cases/${caseId}/decisions?personId=x`)],
  ];

  it.each(cases)('refuses %s with %i %s, writing nothing', async (_name, status, code, call) => {
    const before = await snapshot();
    const res = await call();
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({
      error: { code, message: messageFor(code, 'es', { limit: BODY_LIMIT }) },
    });
    expect(JSON.stringify(res.json())).not.toMatch(/select |insert |stack|node_modules/i);
    expect(await snapshot()).toEqual(before);
  });

  it('accepts the same requests without their fault, so each refusal above is for its fault', async () => {
    const valid: [string, () => Promise<LightMyRequestResponse>][] = [
      ['createPerson', person({ givenNames: 'Rosa', confirmNotDuplicate: true })],
      ['searchPersons', w('POST', () => '/api/persons/search', { q: 'Rosa', limit: 100 })],
      ['updatePerson', update({ contact: 'Teléfono de prueba' })],
      ['listCases', w('GET', () => '/api/cases?limit=1&ict=true')],
      ['createCase', newCase({})],
      ['updateCase', changeCase({ status: 'FollowUp' })],
      ['addTraffickingEvent', event({ startDate: '2025-05-01', endDate: '2025-05-02' })],
      ['submitScreening', screening({})],
      ['decideTraffickingStatus', decision({})],
      ['listDecisions', w('GET', () => `/api/cases/${caseId}/decisions?personId=${personId}`)],
    ];
    for (const [name, call] of valid) {
      const res = await call();
      expect(res.statusCode, `${name}: ${res.body}`).toBeLessThan(300);
    }
  });

  it.each([
    ['es', {}],
    ['gn', { 'accept-language': 'gn-PY, es;q=0.5' }],
    ['en', { 'accept-language': 'en' }],
  ] as const)(
    'gives the schemas’ own field messages in %s, never in another language',
    async (locale, headers) => {
      const checks: [string, IssueCode, string, () => string, object][] = [
        [
          'body.endDate',
          'issue.endsBeforeStart',
          'POST',
          () => `/api/cases/${caseId}/events`,
          { type: 'Exploitation', country: 'PY', startDate: '2025-05-02', endDate: '2025-05-01' },
        ],
        [
          'body.dateOfBirth',
          'issue.notARealDate',
          'POST',
          () => '/api/persons',
          { givenNames: 'Rosa', dateOfBirth: '2001-02-30' },
        ],
        [
          'body.factsDate',
          'issue.afterToday',
          'POST',
          () => `/api/cases/${caseId}/screenings`,
          { personId, instrumentVersion: 1, factsDate: '2999-01-01', answers: { 'act.recruitment': 'yes' } },
        ],
        ['', 'issue.nothingToChange', 'PATCH', () => `/api/cases/${caseId}`, {}],
      ];
      for (const [path, code, method, url, body] of checks) {
        const res = await api(t, worker, method as 'POST', url(), body, headers);
        expect(res.statusCode, res.body).toBe(400);
        const issue = (res.json().error.issues as { path: string; message: string }[]).find((i) =>
          i.path.endsWith(path),
        );
        expect(issue, res.body).toMatchObject({ message: issueMessages[code][locale] });
        for (const other of ['es', 'gn', 'en'] as const)
          if (other !== locale) expect(issue!.message).not.toBe(issueMessages[code][other]);
      }
    },
  );

  it('names the invalid fields of a person, in the caller’s language', async () => {
    const bad = { givenNames: '', sex: 'F', nationalities: ['PRY'], extra: 1 };
    const es = (await api(t, worker, 'POST', '/api/persons', bad)).json().error;
    const en = (await api(t, worker, 'POST', '/api/persons', bad, { 'accept-language': 'en' })).json().error;
    const paths = es.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.givenNames', 'body.sex', 'body.nationalities.0']));
    expect(en.issues.map((i: { path: string }) => i.path)).toEqual(paths);
    expect(es.message).not.toBe(en.message);
  });

  it('revokes nothing when the share id is well-formed but unknown', async () => {
    const before = await snapshot();
    const res = await api(t, worker, 'DELETE', `/api/cases/${caseId}/shares/${crypto.randomUUID()}`);
    expect(res.statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    // The real share is still active.
    const active = await t.services.db.transaction((trx) =>
      trx.selectFrom('case_shares').select('revoked_at').where('id', '=', shareId).executeTakeFirstOrThrow(),
    );
    expect(active.revoked_at).toBeNull();
  });
});
