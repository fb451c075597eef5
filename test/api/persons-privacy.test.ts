/**
 * Who may see a person, what the audit trail keeps of each look, and what the database holds:
 * another institution sees nothing, analysts and data-protection officers read no personal field,
 * every read is audited without values, and the raw tables hold no plaintext. Synthetic data only.
 */
import { nextCaseNumber } from '../../src/server/modules/cases/cases.repository.js';
import { formatReference } from '../../src/server/modules/cases/cases.service.js';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/roles.js';
import { skipBackend, type TestContext } from '../helpers/db.js';
import {
  api,
  auditOf,
  auditRows,
  buildPerson,
  institutionId,
  userWithSession,
} from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const PERSON = {
  givenNames: 'Xiomarita Quelopana',
  firstSurname: 'Zarzuelabeitia',
  secondSurname: 'Ñumbuhuasi',
  aliases: ['Chiquimarita'],
  dateOfBirth: '1997-11-23',
  documentType: 'CedulaPY',
  documentNumber: 'QX-7719-0042',
  contact: 'xiomarita.ficticia@example.test +595 971 456 789',
  indigenous: true,
  indigenousCommunity: 'Tekoha Inventado Yvyraty',
  residenceDepartment: 'PY-7',
  residenceDistrict: 'Distrito Imaginario Karumbe',
};
/** Every personal value above, and the forms in which a leak would show. */
const SECRETS = [
  'Xiomarita',
  'Quelopana',
  'Zarzuelabeitia',
  'Ñumbuhuasi',
  'Numbuhuasi',
  'Chiquimarita',
  '1997-11-23',
  'QX-7719-0042',
  'QX77190042',
  '971 456 789',
  'ficticia@example',
  'Yvyraty',
  'Karumbe',
];

async function rawText(t: TestContext, query: 'persons' | 'audit_events'): Promise<string> {
  const table = sql.table(query);
  const result = await t.services.db.transaction((trx) =>
    sql<{ row: string }>`select row_to_json(r)::text as row from ${table} r`.execute(trx),
  );
  return result.rows.map((r) => r.row).join('\n');
}

function personReads(t: TestContext, id: string) {
  return auditRows(t, { action: 'person.read', resource: id });
}

