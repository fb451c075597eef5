/**
 * The intake look-up's blocking keys (persons.match_keys: pairs of name tokens × bands of birth
 * years, matches.service.ts): the person is still found when every name token is common, with an
 * estimated age on either side and a misspelled name; the keys hold nothing readable and nothing
 * computable from a name without the tenant's key; rows written before the column are backfilled;
 * the count of each key's holders (person_match_key_counts) follows every write, and the look-up
 * asks the rarest keys first. (Erasure empties them: privacy-erasure.test.ts.) Synthetic data.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { backfillMatchKeys } from '../../src/server/db/migrate.js';
import { nameKeys } from '../../src/server/modules/persons/name-normalize.js';
import { paraguayYear } from '../../src/shared/dates.js';
import { skipBackend } from '../helpers/db.js';
import { api } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { insertPerson, insertPersons, insertPopulation, type PersonSeed } from './linkage-fixtures.js';

describe.skipIf(skipBackend)('intake look-up by blocking keys', () => {
  const t = useTestContext();
  const [admin, worker] = useSessions(t, 'system_admin@MESA', 'case_worker@PNPTU');
  const yanina = { givenNames: 'Yanina Sofía', firstSurname: 'Cáceres', secondSurname: 'Duarte' };
  const ramona = { givenNames: 'Ramona Celia', firstSurname: 'Benítez', secondSurname: 'Ocampo' };
  let yaninaId: string;
  let ramonaId: string;

  const keysOf = async (id: string) =>
    (
      await t.services.db.transaction((trx) =>
        sql<{ match_keys: string[] | null }>`select match_keys from persons where id = ${id}`.execute(trx),
      )
    ).rows[0]!.match_keys;
  /** The stored counts that differ from the holders of each key counted in persons (none). */
  const countsOff = async () =>
    (
      await t.services.db.transaction((trx) =>
        sql<{ key: string }>`select coalesce(c.key, h.key) as key
          from person_match_key_counts c
          full join (select k as key, count(*)::integer as persons from persons, unnest(persons.match_keys) k
            group by k) h on h.key = c.key
          where coalesce(c.persons, 0) <> coalesce(h.persons, 0)`.execute(trx),
      )
    ).rows;
  const matchIds = async (body: object) => {
    const res = await api(t, worker, 'POST', '/api/linkage/matches', body);
    expect(res.statusCode).toBe(200);
    return res.json().matches.map((m: { id: string }) => m.id) as string[];
  };

  beforeAll(async () => {
    await insertPopulation(t, 30);
    yaninaId = await insertPerson(t, 'PNPTU', { ...yanina, dateOfBirth: '2010-03-14' });
    // Registered with an estimated age only (no date of birth).
    ramonaId = await insertPerson(t, 'PNPTU', { ...ramona, estimatedAge: 40 });
    // 320 namesakes of each with the same four names, born decades before: they outnumber the
    // candidates the look-up scores (300), and only the band of years tells her apart.
    const namesakes = (name: typeof yanina, from: number): PersonSeed[] =>
      Array.from({ length: 320 }, (_, i) => ({
        ...name,
        dateOfBirth: `${from + (i % 20)}-0${1 + (i % 9)}-${String(10 + (i % 18))}`,
      }));
    expect((await api(t, admin, 'POST', '/api/linkage/runs')).statusCode).toBe(201);
    // After the batch, whose model they would teach that a full name tells nothing.
    await insertPersons(t, 'PNPTU', [...namesakes(yanina, 1950), ...namesakes(ramona, 1930)]);
  }, 300_000);

  it('finds "Yanina Sofia Caseres Duarte, about 16" born 2010, and with a typo, among 320 namesakes', async () => {
    const age = paraguayYear() - 2010;
    const estimated = { givenNames: 'Yanina Sofia', firstSurname: 'Caseres', secondSurname: 'Duarte' };
    expect((await matchIds({ ...estimated, estimatedAge: age }))[0]).toBe(yaninaId);
    // A typo in one word beyond the phonetic folding ("Yanima"), an estimate two years off.
    expect(await matchIds({ ...estimated, givenNames: 'Yanima Sofia', estimatedAge: age + 2 })).toContain(
      yaninaId,
    );
    // With her date of birth and one surname dropped.
    const dob = await matchIds({
      givenNames: 'Yanina Sofía',
      firstSurname: 'Cáseres',
      dateOfBirth: '2010-03-14',
    });
    expect(dob[0]).toBe(yaninaId);
  });

  it('finds a person registered with an estimated age only, from a date of birth or another estimate', async () => {
    // Estimated 40 at registration: born about paraguayYear() - 40; the keys cover ± 8 years.
    const born = paraguayYear() - 40;
    const misspelt = { givenNames: 'Ramona Selia', firstSurname: 'Venitez', secondSurname: 'Okampos' };
    // Three and four years off: in another band of years than hers, within the model's "within 4
    // years" (six years off is now "within 7", which weighs too little with three misspelt words).
    expect(await matchIds({ ...misspelt, dateOfBirth: `${born - 3}-05-02` })).toContain(ramonaId);
    expect(await matchIds({ ...misspelt, estimatedAge: 44 })).toContain(ramonaId);
  });

  it('keeps one key per pair of name tokens and band of years, none readable or computable from a name', async () => {
    const keys = (await keysOf(yaninaId))!;
    // Four name tokens: six pairs, in the one band of a date of birth.
    expect(keys).toHaveLength(6);
    for (const key of keys)
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // An estimated age spans 17 years: six or seven bands of three.
    expect([36, 42]).toContain((await keysOf(ramonaId))!.length);
    // Keys computed from the name's plain phonetic keys (without the tenant's key) meet none of hers.
    const plain = nameKeys(yanina);
    const guessed = await t.services.db.transaction((trx) =>
      sql<{
        k: string[];
      }>`select person_match_keys(array[${sql.join(plain)}]::text[], 2010, 2010) as k`.execute(trx),
    );
    expect(guessed.rows[0]!.k).toHaveLength(6);
    expect(guessed.rows[0]!.k.filter((k) => keys.includes(k))).toEqual([]);
    expect(JSON.stringify(keys)).not.toMatch(/yanina|kaseres|duarte|2010/i);
  });

  it('counts the holders of every key through inserts, updates, erasure, deletes and the backfill, one row or many a statement', async () => {
    expect(await countsOff()).toEqual([]);
    const counts = await t.services.db.transaction((trx) =>
      sql<{
        persons: number;
      }>`select c.persons from person_match_key_counts c, persons p
        where p.id = ${yaninaId} and c.key = any(p.match_keys)`.execute(trx),
    );
    // Hers alone (the namesakes were born decades before: other bands).
    expect(counts.rows.map((r) => r.persons)).toEqual([1, 1, 1, 1, 1, 1]);
    const other = await insertPerson(t, 'MINMUJER', { ...yanina, dateOfBirth: '2011-07-01' });
    expect(await countsOff()).toEqual([]);
    await t.services.db.transaction(async (trx) => {
      // Another year, then another name: the keys the person leaves are counted down.
      await sql`update persons set birth_year = 1990, date_of_birth = null where id = ${other}`.execute(trx);
      await sql`update persons set name_tokens = name_tokens[1:2] where id = ${other}`.execute(trx);
    });
    expect(await countsOff()).toEqual([]);
    await t.services.db.transaction((trx) =>
      sql`update persons set name_tokens = '{}', match_keys = '{}' where id = ${other}`.execute(trx),
    );
    expect(await countsOff()).toEqual([]);
    await t.services.db.transaction((trx) => sql`delete from persons where id = ${other}`.execute(trx));
    expect(await countsOff()).toEqual([]);
    // Statements of many rows (the counts are kept per statement): two persons swap their names in
    // one UPDATE (keys one gives up the other takes: a net change only where the years differ),
    // a row whose keys do not change rides along, and one DELETE takes both.
    const a = await insertPerson(t, 'MINMUJER', { ...yanina, dateOfBirth: '1999-01-01' });
    const b = await insertPerson(t, 'MINMUJER', { ...ramona, dateOfBirth: '2003-01-01' });
    await t.services.db.transaction((trx) =>
      sql`update persons p set name_tokens = q.name_tokens, updated_at = now()
        from persons q where (p.id, q.id) in ((${a}, ${b}), (${b}, ${a}), (${yaninaId}, ${yaninaId}))`.execute(
        trx,
      ),
    );
    expect(await countsOff()).toEqual([]);
    await t.services.db.transaction((trx) => sql`delete from persons where id in (${a}, ${b})`.execute(trx));
    expect(await countsOff()).toEqual([]);
  });

  it('asks the rarest keys first, and the rarest even when every key is over the budget', async () => {
    const estimated = {
      givenNames: 'Yanina Sofia',
      firstSurname: 'Caseres',
      secondSurname: 'Duarte',
      estimatedAge: paraguayYear() - 2010,
    };
    const setCounts = (persons: number) =>
      t.services.db.transaction((trx) =>
        sql`update person_match_key_counts c set persons = c.persons + ${persons}
          from persons p where p.id = ${yaninaId} and c.key = any(p.match_keys)`.execute(trx),
      );
    // As if a million persons held each of her keys: the rarest one is still asked.
    await setCounts(1_000_000);
    try {
      expect(await matchIds(estimated)).toContain(yaninaId);
    } finally {
      await setCounts(-1_000_000);
    }
    expect(await countsOff()).toEqual([]);
  });

  it('fills the keys of rows written before the column, in batches, as the trigger does', async () => {
    const before = await keysOf(yaninaId);
    await t.services.db.transaction((trx) =>
      sql`update persons set match_keys = null where id in (${yaninaId}, ${ramonaId})`.execute(trx),
    );
    expect(await keysOf(yaninaId)).toBeNull();
    expect(await backfillMatchKeys(t.services.db)).toBe(2);
    expect(await keysOf(yaninaId)).toEqual(before);
    expect(await backfillMatchKeys(t.services.db)).toBe(0);
    expect(await countsOff()).toEqual([]);
  });
});
