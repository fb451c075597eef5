/**
 * A person's row for the bulk insert. The columns come from the persons module's `personColumns`
 * (the same encryption contexts `persons.<column>` and blind indexes as the API writes), so demo
 * persons are found by the same searches and duplicate checks as persons entered by hand.
 */
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { personColumns, type PersonInput } from '../modules/persons/person-record.js';
import type { SqlValue } from './sql-script.js';

export const PERSON_COLUMNS = [
  'id',
  'owner_institution_id',
  'created_by',
  'given_names',
  'first_surname',
  'second_surname',
  'aliases',
  'date_of_birth',
  'document_number',
  'contact',
  'residence_district',
  'indigenous_community',
  'name_tokens',
  'document_bidx',
  'identity_bidx',
  'sex',
  'gender',
  'birth_year',
  'age_estimated',
  'estimated_age',
  'nationalities',
  'document_type',
  'languages',
  'interpreter_needed',
  'indigenous',
  'disability',
  'residence_department',
  'created_at',
  'updated_at',
] as const;

export interface PersonMeta {
  id: string;
  ownerInstitutionId: string;
  createdBy: string | null;
  /** When the person was recorded (the case's detection): the estimated age is as of this day. */
  recordedOn: string;
  createdAt: string;
}

/** The values of `fields` in PERSON_COLUMNS order. */
export function personRow(crypto: FieldCrypto, fields: PersonInput, meta: PersonMeta): SqlValue[] {
  const c = personColumns(crypto, fields, new Date(`${meta.recordedOn}T12:00:00Z`));
  return [
    meta.id,
    meta.ownerInstitutionId,
    meta.createdBy,
    c.given_names,
    c.first_surname,
    c.second_surname,
    c.aliases,
    c.date_of_birth,
    c.document_number,
    c.contact,
    c.residence_district,
    c.indigenous_community,
    c.name_tokens,
    c.document_bidx,
    c.identity_bidx,
    c.sex,
    c.gender,
    c.birth_year,
    c.age_estimated,
    c.estimated_age,
    c.nationalities,
    c.document_type,
    c.languages,
    c.interpreter_needed,
    c.indigenous,
    c.disability,
    c.residence_department,
    meta.createdAt,
    meta.createdAt,
  ];
}
