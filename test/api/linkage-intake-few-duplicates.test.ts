/**
 * Likely matches at intake in an installation with few duplicates (a fresh demo: thousands of
 * persons, almost none registered twice). The national batch then expects only a couple of matches:
 * its prior per pair is tiny and EM has nothing to learn m from. A person registered again with only
 * an estimated age and a misspelled surname must still come back as a likely match, with the
 * field-by-field levels (docs/LINKAGE.md, "Reference m" and "The prior at intake"). Synthetic data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { paraguayYear } from '../../src/shared/dates.js';
import { skipBackend } from '../helpers/db.js';
import { api } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { insertPersons, type PersonSeed } from './linkage-fixtures.js';

const GIVEN = [
  'Emilce',
  'Arasy',
  'Mirta',
  'Liz',
  'Ramona',
  'Celia',
  'Nilda',
  'Perla',
  'Zunilda',
  'Edelira',
  'Rosalía',
  'Blanca',
  'Graciela',
  'Lourdes',
  'Nancy',
  'Gladys',
  'Teresa',
  'Elva',
  'Sonia',
  'Mabel',
  'Fátima',
  'Gisela',
  'Noemí',
  'Alba',
  'Norma',
  'Ruth',
  'Deisy',
  'Olga',
  'Lorena',
  'Sandra',
  'Rocío',
  'Mirna',
  'Jazmín',
  'Tania',
  'Yanina',
  'Leticia',
  'Karina',
  'Verónica',
  'Ninfa',
  'Hilda',
];
const SURNAMES = [
  'Benítez',
  'Ocampo',
  'Giménez',
  'Villalba',
  'Cardozo',
  'Aquino',
  'Duarte',
  'Cabañas',
  'Mendoza',
  'Cáceres',
  'González',
  'Martínez',
  'Ortiz',
  'Ramírez',
  'Vera',
  'Rojas',
  'Acosta',
  'Báez',
  'Ayala',
  'Romero',
  'Franco',
  'Núñez',
  'Sosa',
  'Torres',
  'Ríos',
  'Escobar',
  'Paredes',
  'Insfrán',
  'Ledesma',
  'Galeano',
  'Fernández',
  'López',
  'Gómez',
  'Caballero',
  'Villasboa',
  'Samaniego',
  'Riquelme',
  'Maidana',
  'Figueredo',
  'Chamorro',
  'Espínola',
  'Zárate',
  'Amarilla',
  'Cristaldo',
  'Ojeda',
  'Brítez',
  'Arce',
  'Alvarenga',
  'Salinas',
  'Ruiz Díaz',
];
const PERSONS = 1_500;
const RARE = {
  givenNames: 'Yeruti',
  firstSurname: 'Vázquez',
  secondSurname: 'Zárate',
  dateOfBirth: '1987-02-03',
};
const COMMON = {
  givenNames: 'Mirta',
  firstSurname: 'Vázquez',
  secondSurname: 'Zárate',
  dateOfBirth: '1987-02-03',
};
const TARGET = { givenNames: 'Emilce Rocío', firstSurname: 'Mendoza', secondSurname: 'Cáceres' };

/** A deterministic population of distinct persons, one or two given names each (mulberry32). */
function population(): PersonSeed[] {
  let state = 7;
  const next = (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
  const seen = new Set([`${TARGET.givenNames} ${TARGET.firstSurname} ${TARGET.secondSurname}`]);
  const out: PersonSeed[] = [];
  while (out.length < PERSONS) {
    const first = GIVEN[next(GIVEN.length)]!;
    const second = next(3) === 0 ? '' : ` ${GIVEN[next(GIVEN.length)]!}`;
    const seed: PersonSeed = {
      givenNames: `${first}${second}`,
      firstSurname: SURNAMES[next(SURNAMES.length)]!,
      secondSurname: SURNAMES[next(SURNAMES.length)]!,
    };
    const key = `${seed.givenNames} ${seed.firstSurname} ${seed.secondSurname}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A quarter with an age estimated by eye, the others with a date of birth.
    if (next(4) === 0) seed.estimatedAge = 12 + next(50);
    else {
      const [month, day] = [1 + next(12), 1 + next(28)].map((v) => String(v).padStart(2, '0'));
      seed.dateOfBirth = `${1960 + next(50)}-${month}-${day}`;
    }
    out.push(seed);
  }
  // Two persons registered twice (an accent dropped, a document added): about all a demo has.
  out.push({ ...out[10]!, givenNames: out[10]!.givenNames.normalize('NFD').replace(/\p{M}/gu, '') });
  out.push({ ...out[20]!, documentNumber: '5123987' });
  // Two persons alike but for how common their given name is (term frequencies).
  out.push(RARE, COMMON);
  return out;
}

describe.skipIf(skipBackend)('likely matches at intake with few duplicates', () => {
  const t = useTestContext();
  const [admin, worker] = useSessions(t, 'system_admin@MESA', 'case_worker@PNPTU');

  beforeAll(async () => {
    await insertPersons(t, 'PNPTU', [...population(), { ...TARGET, dateOfBirth: '1994-05-17' }]);
    const run = await api(t, admin, 'POST', '/api/linkage/runs');
    expect(run.statusCode).toBe(201);
  }, 300_000);

  it('finds a person registered again with only an estimated age and a misspelled surname, with its levels', async () => {
    const res = await api(t, worker, 'POST', '/api/linkage/matches', {
      givenNames: 'Emilce Rocío',
      // A keyboard typo (o → i), not a phonetic variant.
      firstSurname: 'Mendiza',
      secondSurname: 'Cáceres',
      estimatedAge: paraguayYear() - 1994,
    });
    expect(res.statusCode).toBe(200);
    const [match] = res.json().matches;
    expect(match).toMatchObject({ fullName: 'Emilce Rocío Mendoza Cáceres', band: 'likely' });
    const byComparison = Object.fromEntries(
      match.levels.map((l: { comparison: string; level: string; grade: string }) => [l.comparison, l]),
    );
    expect(byComparison.given_names).toMatchObject({ level: 'exact', grade: 'agree' });
    expect(byComparison.surnames).toMatchObject({
      level: 'one the same, the other misspelt',
      grade: 'close',
    });
    expect(byComparison.birth).toMatchObject({ level: 'estimated age within 2 years', grade: 'close' });
  });

  it('does not warn of a namesake with a different surname and age', async () => {
    const res = await api(t, worker, 'POST', '/api/linkage/matches', {
      givenNames: 'Emilce Rocío',
      firstSurname: 'Escobar',
      secondSurname: 'Paredes',
      estimatedAge: paraguayYear() - 1960,
    });
    expect(res.statusCode).toBe(200);
    const names = res.json().matches.map((m: { fullName: string }) => m.fullName);
    expect(names).not.toContain('Emilce Rocío Mendoza Cáceres');
  });

  it('keeps the batch name frequencies by blind index, none held by a single person', async () => {
    const rows = await t.services.db.transaction(async (trx) =>
      sql<{ family: string; token: string; persons: number }>`
        select f.family, f.token, f.persons from linkage_name_frequencies f
        join linkage_runs r on r.id = f.run_id where r.finished_at is not null`.execute(trx),
    );
    expect(rows.rows.filter((r) => r.family === 'given').length).toBeGreaterThanOrEqual(GIVEN.length - 1);
    expect(rows.rows.filter((r) => r.family === 'surname').length).toBeGreaterThanOrEqual(
      SURNAMES.length - 1,
    );
    expect(rows.rows.every((r) => r.persons > 1 && /^[A-Za-z0-9_-]{43}$/.test(r.token))).toBe(true);
  });

  it('weighs a rare shared given name more than a common one, as the batch does', async () => {
    // The same registration error for both (a surname typo, an estimated age): only the given
    // name's frequency differs (Mirta: about 60 persons of 1,500; Yeruti: one).
    const lookUp = async (givenNames: string) => {
      const res = await api(t, worker, 'POST', '/api/linkage/matches', {
        givenNames,
        firstSurname: 'Vásquez',
        secondSurname: 'Zarete',
        estimatedAge: paraguayYear() - 1987,
      });
      expect(res.statusCode).toBe(200);
      const found = res.json().matches.find((m: { fullName: string }) => m.fullName.startsWith(givenNames));
      return found?.probability ?? 0;
    };
    const rare = await lookUp(RARE.givenNames);
    expect(rare).toBeGreaterThan(0);
    expect(rare).toBeGreaterThan(await lookUp(COMMON.givenNames));
  });
});
