/**
 * A pseudonym is not a name to match on (docs/LINKAGE.md): a person who gave no name is recorded
 * with a pseudonym, and neither the national batch, nor the likely matches at intake, nor the
 * duplicate warning compare it. Two records of different persons given the same pseudonym and the
 * same date of birth stay apart; the same two records with real names are compared as usual.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, storedRow } from '../helpers/factories.js';
import { insertPerson, insertPopulation } from './linkage-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('pseudonyms in record linkage', () => {
  const t = useTestContext();
  const named = { givenNames: 'Marisol Itatí', dateOfBirth: '2007-05-02', residenceDepartment: 'PY-11' };
  const pseudonymous = {
    givenNames: 'Flor Guadalupe',
    dateOfBirth: '2008-03-14',
    residenceDepartment: 'PY-11',
    pseudonym: true,
  };
  const ids: Record<string, string> = {};
  const [admin, worker, supervisor] = useSessions(
    t,
    'system_admin@MESA',
    'case_worker@PNPTU',
    'supervisor@PNPTU',
  );

  beforeAll(async () => {
    await insertPopulation(t, 30);
    ids.namedPolice = await insertPerson(t, 'PNPTU', named);
    ids.namedMinistry = await insertPerson(t, 'MINMUJER', named);
    ids.pseudoPolice = await insertPerson(t, 'PNPTU', pseudonymous);
    ids.pseudoMinistry = await insertPerson(t, 'MINMUJER', pseudonymous);
    // The same two words given twice, birth dates a typo apart (20 and 02), departments apart:
    // the name is what brings such records together.
    const apart = [
      { dateOfBirth: '2006-09-20', residenceDepartment: 'PY-11' },
      { dateOfBirth: '2006-09-02', residenceDepartment: 'PY-2' },
    ] as const;
    ids.sameNameA = await insertPerson(t, 'PNPTU', { givenNames: 'Rocío Belén', ...apart[0] });
    ids.sameNameB = await insertPerson(t, 'MINMUJER', { givenNames: 'Rocío Belén', ...apart[1] });
    ids.samePseudoA = await insertPerson(t, 'PNPTU', { ...pseudonymous, ...apart[0] });
    ids.samePseudoB = await insertPerson(t, 'MINMUJER', { ...pseudonymous, ...apart[1] });
    const run = await api(t, admin, 'POST', '/api/linkage/runs');
    expect(run.statusCode).toBe(201);
  }, 180_000);

  /** What the batch made of two records: linked, queued for review, or left apart. */
  async function outcome(a: string, b: string): Promise<'linked' | 'review' | 'apart'> {
    return t.services.db.transaction(async (trx) => {
      const { rows } = await sql<{ linked: number; review: number }>`select
          (select count(*) from person_cluster x join person_cluster y on x.cluster_id = y.cluster_id
            where x.person_id = ${a} and y.person_id = ${b}) as linked,
          (select count(*) from match_reviews where (person_a = ${a} and person_b = ${b})
            or (person_a = ${b} and person_b = ${a})) as review`.execute(trx);
      if (Number(rows[0]!.linked) > 0) return 'linked';
      return Number(rows[0]!.review) > 0 ? 'review' : 'apart';
    });
  }

  it('the national batch compares real names, never a pseudonym', async () => {
    // A name shared by records otherwise apart brings them together; a shared pseudonym does not.
    const outcomes = {
      named: await outcome(ids.namedPolice!, ids.namedMinistry!),
      sameName: await outcome(ids.sameNameA!, ids.sameNameB!),
      samePseudonym: await outcome(ids.samePseudoA!, ids.samePseudoB!),
      // Two nameless records with the same birth and place may still be put to a person to decide,
      // on those alone (never linked without one): the pseudonym counts as no name at all.
      pseudonymSameBirth: await outcome(ids.pseudoPolice!, ids.pseudoMinistry!),
    };
    expect({
      ...outcomes,
      named: outcomes.named !== 'apart',
      sameName: outcomes.sameName !== 'apart',
      pseudonymSameBirth: outcomes.pseudonymSameBirth !== 'linked',
    }).toEqual({ named: true, sameName: true, samePseudonym: 'apart', pseudonymSameBirth: true });
    const same = outcomes.pseudonymSameBirth;
    if (same === 'review') {
      const list = await api(t, supervisor, 'GET', '/api/linkage/reviews');
      expect(list.statusCode).toBe(200);
      const review = list
        .json()
        .items.find((r: { sides: { personId?: string }[] }) =>
          r.sides.some((side) => side.personId === ids.pseudoPolice),
        );
      // The given names are missing from the comparison (no level), never in agreement.
      const given = review.levels.find((l: { comparison: string }) => l.comparison === 'given_names');
      expect(given?.grade ?? 'not compared').not.toMatch(/agree|close/);
    }
  });

  it('the matches at intake do not find a record by its pseudonym, nor by a pseudonym typed in', async () => {
    const byName = await api(t, worker, 'POST', '/api/linkage/matches', {
      givenNames: 'Flor Guadalupe',
      dateOfBirth: '2008-03-14',
    });
    expect(byName.statusCode).toBe(200);
    const found = byName.json().matches.map((m: { id: string }) => m.id);
    expect(found).not.toContain(ids.pseudoPolice);
    // The real name is found (the look-up works)…
    const real = await api(t, worker, 'POST', '/api/linkage/matches', {
      givenNames: 'Marisol Itatí',
      dateOfBirth: '2007-05-02',
    });
    expect(real.json().matches.map((m: { id: string }) => m.id)).toContain(ids.namedPolice);
    // …but not when the same words are a pseudonym.
    const typed = await api(t, worker, 'POST', '/api/linkage/matches', {
      givenNames: 'Marisol Itatí',
      dateOfBirth: '2007-05-02',
      pseudonym: true,
    });
    expect(typed.statusCode).toBe(200);
    expect(typed.json().matches.map((m: { id: string }) => m.id)).not.toContain(ids.namedPolice);
  });

  it('the duplicate warning ignores pseudonyms, and a document number still warns', async () => {
    const check = (body: object) => api(t, worker, 'POST', '/api/persons/duplicates', body);
    const candidates = async (body: object) => {
      const res = await check(body);
      expect(res.statusCode).toBe(200);
      return res.json().candidates.map((c: { id: string }) => c.id);
    };
    expect(await candidates({ givenNames: 'Marisol Itatí', dateOfBirth: '2007-05-02' })).toContain(
      ids.namedPolice,
    );
    expect(await candidates({ givenNames: 'Flor Guadalupe', dateOfBirth: '2008-03-14' })).toEqual([]);
    expect(
      await candidates({ givenNames: 'Marisol Itatí', dateOfBirth: '2007-05-02', pseudonym: true }),
    ).toEqual([]);
    const withDocument = await insertPerson(t, 'PNPTU', { ...pseudonymous, documentNumber: '7.654.321' });
    expect(await candidates({ givenNames: 'Otra', pseudonym: true, documentNumber: '7654321' })).toContain(
      withDocument,
    );
    const stored = await storedRow(t, 'persons', { id: withDocument }, ['identity_bidx']);
    expect(stored.identity_bidx).toBeNull();
  });
});