/** A case of `owner` with the person linked, shared with `sharedWith` when given. */
async function linkToCase(t: TestContext, personId: string, owner: string, sharedWith?: string) {
  const ownerId = await institutionId(t, owner);
  const shareId = sharedWith ? await institutionId(t, sharedWith) : null;
  return t.services.db.transaction(async (trx) => {
    const reference = formatReference(2026, await nextCaseNumber(trx, 2026));
    const c = await trx
      .insertInto('cases')
      .values({
        reference,
        owner_institution_id: ownerId,
        detection_method: 'Hotline',
        detected_on: '2026-03-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('case_persons')
      .values({ case_id: c.id, person_id: personId, role: 'PresumedVictim' })
      .execute();
    if (shareId) {
      await trx
        .insertInto('case_shares')
        .values({ case_id: c.id, institution_id: shareId, reason: 'derivación' })
        .execute();
    }
    return { id: c.id, reference };
  });
}

describe.skipIf(skipBackend)('persons: privacy and access', () => {
  const t = useTestContext();
  const [worker, outsider] = useSessions(t, 'case_worker@PNPTU', 'supervisor@MINMUJER');
  let person: { id: string };
  beforeAll(async () => {
    person = await buildPerson(t, worker, PERSON);
  });

  it('hides a person from another institution: 404 on read and update, nothing in search or duplicates', async () => {
    const read = await api(t, outsider, 'GET', `/api/persons/${person.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().error.code).toBe('not_found');
    expect((await api(t, outsider, 'PATCH', `/api/persons/${person.id}`, { contact: null })).statusCode).toBe(
      404,
    );
    for (const q of ['Xiomarita', 'zarzuelabeitia numbuhuasi', 'Chiquimarita']) {
      const res = await api(t, outsider, 'POST', '/api/persons/search', { q });
      expect(res.json().items).toEqual([]);
    }
    const dup = await api(t, outsider, 'POST', '/api/persons/duplicates', {
      givenNames: 'Otra',
      documentNumber: PERSON.documentNumber,
    });
    expect(dup.json().candidates).toEqual([]);
    // Not seeing it, the outsider may register someone with the same number without a warning.
    const own = await api(t, outsider, 'POST', '/api/persons', {
      givenNames: 'Otra',
      documentNumber: PERSON.documentNumber,
    });
    expect(own.statusCode).toBe(201);
    // An id that does not exist answers the same as one out of scope.
    const missing = await api(t, outsider, 'GET', '/api/persons/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(read.json());
    const denied = await auditOf(t, outsider.user.id, 'denied');
    expect(denied.map((r) => [r.action, r.resource_id])).toEqual(
      expect.arrayContaining([
        ['person.read', person.id],
        ['person.update', person.id],
      ]),
    );
  });

  it('lets an institution that received a shared case read the person, not change it', async () => {
    const p = await buildPerson(t, worker, { givenNames: 'Eleuteria', firstSurname: 'Mongelós' });
    expect((await api(t, outsider, 'GET', `/api/persons/${p.id}`)).statusCode).toBe(404);
    const shared = await linkToCase(t, p.id, 'PNPTU', 'MINMUJER');
    const hidden = await linkToCase(t, p.id, 'PNPTU');

    const read = await api(t, outsider, 'GET', `/api/persons/${p.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().cases).toEqual([
      { caseId: shared.id, reference: shared.reference, role: 'PresumedVictim' },
    ]);
    expect(read.json().permissions).toEqual([]); // the page offers no edit to the sharing partner
    const own = await api(t, worker, 'GET', `/api/persons/${p.id}`);
    expect(own.json().permissions).toEqual(['person.update']);
    expect(
      own
        .json()
        .cases.map((c: { caseId: string }) => c.caseId)
        .sort(),
    ).toEqual([shared.id, hidden.id].sort());
    expect(
      (await api(t, outsider, 'POST', '/api/persons/search', { q: 'eleuteria mongelos' })).json().items,
    ).toHaveLength(1);

    const patch = await api(t, outsider, 'PATCH', `/api/persons/${p.id}`, { firstSurname: 'Cambiado' });
    expect(patch.statusCode).toBe(403);
    expect((await api(t, worker, 'GET', `/api/persons/${p.id}`)).json().firstSurname).toBe('Mongelós');
  });

  it.each<Role>(['analyst', 'dpo', 'institution_admin', 'system_admin'])(
    'gives a %s no person operation and no personal field',
    async (role) => {
      const s = await userWithSession(t, { role, institution: 'PNPTU' });
      const calls = [
        api(t, s, 'POST', '/api/persons', { givenNames: 'Intento' }),
        api(t, s, 'POST', '/api/persons/duplicates', {
          givenNames: PERSON.givenNames,
          documentNumber: PERSON.documentNumber,
        }),
        api(t, s, 'POST', '/api/persons/search', { q: PERSON.givenNames }),
        api(t, s, 'GET', `/api/persons/${person.id}`),
        api(t, s, 'PATCH', `/api/persons/${person.id}`, { contact: null }),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
        for (const secret of SECRETS) expect(res.body).not.toContain(secret);
      }
    },
  );

  it('audits every read of a person, with the purpose and without any personal value', async () => {
    const before = (await personReads(t, person.id)).filter((r) => r.outcome === 'success').length;
    for (let i = 0; i < 3; i++)
      expect((await api(t, worker, 'GET', `/api/persons/${person.id}`)).statusCode).toBe(200);
    await api(t, worker, 'GET', `/api/persons/${person.id}`, undefined, {
      'x-nanduti-purpose': 'investigation',
    });
    const reads = (await personReads(t, person.id)).filter((r) => r.outcome === 'success');
    expect(reads).toHaveLength(before + 4);
    const mine = reads.slice(-4);
    expect(mine.map((r) => r.purpose)).toEqual([
      'case_management',
      'case_management',
      'case_management',
      'investigation',
    ]);
    for (const row of mine) {
      expect(row).toMatchObject({
        actor_user_id: worker.user.id,
        actor_institution_id: worker.user.institutionId,
        resource_type: 'person',
        resource_id: person.id,
      });
      expect(row.changed_fields).toEqual([]);
    }
    const created = (await auditOf(t, worker.user.id)).find((r) => r.action === 'person.create')!;
    expect(created.changed_fields).toEqual(
      expect.arrayContaining(['givenNames', 'documentNumber', 'contact']),
    );
    const text = JSON.stringify([...mine, created]);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('keeps no plaintext personal value in the persons table or the audit trail', async () => {
    // Search and the duplicate check also run, so their traces are in the trail too.
    await api(t, worker, 'POST', '/api/persons/search', { q: 'Xiomarita Zarzuelabeitia' });
    await api(t, worker, 'POST', '/api/persons/duplicates', PERSON);
    await api(t, worker, 'PATCH', `/api/persons/${person.id}`, { aliases: ['Chiquimarita', 'Quelopanita'] });
    const persons = await rawText(t, 'persons');
    const trail = await rawText(t, 'audit_events');
    expect(persons).toContain(person.id); // the query does read the rows
    expect(persons).toContain('enc:v1:');
    for (const secret of [...SECRETS, 'Quelopanita', 'jiomarita', 'sarsuelabeitia', 'numbuasi']) {
      expect(persons.toLowerCase()).not.toContain(secret.toLowerCase());
      expect(trail.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    // The clear statistics columns are there, as designed.
    expect(persons).toContain('"birth_year":1997');
  });
});
