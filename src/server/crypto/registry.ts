/**
 * Every encrypted column in the database. `nanduti keys rotate` re-encrypts exactly these, and
 * tests check that none of them holds plaintext. A feature that adds an encrypted column adds it here.
 */
export interface EncryptedColumn {
  table: string;
  idColumn: string;
  column: string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'users', idColumn: 'id', column: 'totp_secret' },
  ...[
    'given_names',
    'first_surname',
    'second_surname',
    'aliases',
    'date_of_birth',
    'document_number',
    'contact',
    'residence_district',
    'indigenous_community',
    'disability',
  ].map((column) => ({ table: 'persons', idColumn: 'id', column })),
  { table: 'cases', idColumn: 'id', column: 'detection_place' },
  { table: 'cases', idColumn: 'id', column: 'narrative' },
  { table: 'trafficking_decisions', idColumn: 'id', column: 'reason' },
  { table: 'trafficking_events', idColumn: 'id', column: 'district' },
  { table: 'consents', idColumn: 'id', column: 'reason' },
  { table: 'person_needs', idColumn: 'id', column: 'notes' },
  { table: 'referrals', idColumn: 'id', column: 'note' },
  { table: 'referrals', idColumn: 'id', column: 'state_reason' },
  { table: 'service_deliveries', idColumn: 'id', column: 'description' },
  { table: 'hotline_contacts', idColumn: 'id', column: 'summary' },
  // prosecution
  { table: 'investigations', idColumn: 'id', column: 'complaint_summary' },
  { table: 'investigations', idColumn: 'id', column: 'ict_accounts' },
  ...['given_names', 'surnames', 'aliases', 'document_number', 'official_position'].map((column) => ({
    table: 'investigation_suspects',
    idColumn: 'id',
    column,
  })),
  { table: 'investigation_operations', idColumn: 'id', column: 'place' },
];

/** The authenticated-data context of a column's ciphertexts. */
export function contextOf(column: Pick<EncryptedColumn, 'table' | 'column'>): string {
  return `${column.table}.${column.column}`;
}
