/** Reading and writing a case's shares with other institutions (who sees a shared case: access/scope.ts). */
import type { Trx } from '../../db/database.js';
import { exists } from '../../db/exists.js';

/** True when the case is shared with `institutionId` (a share not revoked). */
export function caseSharedWith(trx: Trx, caseId: string, institutionId: string): Promise<boolean> {
  return exists(
    trx
      .selectFrom('case_shares')
      .where('case_id', '=', caseId)
      .where('institution_id', '=', institutionId)
      .where('revoked_at', 'is', null),
  );
}

/** Shares the case with `institutionId` for `reason`; the share's id. */
export async function insertShare(
  trx: Trx,
  share: { caseId: string; institutionId: string; sharedBy: string; reason: string },
): Promise<string> {
  const row = await trx
    .insertInto('case_shares')
    .values({
      case_id: share.caseId,
      institution_id: share.institutionId,
      shared_by: share.sharedBy,
      reason: share.reason,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes share `shareId` of the case; the institution it was with, or undefined if there was no such active share. */
export async function revokeShare(trx: Trx, caseId: string, shareId: string): Promise<string | undefined> {
  const row = await trx
    .updateTable('case_shares')
    .set({ revoked_at: new Date() })
    .where('id', '=', shareId)
    .where('case_id', '=', caseId)
    .where('revoked_at', 'is', null)
    .returning('institution_id')
    .executeTakeFirst();
  return row?.institution_id;
}
