/**
 * Every encrypted column in the database, per table. `nanduti keys rotate` re-encrypts exactly
 * these, tests check that none of them holds plaintext, and a ciphertext's authenticated context is
 * its `table.column` — typed, so encrypting for a column that is not listed here does not compile.
 * A feature that adds an encrypted column adds it here.
 */
const ENCRYPTED = {
  users: ['totp_secret'],
  persons: [
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
  ],
  cases: ['detection_place', 'narrative'],
  case_notes: ['text'],
  trafficking_decisions: ['reason'],
  trafficking_events: ['district'],
  consents: ['reason', 'representative_name', 'child_view'],
  person_needs: ['notes'],
  referrals: ['note', 'state_reason'],
  service_deliveries: ['description'],
  hotline_contacts: ['summary'],
  // follow-up
  tasks: ['title'],
  // prosecution
  investigations: ['complaint_summary', 'ict_accounts'],
  investigation_suspects: ['given_names', 'surnames', 'aliases', 'document_number', 'official_position'],
  investigation_operations: ['place'],
  // offline capture and safe retries
  idempotency_keys: ['response'],
  devices: ['device_key'],
  // privacy operations
  legal_holds: ['reason'],
  break_glass: ['reason', 'review_note'],
} as const;

type Encrypted = typeof ENCRYPTED;
/** An encrypted column of `table`. */
export type EncryptedColumnOf<T extends keyof Encrypted> = Encrypted[T][number];
/** The authenticated-data context of a column's ciphertexts: `persons.given_names`, … */
export type EncryptionContext = { [T in keyof Encrypted]: `${T}.${Encrypted[T][number]}` }[keyof Encrypted];

/** The encrypted columns of one table, as listed above. */
export function encryptedColumnsOf<T extends keyof Encrypted>(table: T): readonly EncryptedColumnOf<T>[] {
  return ENCRYPTED[table];
}

export interface EncryptedColumn {
  table: keyof Encrypted;
  idColumn: string;
  column: string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = Object.entries(ENCRYPTED).flatMap(
  ([table, columns]) =>
    columns.map((column) => ({ table: table as keyof Encrypted, idColumn: 'id', column })),
);

/** The authenticated-data context of a column's ciphertexts. */
export function contextOf(column: Pick<EncryptedColumn, 'table' | 'column'>): EncryptionContext {
  return `${column.table}.${column.column}` as EncryptionContext;
}
