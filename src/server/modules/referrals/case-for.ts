/**
 * Loading a case for a protection action (consent, need, referral). Visibility is the case's own
 * (case-access.ts); the action is then checked against the protection policy, and every refusal is
 * audited as the protection action that was attempted.
 */
import { authorize } from '../../access/authorize.js';
import type { Actor } from '../../access/actor.js';
import type { Action } from '../../access/policies.js';
import type { Trx } from '../../db/database.js';
import { AppError, errors } from '../../core/errors.js';
import { loadCaseForAction, type LoadedCase } from '../cases/case-access.js';

type ProtectionCaseAction = Extract<
  Action,
  'consent.record' | 'consent.withdraw' | 'consent.recordException' | 'need.record' | 'referral.create'
>;

export async function loadCaseFor(
  trx: Trx,
  actor: Actor,
  caseId: string,
  action: ProtectionCaseAction,
): Promise<LoadedCase> {
  let loaded: LoadedCase;
  try {
    loaded = await loadCaseForAction(trx, actor, caseId, 'case.read');
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw errors.notFound({
        audit: { action, resourceType: 'case', resourceId: error.extra.audit?.resourceId ?? null },
      });
    throw error;
  }
  authorize(
    actor,
    action,
    { institutionId: loaded.ownerInstitutionId, sharedWithActor: loaded.sharedWithActor },
    { resourceType: 'case', resourceId: loaded.id },
  );
  return loaded;
}
