/**
 * What protection needs to know of a person: the non-identifying profile that matching and the gap
 * report use (sex, age, nationalities, languages), and the fields a referral may share. Identifying
 * fields are decrypted here, in the service layer, and only when a rule or an authorised read needs them.
 */
import { ageAt } from '../../../shared/screening-rules.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Trx } from '../../db/database.js';
import type { Profile } from '../providers/matching.js';
import { paraguayToday } from '../../../shared/dates.js';

export async function loadPerson(trx: Trx, personId: string) {
  return trx
    .selectFrom('persons')
    .select([
      'id',
      'given_names',
      'first_surname',
      'second_surname',
      'date_of_birth',
      'contact',
      'disability',
      'sex',
      'birth_year',
      'estimated_age',
      'age_estimated',
      'nationalities',
      'languages',
      'interpreter_needed',
      'residence_department',
    ])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
}
export type PersonRow = Awaited<ReturnType<typeof loadPerson>>;

/**
 * Age in whole years today: from the date of birth when known (decrypted), else from the year of
 * birth kept in clear (which an estimated age also sets), else the estimated age; null if unknown.
 */
export function currentAge(
  crypto: FieldCrypto,
  person: PersonRow,
  on: string = paraguayToday(),
): number | null {
  const dateOfBirth = crypto.decryptNullable(person.date_of_birth, 'persons.date_of_birth');
  if (dateOfBirth) return ageAt(dateOfBirth, on);
  if (person.birth_year !== null) return Number(on.slice(0, 4)) - person.birth_year;
  return person.estimated_age;
}

export function profileOf(crypto: FieldCrypto, person: PersonRow): Profile {
  return {
    sex: person.sex,
    age: currentAge(crypto, person),
    nationalities: person.nationalities,
    languages: person.languages,
  };
}
