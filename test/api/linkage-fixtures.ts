/**
 * A small synthetic population for the linkage API tests: persons written with the same columns and
 * blind indexes as the API writes (personColumns), some registered twice with spelling variations,
 * so that the national batch has something to learn from. Synthetic names only.
 */
import { PersonFields } from '../../src/shared/api-identification.js';
import { personColumns } from '../../src/server/modules/persons/person-record.js';
import type { TestContext } from '../helpers/db.js';
import { institutionId } from '../helpers/factories.js';

const GIVEN = ['Arasy', 'Mirta', 'Liz', 'Ramona', 'Celia', 'Nilda', 'Perla', 'Zunilda', 'Edelira', 'Ña Rosa'];
const SURNAMES = ['Benítez', 'Ocampo', 'Giménez', 'Villalba', 'Cardozo', 'Aquino', 'Duarte', 'Cabañas'];

export interface PersonSeed {
  givenNames: string;
  firstSurname?: string | null;
  secondSurname?: string | null;
  dateOfBirth?: string | null;
  /** An age estimated at registration (no date of birth): stored as a year ± the estimate's span. */
  estimatedAge?: number | null;
  documentNumber?: string | null;
  sex?: 'Female' | 'Male';
  residenceDepartment?: string | null;
  /** The given names are a pseudonym (the person gave no name). */
  pseudonym?: boolean;
}

/** Inserts one person owned by `institution`; returns its id. */
export async function insertPerson(t: TestContext, institution: string, seed: PersonSeed): Promise<string> {
  const owner = await institutionId(t, institution);
  const fields = PersonFields.parse({ sex: 'Female', ...seed });
  const row = await t.services.db.transaction((trx) =>
    trx
      .insertInto('persons')
      .values({ ...personColumns(t.services.crypto, fields), owner_institution_id: owner, created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  return row.id;
}

/**
 * `size` distinct persons spread over PNPTU and MINMUJER, every third one registered again by the
 * other institution with an accent dropped and its document (a twin the batch should link).
 */
export async function insertPopulation(t: TestContext, size: number): Promise<void> {
  for (let i = 0; i < size; i++) {
    const seed: PersonSeed = {
      givenNames: GIVEN[i % GIVEN.length]!,
      firstSurname: SURNAMES[i % SURNAMES.length]!,
      secondSurname: SURNAMES[(i * 3 + 1) % SURNAMES.length]!,
      dateOfBirth: `19${70 + (i % 30)}-0${1 + (i % 9)}-${String(10 + (i % 18))}`,
      documentNumber: String(3_100_000 + i * 7919),
    };
    const home = i % 2 === 0 ? 'PNPTU' : 'MINMUJER';
    await insertPerson(t, home, seed);
    if (i % 3 === 0)
      await insertPerson(t, home === 'PNPTU' ? 'MINMUJER' : 'PNPTU', {
        ...seed,
        givenNames: seed.givenNames.normalize('NFD').replace(/\p{M}/gu, ''),
        firstSurname: seed.firstSurname!.normalize('NFD').replace(/\p{M}/gu, ''),
      });
  }
}

/** Inserts the persons of `seeds` owned by `institution`, 500 rows per statement. */
export async function insertPersons(t: TestContext, institution: string, seeds: readonly PersonSeed[]) {
  const owner = await institutionId(t, institution);
  const rows = seeds.map((seed) => ({
    ...personColumns(t.services.crypto, PersonFields.parse({ sex: 'Female', ...seed })),
    owner_institution_id: owner,
    created_by: null,
  }));
  for (let at = 0; at < rows.length; at += 500)
    await t.services.db.transaction((trx) =>
      trx
        .insertInto('persons')
        .values(rows.slice(at, at + 500))
        .execute(),
    );
}

/**
 * `count` persons owned by `institution` who share only the given name `givenNames` (surnames and
 * dates drawn from the lists): a common name in a large register.
 */
export async function insertNamesakes(
  t: TestContext,
  institution: string,
  givenNames: string,
  count: number,
): Promise<void> {
  await insertPersons(
    t,
    institution,
    Array.from({ length: count }, (_, i) => ({
      givenNames,
      firstSurname: `${SURNAMES[i % SURNAMES.length]}${i}`,
      dateOfBirth: `19${60 + (i % 40)}-0${1 + (i % 9)}-${String(10 + (i % 18))}`,
    })),
  );
}
