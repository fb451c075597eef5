/**
 * A person's fields ⇄ the columns of `persons`: identifying fields encrypted (context
 * `persons.<column>`, see crypto/registry.ts), blind indexes for look-ups, and the non-identifying
 * attributes statistics count kept in clear. The API and `nanduti demo` both write persons through
 * `personColumns`, so every row has the same indexes.
 */
import type { z } from 'zod';
import type { PersonFields } from '../../../shared/api-identification.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Selectable } from 'kysely';
import type { PersonTable } from '../../db/schema.js';
import { documentKey, identityKey, nameTokens, type NameParts } from './name-normalize.js';
import type { EncryptedColumnOf } from '../../crypto/registry.js';
import { paraguayYear } from '../../../shared/dates.js';

export type PersonInput = z.output<typeof PersonFields>;

/** Blind-index domains: the same value indexed in two domains gives unrelated indexes. */
export const BLIND_DOMAIN = { name: 'name', document: 'document_number', identity: 'identity' } as const;

type Indexer = Pick<FieldCrypto, 'blindIndex'>;

/** Blind indexes of what the duplicate warning compares. */
export interface DuplicateIndexes {
  documentBidx: string | null;
  identityBidx: string | null;
}

export function duplicateIndexes(
  crypto: Indexer,
  fields: NameParts & { dateOfBirth?: string | null; documentNumber?: string | null; pseudonym?: boolean },
): DuplicateIndexes {
  const doc = documentKey(fields.documentNumber);
  // A pseudonym is not a name: a person who gave none has no identity key (names + date of birth);
  // a document number, when one is known, still warns.
  const identity = fields.pseudonym ? null : identityKey(fields, fields.dateOfBirth);
  return {
    documentBidx: doc === null ? null : crypto.blindIndex(doc, BLIND_DOMAIN.document),
    identityBidx: identity === null ? null : crypto.blindIndex(identity, BLIND_DOMAIN.identity),
  };
}

/** Blind-index tokens of a query or of a person's names (persons.name_tokens). */
export function nameIndex(crypto: Indexer): (key: string) => string {
  return (key) => crypto.blindIndex(key, BLIND_DOMAIN.name);
}

/**
 * The year of birth kept in clear for statistics: the date of birth's year, else the current year
 * minus the estimated age, else null.
 */
export function birthYearOf(
  dateOfBirth: string | null | undefined,
  estimatedAge: number | null | undefined,
  today: Date = new Date(),
): number | null {
  if (dateOfBirth) return Number(dateOfBirth.slice(0, 4));
  if (estimatedAge !== null && estimatedAge !== undefined) return paraguayYear(today) - estimatedAge;
  return null;
}

type PersonRow = Selectable<PersonTable>;

/** The columns a person's fields produce: all but identity, ownership and timestamps. */
export type PersonColumns = Omit<
  PersonRow,
  | 'id'
  | 'match_keys'
  | 'owner_institution_id'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
  | 'erased_at'
  | 'version'
  | 'field_versions'
>;

/** Every column a person's fields produce (encrypted, indexed, or in clear). */
export function personColumns(crypto: FieldCrypto, p: PersonInput, today: Date = new Date()): PersonColumns {
  const enc = (value: string | null | undefined, column: EncryptedColumnOf<'persons'>) =>
    crypto.encryptNullable(value ?? null, `persons.${column}`);
  const { documentBidx, identityBidx } = duplicateIndexes(crypto, p);
  return {
    given_names: crypto.encrypt(p.givenNames, 'persons.given_names'),
    first_surname: enc(p.firstSurname, 'first_surname'),
    second_surname: enc(p.secondSurname, 'second_surname'),
    aliases: p.aliases.length > 0 ? enc(JSON.stringify(p.aliases), 'aliases') : null,
    date_of_birth: enc(p.dateOfBirth, 'date_of_birth'),
    document_number: enc(p.documentNumber, 'document_number'),
    contact: enc(p.contact, 'contact'),
    residence_district: enc(p.residenceDistrict, 'residence_district'),
    indigenous_community: enc(p.indigenousCommunity, 'indigenous_community'),
    name_tokens: nameTokens(p, nameIndex(crypto)),
    document_bidx: documentBidx,
    identity_bidx: identityBidx,
    sex: p.sex,
    gender: p.gender ?? null,
    birth_year: birthYearOf(p.dateOfBirth, p.estimatedAge, today),
    age_estimated: p.ageApproximate,
    estimated_age: p.estimatedAge ?? null,
    nationalities: p.nationalities,
    document_type: p.documentType ?? null,
    languages: p.languages,
    interpreter_needed: p.interpreterNeeded,
    pseudonym: p.pseudonym,
    indigenous: p.indigenous,
    disability: enc(p.disability, 'disability'),
    residence_department: p.residenceDepartment ?? null,
  };
}

/** The encrypted and clear columns `personFields` reads back. */
export type StoredPerson = Omit<PersonColumns, 'name_tokens' | 'document_bidx' | 'identity_bidx'>;

/** A person's fields as stored: every field present, null when not known. */
export type StoredFields = { [K in keyof PersonInput]-?: Exclude<PersonInput[K], undefined> };

/** Decrypts a stored person back into its fields (only for records the caller may see). */
export function personFields(crypto: FieldCrypto, row: StoredPerson): StoredFields {
  const dec = (value: string | null, column: EncryptedColumnOf<'persons'>) =>
    crypto.decryptNullable(value, `persons.${column}`);
  const aliases = dec(row.aliases, 'aliases');
  return {
    givenNames: crypto.decrypt(row.given_names, 'persons.given_names'),
    firstSurname: dec(row.first_surname, 'first_surname'),
    secondSurname: dec(row.second_surname, 'second_surname'),
    aliases: aliases === null ? [] : (JSON.parse(aliases) as string[]),
    sex: row.sex as StoredFields['sex'],
    gender: row.gender as StoredFields['gender'],
    dateOfBirth: dec(row.date_of_birth, 'date_of_birth'),
    estimatedAge: row.estimated_age,
    ageApproximate: row.age_estimated,
    nationalities: row.nationalities,
    documentType: row.document_type as StoredFields['documentType'],
    documentNumber: dec(row.document_number, 'document_number'),
    languages: row.languages as StoredFields['languages'],
    interpreterNeeded: row.interpreter_needed,
    pseudonym: row.pseudonym,
    indigenous: row.indigenous,
    indigenousCommunity: dec(row.indigenous_community, 'indigenous_community'),
    disability: dec(row.disability, 'disability'),
    contact: dec(row.contact, 'contact'),
    residenceDepartment: row.residence_department as StoredFields['residenceDepartment'],
    residenceDistrict: dec(row.residence_district, 'residence_district'),
  };
}

/** "Given names First Second", as lists show a person. */
export function fullNameOf(p: Pick<PersonInput, 'givenNames' | 'firstSurname' | 'secondSurname'>): string {
  return [p.givenNames, p.firstSurname, p.secondSurname].filter(Boolean).join(' ');
}
