/**
 * What leaves the server about a person. Rows are decrypted here and only here, and only for records
 * the caller was authorized to see; list views decrypt the names of the returned page only.
 */
import type { z } from 'zod';
import type { DuplicateCandidate, PersonSummary, PersonView } from '../../../shared/api-identification.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { CASE_PERSON_ROLES } from '../../../shared/catalogues.js';
import { fullNameOf, personFields } from './person-record.js';
import type { DuplicateRow, PersonRecordRow, PersonSummaryRow } from './persons.repository.js';
import type { EncryptedColumnOf } from '../../crypto/registry.js';
import type { RevealablePersonField } from '../../../shared/sensitivity.js';

interface CaseLinkRow {
  id: string;
  reference: string;
  role: string;
}

/**
 * A person's record as the reader may see it: the fields in `masked` (labels the reader's role does
 * not need, src/shared/sensitivity.ts) are sent as null and named, so the page offers a reveal.
 */
export function presentPerson(
  crypto: FieldCrypto,
  row: PersonRecordRow,
  cases: CaseLinkRow[],
  permissions: string[],
  masked: readonly RevealablePersonField[] = [],
  emergencyAccess: PersonView['emergencyAccess'] = null,
): PersonView {
  const fields = personFields(crypto, row);
  // A field with no value has nothing to hide: it is not offered for reveal.
  const hidden = masked.filter((f) => fields[f] !== null && fields[f] !== undefined);
  for (const f of hidden) fields[f] = null;
  return {
    id: row.id,
    ...fields,
    birthYear: row.birth_year,
    ownerInstitution: {
      id: row.owner_institution_id,
      code: row.institution_code,
      name: row.institution_name,
    },
    cases: cases.map((c) => ({
      caseId: c.id,
      reference: c.reference,
      role: c.role as (typeof CASE_PERSON_ROLES)[number],
    })),
    createdAt: new Date(row.created_at).toISOString(),
    version: row.version,
    permissions,
    masked: hidden,
    emergencyAccess,
  };
}

export function presentSummary(crypto: FieldCrypto, row: PersonSummaryRow): z.infer<typeof PersonSummary> {
  const dec = (value: string | null, column: EncryptedColumnOf<'persons'>) =>
    crypto.decryptNullable(value, `persons.${column}`);
  return {
    id: row.id,
    fullName: fullNameOf({
      givenNames: crypto.decrypt(row.given_names, 'persons.given_names'),
      firstSurname: dec(row.first_surname, 'first_surname'),
      secondSurname: dec(row.second_surname, 'second_surname'),
    }),
    sex: row.sex as z.infer<typeof PersonSummary>['sex'],
    birthYear: row.birth_year,
    ownerInstitutionCode: row.institution_code,
  };
}

/** A possible duplicate, with what matched: the document number, the names and birth date, or both. */
export function presentCandidate(
  crypto: FieldCrypto,
  row: DuplicateRow,
  indexes: { documentBidx: string | null; identityBidx: string | null },
): z.infer<typeof DuplicateCandidate> {
  const matchedOn: z.infer<typeof DuplicateCandidate>['matchedOn'] = [];
  if (indexes.documentBidx !== null && row.document_bidx === indexes.documentBidx) matchedOn.push('document');
  if (indexes.identityBidx !== null && row.identity_bidx === indexes.identityBidx) {
    matchedOn.push('names_and_birth_date');
  }
  return { ...presentSummary(crypto, row), matchedOn };
}
