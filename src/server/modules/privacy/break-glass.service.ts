/**
 * Break-glass (docs/PRIVACY.md): a case role opens a person or a case outside their scope in an
 * emergency, with a written reason, for a limited time (default 2 hours). The owning institution's
 * supervisors and every DPO are notified in the same transaction; the access door
 * (access/break-glass.ts) lets the user read the record until it expires; the DPO reviews each use
 * afterwards, and unreviewed uses stay listed ("awaiting review", "overdue" after 7 days).
 */
import type { z } from 'zod';
import type {
  ListBreakGlassQuery,
  OpenBreakGlassRequest,
  ReviewBreakGlassRequest,
} from '../../../shared/api-privacy.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { notifyBreakGlass } from '../notifications/notifications.service.js';
import {
  findGrant,
  grantReview,
  grantTarget,
  insertGrant,
  listGrants,
  saveGrantReview,
  type GrantRow as Row,
} from './break-glass.repository.js';

/** An unreviewed use older than this is overdue for the DPO. */
export const REVIEW_DUE_DAYS = 7;

function stateOf(row: Row, now = Date.now()) {
  if (row.review) return 'reviewed' as const;
  if (new Date(row.expires_at).getTime() > now) return 'active' as const;
  const overdueAt = new Date(row.opened_at).getTime() + REVIEW_DUE_DAYS * 86_400_000;
  return now > overdueAt ? ('overdue' as const) : ('awaiting_review' as const);
}

function present(crypto: FieldCrypto, row: Row) {
  return {
    id: row.id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    userId: row.user_id,
    username: row.username,
    institutionCode: row.institution_code,
    ownerInstitutionCode: row.owner_code,
    reason: crypto.decrypt(row.reason, 'break_glass.reason'),
    openedAt: new Date(row.opened_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    state: stateOf(row),
    review: row.review,
    reviewNote: crypto.decryptNullable(row.review_note, 'break_glass.review_note'),
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
  };
}

async function load(ctx: Ctx, crypto: FieldCrypto, id: string) {
  return present(crypto, await findGrant(ctx.trx, id));
}

export async function openBreakGlass(
  ctx: Ctx,
  crypto: FieldCrypto,
  input: z.output<typeof OpenBreakGlassRequest>,
) {
  const audit = {
    action: 'breakGlass.open' as const,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
  };
  const target = await grantTarget(ctx.trx, ctx.actor, input.resourceType, input.resourceId);
  if (!target) throw errors.notFound({ audit });
  if (target.visible) throw errors.conflict('break_glass_not_needed');
  const grantId = await insertGrant(ctx.trx, {
    userId: ctx.actor.userId,
    institutionId: ctx.actor.institutionId,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    ownerInstitutionId: target.owner,
    reason: crypto.encrypt(input.reason, 'break_glass.reason'),
    minutes: input.minutes,
  });
  await notifyBreakGlass(ctx.trx, grantId, target.owner);
  await auditOperation(ctx, 'breakGlass.open', input.resourceType, input.resourceId, [
    'reason',
    `minutes:${input.minutes}`,
    `grant:${grantId}`,
  ]);
  return load(ctx, crypto, grantId);
}

export async function listBreakGlass(
  ctx: Ctx,
  crypto: FieldCrypto,
  query: z.output<typeof ListBreakGlassQuery>,
) {
  const rows = await listGrants(ctx.trx, query.state, query.limit);
  await auditOperation(ctx, 'privacy.oversee', 'break_glass', null, [`state:${query.state}`]);
  return { items: rows.map((row) => present(crypto, row)) };
}

export async function reviewBreakGlass(
  ctx: Ctx,
  crypto: FieldCrypto,
  id: string,
  input: z.output<typeof ReviewBreakGlassRequest>,
) {
  const found = await grantReview(ctx.trx, id);
  if (!found)
    throw errors.notFound({
      audit: { action: 'privacy.reviewBreakGlass', resourceType: 'break_glass', resourceId: id },
    });
  if (found.review) throw errors.conflict('break_glass_already_reviewed');
  await saveGrantReview(ctx.trx, id, {
    review: input.review,
    note: crypto.encrypt(input.note, 'break_glass.review_note'),
    reviewedBy: ctx.actor.userId,
  });
  await auditOperation(ctx, 'privacy.reviewBreakGlass', 'break_glass', id, [
    `review:${input.review}`,
    'note',
  ]);
  return load(ctx, crypto, id);
}
