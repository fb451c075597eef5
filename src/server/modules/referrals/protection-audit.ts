/** The audit row of a protection operation, in the operation's transaction. */
import { writeAudit } from '../../audit/audit.js';
import type { Ctx } from '../../http/route.js';

export function auditProtection(
  ctx: Ctx,
  action: string,
  resourceType: string,
  resourceId: string,
  changedFields: readonly string[] = [],
) {
  return writeAudit(ctx.trx, {
    actor: ctx.actor,
    action,
    resourceType,
    resourceId,
    purpose: ctx.purpose,
    requestId: ctx.requestId,
    changedFields,
  });
}
