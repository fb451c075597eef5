/** A case note as the API shows it: its text decrypted, or withheld when the reader's role does not need its label. */
import type { z } from 'zod';
import type { CaseNoteView, NoteSensitivity } from '../../../shared/api-notes.js';
import { LABELS_NEEDED_BY_ROLE } from '../../../shared/sensitivity.js';
import type { Role } from '../../../shared/roles.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { NoteRow } from './case-notes.repository.js';

/** Whether `role` reads a note of this label unmasked (a working note: every role that reads the case). */
export function noteReadableBy(role: Role, sensitivity: NoteSensitivity | null): boolean {
  return sensitivity === null || LABELS_NEEDED_BY_ROLE[role].includes(sensitivity);
}

export function presentNote(row: NoteRow, crypto: FieldCrypto, role: Role): z.input<typeof CaseNoteView> {
  const sensitivity = row.sensitivity as NoteSensitivity | null;
  const masked = !noteReadableBy(role, sensitivity);
  return {
    id: row.id,
    caseId: row.case_id,
    text: masked ? null : crypto.decryptNullable(row.text, 'case_notes.text'),
    sensitivity,
    masked,
    author: row.author_name,
    institutionCode: row.institution_code,
    createdAt: row.created_at.toISOString(),
    madeOfflineAt: row.made_offline_at ? row.made_offline_at.toISOString() : null,
    deviceId: row.device_id,
  };
}
