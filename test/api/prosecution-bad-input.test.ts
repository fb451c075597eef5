/**
 * Bad input to the prosecution operations: every malformed or inconsistent request gets a 4xx that
 * names what to fix, and no prosecution row changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/server/db/schema.js';
import { skipBackend } from '../helpers/db.js';
import { api, rowCount } from '../helpers/factories.js';
import { insertInvestigation, type InvestigationFixture } from './prosecution-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const TABLES: (keyof DB)[] = [
  'investigations',
  'investigation_suspects',
  'investigation_operations',
  'cooperation_requests',
  'suspect_charges',
  'procedural_stages',
  'suspect_outcomes',
];

describe.skipIf(skipBackend)('prosecution: bad input', () => {
  const t = useTestContext();
  const [prosecutor] = useSessions(t, 'prosecutor@MP-UFETESI');
  let fixture: InvestigationFixture;
  beforeAll(async () => {
    fixture = await insertInvestigation(t, 'MP-UFETESI', { charged: true, stages: ['imputacion'] });
  });

  const counts = async () => Promise.all(TABLES.map((table) => rowCount(t, table)));
  const inv = () => `/api/investigations/${fixture.investigationId}`;
  const CASES: Array<[string, 'GET' | 'POST' | 'PUT', () => string, unknown, number, string]> = [
    [
      'an unknown field',
      'POST',
      () => '/api/investigations',
      { reference: 'CF 1/2026', openedOn: '2026-04-01', owner: 'x' },
      400,
      'validation_failed',
    ],
    [
      'a date that does not exist',
      'POST',
      () => '/api/investigations',
      { reference: 'CF 2/2026', openedOn: '2026-02-30' },
      400,
      'validation_failed',
    ],
    [
      'markup in the file number',
      'POST',
      () => '/api/investigations',
      { reference: '<b>CF</b>', openedOn: '2026-04-01' },
      400,
      'validation_failed',
    ],
    [
      'a complaint after the opening',
      'POST',
      () => '/api/investigations',
      { reference: 'CF 3/2026', openedOn: '2026-04-01', complaintOn: '2026-04-02' },
      400,
      'complaint_after_opening',
    ],
    [
      'a suspect without a role',
      'POST',
      () => `${inv()}/suspects`,
      { givenNames: 'X', sex: 'Male', roles: [] },
      400,
      'validation_failed',
    ],
    [
      'an official of an unknown institution',
      'POST',
      () => `${inv()}/suspects`,
      {
        givenNames: 'X',
        sex: 'Male',
        roles: ['Other'],
        official: { kind: 'police', institutionId: '00000000-0000-4000-8000-000000000000' },
      },
      400,
      'unknown_institution',
    ],
    [
      'negative arrests',
      'POST',
      () => `${inv()}/operations`,
      { occurredOn: '2026-04-01', department: 'PY-10', personsArrested: -1, victimsRescued: 0 },
      400,
      'validation_failed',
    ],
    [
      'an operation before the opening',
      'POST',
      () => `${inv()}/operations`,
      { occurredOn: '2025-01-01', department: 'PY-10', personsArrested: 1, victimsRescued: 0 },
      400,
      'date_before_opening',
    ],
    [
      'a grant before the request',
      'POST',
      () => `${inv()}/cooperation`,
      {
        kind: 'extradition',
        direction: 'outgoing',
        country: 'BR',
        requestedOn: '2026-05-01',
        grantedOn: '2026-04-01',
      },
      400,
      'validation_failed',
    ],
    [
      'a country name instead of a code',
      'POST',
      () => `${inv()}/cooperation`,
      { kind: 'extradition', direction: 'outgoing', country: 'Brasil', requestedOn: '2026-05-01' },
      400,
      'validation_failed',
    ],
    [
      'a sentence with an acquittal',
      'POST',
      () => `${inv()}/suspects/${fixture.suspectId}/outcome`,
      { outcome: 'acquitted', decidedOn: '2026-05-01', sentenceMonths: 12 },
      400,
      'validation_failed',
    ],
    [
      'an unknown stage',
      'POST',
      () => `${inv()}/suspects/${fixture.suspectId}/stages`,
      { stage: 'condena', occurredOn: '2026-05-01' },
      400,
      'validation_failed',
    ],
    [
      'a suspect of another investigation',
      'POST',
      () => `${inv()}/suspects/00000000-0000-4000-8000-000000000000/stages`,
      { stage: 'acusacion', occurredOn: '2026-05-01' },
      404,
      'not_found',
    ],
    [
      'an unknown filter',
      'GET',
      () => '/api/investigations?name=Ram%C3%B3n',
      undefined,
      400,
      'validation_failed',
    ],
    [
      'an id that is not a UUID',
      'GET',
      () => '/api/investigations/12345',
      undefined,
      400,
      'validation_failed',
    ],
  ];

  it.each(CASES)(
    'refuses %s with a clear 4xx and changes nothing',
    async (_what, method, url, body, status, code) => {
      const before = await counts();
      const res = await api(t, prosecutor, method, url(), body);
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message.length).toBeGreaterThan(10);
      expect(await counts()).toEqual(before);
    },
  );
});
