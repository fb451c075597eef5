/**
 * Loading a case for an action: who owns it, whether it is shared with the actor's institution,
 * and whether the actor may do `action` to it. Every case-level operation (cases, screenings,
 * decisions, events) goes through here, so the "404 when not visible, 403 when visible but not
 * allowed" rule is written once.
 */
import { authorize } from '../../access/authorize.js';
import { caseSharedWithActor, caseVisible } from '../../access/scope.js';
import { breakGlassGrant, refuseExpiredGrant } from '../../access/break-glass.js';
import type { Actor } from '../../access/actor.js';
import { can, type Action } from '../../access/policies.js';
import type { Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';

/** The actions on a case or on what hangs on it without a door of its own (its notes). */
export type CaseAction = Extract<Action, `case.${string}` | `caseNote.${string}`>;

export interface LoadedCase {
  id: string;
  ownerInstitutionId: string;
  reference: string;
  /** The case is shared with the actor's institution (and not owned by it). */
  sharedWithActor: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads the case and authorizes `action` on it. A case the actor may not read is "not found"
 * (its existence is not revealed); a visible case on which the action is not allowed (a write on
 * a case only shared with the actor's institution) is "forbidden". Both refusals are audited.
 */
export async function loadCaseForAction(
  trx: Trx,
  actor: Actor,
  caseId: string,
  action: CaseAction,
): Promise<LoadedCase> {
  const audit = { action, resourceType: 'case', resourceId: UUID.test(caseId) ? caseId : null };
  if (!UUID.test(caseId)) throw errors.notFound({ audit });
  const row = await trx
    .selectFrom('cases')
    .select(['cases.id', 'cases.owner_institution_id', 'cases.reference'])
    .select((eb) => caseSharedWithActor(actor)(eb).as('shared'))
    .select((eb) => breakGlassGrant<'cases'>(actor, 'case', 'cases.id')(eb).as('glass'))
    .where('cases.id', '=', caseId)
    .where(caseVisible(actor))
    .executeTakeFirst();
  // Not visible (the SQL scope, as every list): "not found", audited as the action attempted —
  // or "break-glass expired" to the user whose emergency access ended.
  if (!row) {
    await refuseExpiredGrant(trx, actor, caseId, audit);
    throw errors.notFound({ audit });
  }
  const target = {
    institutionId: row.owner_institution_id,
    sharedWithActor: row.owner_institution_id !== actor.institutionId && Boolean(row.shared),
    breakGlass: row.owner_institution_id !== actor.institutionId && Boolean(row.glass),
  };
  // The rule agrees with the scope (test/api/access-properties.test.ts); a disagreement still ends
  // in "not found", never a leak.
  if (!can(actor, 'case.read', target)) throw errors.notFound({ audit });
  authorize(actor, action, target, { resourceType: 'case', resourceId: row.id });
  return {
    id: row.id,
    ownerInstitutionId: row.owner_institution_id,
    reference: row.reference,
    sharedWithActor: target.sharedWithActor,
  };
}
