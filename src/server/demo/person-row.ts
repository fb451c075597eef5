/**
 * A person's row for the bulk insert. The columns come from the persons module's `personColumns`
 * (the same encryption contexts `persons.<column>` and blind indexes as the API writes), so demo
 * persons are found by the same searches and duplicate checks as persons entered by hand.
 */
import type { FieldCrypto } from '../crypto/field-crypto.js';
import { encryptedColumnsOf } from '../crypto/registry.js';
import { personColumns, type PersonColumns, type PersonInput } from '../modules/persons/person-record.js';
import type { SqlValue } from './sql-script.js';

/**
 * A person's own columns as `personColumns` computes them: the encrypted ones as the key registry
 * lists them, then the indexes and the clear ones (`pseudonym` keeps its default).
 */
const FIELD_COLUMNS = [
  ...encryptedColumnsOf('persons'),
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
  'residence_department',
] as const satisfies readonly (keyof PersonColumns)[];

export const PERSON_COLUMNS = [
  'id',
  'owner_institution_id',
  'created_by',
  ...FIELD_COLUMNS,
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
    ...FIELD_COLUMNS.map((column) => c[column]),
    meta.createdAt,
    meta.createdAt,
  ];
}
