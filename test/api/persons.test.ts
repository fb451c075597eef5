/**
 * Persons API: registration, reading, update, search by name and the duplicate warning at intake.
 * Every name here is synthetic.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend, type TestContext } from '../helpers/db.js';
import { api, auditOf, buildPerson, rowCount, type Session } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const search = async (t: TestContext, s: Session, q: string) => {
  const res = await api(t, s, 'POST', '/api/persons/search', { q });
  expect(res.statusCode).toBe(200);
  return (res.json().items as { id: string; fullName: string }[]).map((i) => i.id);
};

describe.skipIf(skipBackend)('persons', () => {
  const t = useTestContext();
  const [worker] = useSessions(t, 'case_worker@PNPTU');

  it('registers a person and reads back every field', async () => {
    const body = {
      givenNames: 'Zunilda Mercedes',
      firstSurname: 'Aquino',
      secondSurname: 'Benítez',
      aliases: ['Zuni'],
      sex: 'Female',
      gender: 'Feminine',
      dateOfBirth: '2001-07-14',
      nationalities: ['PY', 'BR'],
      documentType: 'CedulaPY',
      documentNumber: '4.812.339',
      languages: ['gn', 'es'],
      interpreterNeeded: false,
      indigenous: true,
      indigenousCommunity: 'Comunidad Ficticia Ka’aguy Porã',
      disability: null,
      contact: '+595 981 000 111',
      residenceDepartment: 'PY-5',
      residenceDistrict: 'Distrito Sintético',
    };
    const created = await api(t, worker, 'POST', '/api/persons', body);
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({
      ...body,
      birthYear: 2001,
      estimatedAge: null,
      ageApproximate: false,
      cases: [],
    });
    expect(view.ownerInstitution.code).toBe('PNPTU');

    const read = await api(t, worker, 'GET', `/api/persons/${view.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(view);
  });

  it('keeps the year of birth from an estimated age, flagged approximate', async () => {
    const p = await buildPerson(t, worker, { givenNames: 'Rosalía', estimatedAge: 16, ageApproximate: true });
    expect(p).toMatchObject({
      dateOfBirth: null,
      estimatedAge: 16,
      ageApproximate: true,
      birthYear: new Date().getUTCFullYear() - 16,
    });
  });

  it('updates only the named fields, re-indexes the names and audits the changed field names', async () => {
    const p = await buildPerson(t, worker, {
      givenNames: 'Clotilde',
      firstSurname: 'Ortellado',
      sex: 'Female',
      languages: ['gn'],
      contact: '0981 222 333',
    });
    expect(await search(t, worker, 'clotilde ortellado')).toEqual([p.id]);

    const res = await api(t, worker, 'PATCH', `/api/persons/${p.id}`, {
      firstSurname: 'Villasboa',
      contact: '0981 222 333',
      dateOfBirth: '1994-02-11',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      givenNames: 'Clotilde',
      firstSurname: 'Villasboa',
      sex: 'Female', // not reset to a default by a partial update
      languages: ['gn'],
      contact: '0981 222 333',
      dateOfBirth: '1994-02-11',
      birthYear: 1994,
    });
    expect(await search(t, worker, 'clotilde ortellado')).toEqual([]);
    expect(await search(t, worker, 'Clotilde Viyasboa')).toEqual([p.id]);

    const last = (await auditOf(t, worker.user.id)).filter((r) => r.action === 'person.update').at(-1)!;
    expect(last).toMatchObject({ resource_type: 'person', resource_id: p.id, outcome: 'success' });
    expect(last.changed_fields).toEqual(['dateOfBirth', 'firstSurname']);
  });

  it('finds persons whatever the accents, case and usual spelling variants', async () => {
    const pairs: [string, string, string][] = [
      // [given names, surname as registered, surname as searched]
      ['Eulalia', 'González', 'gonzales'],
      ['Ramona', 'Giménez', 'JIMENEZ'],
      ['Catalina', 'Benítez', 'Venítez'],
      ['Ignacia', 'Villalba', 'viyalba'],
      ['Tránsito', 'Ñandú', 'nandu'],
    ];
    for (const [given, stored, query] of pairs) {
      const p = await buildPerson(t, worker, { givenNames: given, firstSurname: stored });
      expect(await search(t, worker, `${query} ${given.toUpperCase()}`), `${stored} ~ ${query}`).toEqual([
        p.id,
      ]);
      expect(await search(t, worker, query)).toContain(p.id);
    }
    // Every query word must match: a surname alone that nobody has finds nothing.
    expect(await search(t, worker, 'Eulalia Jiménez')).toEqual([]);
    // Only particles and initials: nothing, rather than everyone.
    expect(await search(t, worker, 'de la M.')).toEqual([]);
  });

  it('lists the most recently updated first and honours the limit', async () => {
    const a = await buildPerson(t, worker, { givenNames: 'Perpetua', firstSurname: 'Candia' });
    const b = await buildPerson(t, worker, {
      givenNames: 'Perpetua',
      firstSurname: 'Candia',
      aliases: ['Pety'],
    });
    expect(await search(t, worker, 'perpetua candia')).toEqual([b.id, a.id]);
    await api(t, worker, 'PATCH', `/api/persons/${a.id}`, { secondSurname: 'Duarte' });
    expect(await search(t, worker, 'perpetua candia')).toEqual([a.id, b.id]);
    const limited = await api(t, worker, 'POST', '/api/persons/search', { q: 'Perpetua', limit: 1 });
    const shown = (await auditOf(t, worker.user.id)).filter((row) => row.action === 'person.search').at(-1)!;
    expect(shown.resource_id).toBe(limited.json().items[0].id); // each person listed is audited
    expect(limited.json().items).toEqual([
      {
        id: a.id,
        fullName: 'Perpetua Candia Duarte',
        sex: 'Unknown',
        birthYear: null,
        ownerInstitutionCode: 'PNPTU',
      },
    ]);
  });

  it('audits each person a search shows, in the order shown, and a search that shows nobody', async () => {
    const older = await buildPerson(t, worker, { givenNames: 'Eustaquia', firstSurname: 'Villalba' });
    const newer = await buildPerson(t, worker, { givenNames: 'Eustaquia', firstSurname: 'Villalba' });
    const before = (await auditOf(t, worker.user.id)).length;
    expect(await search(t, worker, 'eustaquia villalba')).toEqual([newer.id, older.id]);
    const shown = (await auditOf(t, worker.user.id)).slice(before);
    expect(shown.map((row) => [row.action, row.resource_type, row.resource_id, row.outcome])).toEqual([
      ['person.search', 'person', newer.id, 'success'],
      ['person.search', 'person', older.id, 'success'],
    ]);
    // One request's rows: same request id and purpose, no search term anywhere.
    expect(new Set(shown.map((row) => row.request_id)).size).toBe(1);
    expect(shown.every((row) => row.purpose === shown[0]!.purpose && row.request_id !== null)).toBe(true);
    expect(JSON.stringify(shown)).not.toMatch(/eustaquia|villalba/i);

    const none = (await auditOf(t, worker.user.id)).length;
    expect(await search(t, worker, 'Zenaida Nadiequetenga')).toEqual([]);
    const empty = (await auditOf(t, worker.user.id)).slice(none);
    expect(empty.map((row) => [row.action, row.resource_type, row.resource_id, row.outcome])).toEqual([
      ['person.search', 'person', null, 'success'],
    ]);
  });

  describe('duplicate warning', () => {
    it('stops on the same document number until the user confirms it is someone else', async () => {
      const first = await buildPerson(t, worker, { givenNames: 'Dalmacia', documentNumber: '3.907.114' });
      const before = await rowCount(t, 'persons');
      const again = { givenNames: 'Dalma', firstSurname: 'Otra', documentNumber: ' 3907114 ' };

      const refused = await api(t, worker, 'POST', '/api/persons', again);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('possible_duplicates');
      expect(refused.json().error.message).not.toMatch(/3907114|Dalma/);
      expect(await rowCount(t, 'persons')).toBe(before);

      const check = await api(t, worker, 'POST', '/api/persons/duplicates', again);
      expect(check.statusCode).toBe(200);
      expect(check.json().candidates).toEqual([
        expect.objectContaining({ id: first.id, matchedOn: ['document'] }),
      ]);
      const audited = (await auditOf(t, worker.user.id)).at(-1)!;
      // The candidate shown is audited by id: the DPO can tell who has seen this person.
      expect(audited).toMatchObject({
        action: 'person.duplicateCheck',
        resource_type: 'person',
        resource_id: first.id,
      });

      const confirmed = await api(t, worker, 'POST', '/api/persons', { ...again, confirmNotDuplicate: true });
      expect(confirmed.statusCode).toBe(201);
      expect(await rowCount(t, 'persons')).toBe(before + 1);
      const created = (await auditOf(t, worker.user.id)).at(-1)!;
      expect(created.action).toBe('person.create');
      expect(created.changed_fields).toContain('confirmNotDuplicate');
    });

    it('stops on the same names and date of birth, with the surnames in either order', async () => {
      const first = await buildPerson(t, worker, {
        givenNames: 'Zenaida',
        firstSurname: 'Ayala',
        secondSurname: 'Cáceres',
        dateOfBirth: '1988-10-02',
      });
      const swapped = {
        givenNames: 'ZENAIDA',
        firstSurname: 'Caseres',
        secondSurname: 'Ayala',
        dateOfBirth: '1988-10-02',
      };
      const refused = await api(t, worker, 'POST', '/api/persons', swapped);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('possible_duplicates');
      const check = await api(t, worker, 'POST', '/api/persons/duplicates', swapped);
      expect(check.json().candidates).toEqual([
        {
          id: first.id,
          fullName: 'Zenaida Ayala Cáceres',
          sex: 'Unknown',
          birthYear: 1988,
          ownerInstitutionCode: 'PNPTU',
          matchedOn: ['names_and_birth_date'],
        },
      ]);
      // Another birth date is another person.
      const other = await api(t, worker, 'POST', '/api/persons', { ...swapped, dateOfBirth: '1988-10-03' });
      expect(other.statusCode).toBe(201);
      expect(
        (await api(t, worker, 'POST', '/api/persons', { ...swapped, confirmNotDuplicate: true })).statusCode,
      ).toBe(201);
    });
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = await rowCount(t, 'persons');
    const auditBefore = (await auditOf(t, worker.user.id)).length;
    const bad: [Record<string, unknown>, string][] = [
      [{ givenNames: 'Fermina', favouriteColour: 'azul' }, 'validation_failed'],
      [{ givenNames: 'Fermina', dateOfBirth: '2001-02-30' }, 'validation_failed'],
      [{ givenNames: 'Fermina', dateOfBirth: '14/07/2001' }, 'validation_failed'],
      [{ givenNames: 'Fermina', nationalities: ['py'] }, 'validation_failed'],
      [{ givenNames: 'Fermina', nationalities: ['PRY'] }, 'validation_failed'],
      [{ givenNames: '' }, 'validation_failed'],
      [{ givenNames: 'Fermina', sex: 'F' }, 'validation_failed'],
      [
        { givenNames: 'Fermina', dateOfBirth: `${new Date().getUTCFullYear() + 1}-01-01` },
        'date_of_birth_in_future',
      ],
    ];
    for (const [body, code] of bad) {
      const res = await api(t, worker, 'POST', '/api/persons', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe(code);
    }
    const p = await buildPerson(t, worker, { givenNames: 'Fermina' });
    const patch = await api(t, worker, 'PATCH', `/api/persons/${p.id}`, { nationalities: ['XXX'] });
    expect(patch.statusCode).toBe(400);
    expect((await api(t, worker, 'PATCH', `/api/persons/${p.id}`, {})).statusCode).toBe(400);
    expect((await api(t, worker, 'GET', '/api/persons/not-a-uuid')).statusCode).toBe(400);
    expect(await rowCount(t, 'persons')).toBe(before + 1);
    // Only the one successful registration reached the trail.
    expect((await auditOf(t, worker.user.id)).slice(auditBefore).map((r) => r.action)).toEqual([
      'person.create',
    ]);
  });
});
