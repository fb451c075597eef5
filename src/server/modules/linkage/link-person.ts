/**
 * A person record as the linkage engine reads it: the columns every linkage read selects (the
 * national batch, the review queue, the matches at intake) and their decryption, in memory only,
 * into the engine's `LinkPerson`.
 */
import type { Selectable } from 'kysely';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { EncryptedColumnOf } from '../../crypto/registry.js';
import type { PersonTable } from '../../db/schema.js';
import type { LinkPerson } from '../../linkage-engine/record.js';
import { estimateOf } from './estimates.js';

export const LINK_PERSON_COLUMNS = [
  'id',
  'owner_institution_id',
  'given_names',
  'first_surname',
  'second_surname',
  'aliases',
  'date_of_birth',
  'birth_year',
  'estimated_age',
  'updated_at',
  'sex',
  'nationalities',
  'document_number',
  'residence_department',
  'residence_district',
  'pseudonym',
] as const;

/** The same columns qualified, for queries that join the persons table to another. */
export const LINK_PERSON_COLUMNS_OF_PERSONS = LINK_PERSON_COLUMNS.map((c) => `persons.${c}` as const);

export type LinkPersonRow = Pick<Selectable<PersonTable>, (typeof LINK_PERSON_COLUMNS)[number]>;

export function linkPersonOf(crypto: FieldCrypto, r: LinkPersonRow): LinkPerson {
  const dec = (v: string | null, column: EncryptedColumnOf<'persons'>) =>
    crypto.decryptNullable(v, `persons.${column}`);
  const aliases = dec(r.aliases, 'aliases');
  return {
    id: r.id,
    source: r.owner_institution_id,
    // A pseudonym (the person gave no name) is not a name to match on: linkage sees no given name.
    givenNames: r.pseudonym ? '' : crypto.decrypt(r.given_names, 'persons.given_names'),
    firstSurname: dec(r.first_surname, 'first_surname'),
    secondSurname: dec(r.second_surname, 'second_surname'),
    aliases: aliases === null ? [] : (JSON.parse(aliases) as string[]),
    dateOfBirth: dec(r.date_of_birth, 'date_of_birth'),
    birthYear: r.birth_year,
    ...estimateOf(r),
    sex: r.sex,
    nationalities: r.nationalities,
    documentNumber: dec(r.document_number, 'document_number'),
    department: r.residence_department,
    district: dec(r.residence_district, 'residence_district'),
  };
}
