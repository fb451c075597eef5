/**
 * Case notes (docs/OFFLINE.md "Case notes"): free text on a case, encrypted at rest, append-only — a
 * correction is a new note, so there is no version to conflict with when a note made offline is
 * synced. Read by whoever may read the case (a note whose label the reader's role does not need
 * comes masked), written by the case's own institution; through the one door to a case
 * (case-access.ts). Every list is audited as a read of the case, every note added as a change.
 */
import type { z } from 'zod';
import type { AddCaseNoteRequest, ListCaseNotesQuery } from '../../../shared/api-notes.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { loadCaseForAction } from './case-access.js';
import { insertNote, notesOfCase } from './case-notes.repository.js';
import { presentNote } from './case-notes.presenter.js';
import { type AuditFieldName } from '../../../shared/audit-fields/lists.js';

type AddInput = z.output<typeof AddCaseNoteRequest>;
type ListInput = z.output<typeof ListCaseNotesQuery>;

/** The notes of a case, newest first; the read is audited on the case (the person's access report shows it). */
export async function listCaseNotes(ctx: Ctx, crypto: FieldCrypto, caseId: string, page: ListInput) {
  const loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'caseNote.read');
  const { rows, total } = await notesOfCase(ctx.trx, loaded.id, page);
  await auditOperation(ctx, 'caseNote.read', 'case', loaded.id);
  return { items: rows.map((row) => presentNote(row, crypto, ctx.actor.role)), total };
}

/**
 * Adds a note by the actor, for their institution. `deviceId` is the registered device the request
 * came from (checked on the way in); it is kept only for a note written offline (`madeOfflineAt`).
 */
export async function addCaseNote(
  ctx: Ctx,
  crypto: FieldCrypto,
  caseId: string,
  input: AddInput,
  deviceId: string | null,
) {
  const loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'caseNote.create');
  const offline = input.madeOfflineAt !== undefined;
  const row = await insertNote(ctx.trx, {
    case_id: loaded.id,
    text: crypto.encrypt(input.text, 'case_notes.text'),
    sensitivity: input.sensitivity,
    author_id: ctx.actor.userId,
    institution_id: ctx.actor.institutionId,
    made_offline_at: input.madeOfflineAt ?? null,
    device_id: offline ? deviceId : null,
  });
  const fields: AuditFieldName[] = [
    'text',
    ...(input.sensitivity ? (['sensitivity'] as const) : []),
    ...(offline ? (['madeOfflineAt'] as const) : []),
  ];
  await auditOperation(ctx, 'caseNote.create', 'case_note', row.id, fields);
  return presentNote(row, crypto, ctx.actor.role);
}
