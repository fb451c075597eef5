/**
 * Break-glass (docs/PRIVACY.md): a case role opens a person or a case outside their scope in an
 * emergency, with a written reason, for a limited time (default 2 hours). The owning institution's
 * supervisors and every DPO are notified in the same transaction; the access door
 * (access/break-glass.ts) lets the user read the record until it expires; the DPO reviews each use
 * afterwards, and unreviewed uses stay listed ("awaiting review", "overdue" after 7 days).
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type {
  ListBreakGlassQuery,
  OpenBreakGlassRequest,
  ReviewBreakGlassRequest,
} from '../../../shared/api-privacy.js';
import { caseVisible, personVisible } from '../../access/scope.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { notifyBreakGlass } from '../notifications/notifications.service.js';

/** An unreviewed use older than this is overdue for the DPO. */
export const REVIEW_DUE_DAYS = 7;

function baseQuery(ctx: Ctx) {
  return ctx.trx
    .selectFrom('break_glass as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('institutions as i', 'i.id', 'g.institution_id')
    .innerJoin('institutions as o', 'o.id', 'g.owner_institution_id')
    .select([
      'g.id',
      'g.resource_type',
      'g.resource_id',
      'g.user_id',
      'u.username',
      'i.code as institution_code',
      'o.code as owner_code',
      'g.reason',
      'g.opened_at',
      'g.expires_at',
      'g.review',
      'g.review_note',
      'g.reviewed_at',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

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
  return present(crypto, await baseQuery(ctx).where('g.id', '=', id).executeTakeFirstOrThrow());
}

/** Who owns the record, and whether the actor already sees it; undefined when it does not exist. */
async function targetOf(ctx: Ctx, type: 'person' | 'case', id: string) {
  if (type === 'person') {
    const row = await ctx.trx
      .selectFrom('persons')
      .select(['persons.owner_institution_id as owner'])
      .select((eb) => personVisible(ctx.actor)(eb).as('visible'))
      .where('persons.id', '=', id)
      .where('persons.erased_at', 'is', null)
      .executeTakeFirst();
    return row && { owner: row.owner, visible: Boolean(row.visible) };
  }
  const row = await ctx.trx
    .selectFrom('cases')
    .select(['cases.owner_institution_id as owner'])
    .select((eb) => caseVisible(ctx.actor)(eb).as('visible'))
    .where('cases.id', '=', id)
    .where('cases.erased_at', 'is', null)
    .executeTakeFirst();
  return row && { owner: row.owner, visible: Boolean(row.visible) };
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
  const target = await targetOf(ctx, input.resourceType, input.resourceId);
  if (!target) throw errors.notFound({ audit });
  if (target.visible) throw errors.conflict('break_glass_not_needed');
  const row = await ctx.trx
    .insertInto('break_glass')
    .values({
      user_id: ctx.actor.userId,
      institution_id: ctx.actor.institutionId,
      resource_type: input.resourceType,
      resource_id: input.resourceId,
      owner_institution_id: target.owner,
      reason: crypto.encrypt(input.reason, 'break_glass.reason'),
      expires_at: sql<Date>`now() + make_interval(mins => ${input.minutes})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await notifyBreakGlass(ctx.trx, row.id, target.owner);
  await auditOperation(ctx, 'breakGlass.open', input.resourceType, input.resourceId, [
    'reason',
    `minutes:${input.minutes}`,
    `grant:${row.id}`,
  ]);
  return load(ctx, crypto, row.id);
}

export async function listBreakGlass(
  ctx: Ctx,
  crypto: FieldCrypto,
  query: z.output<typeof ListBreakGlassQuery>,
) {
  let q = baseQuery(ctx);
  if (query.state === 'unreviewed') q = q.where('g.review', 'is', null);
  if (query.state === 'reviewed') q = q.where('g.review', 'is not', null);
  const rows = await q.orderBy('g.opened_at', 'asc').limit(query.limit).execute();
  await auditOperation(ctx, 'privacy.oversee', 'break_glass', null, [`state:${query.state}`]);
  return { items: rows.map((row) => present(crypto, row)) };
}

export async function reviewBreakGlass(
  ctx: Ctx,
  crypto: FieldCrypto,
  id: string,
  input: z.output<typeof ReviewBreakGlassRequest>,
) {
  const found = await ctx.trx
    .selectFrom('break_glass')
    .select(['id', 'review'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found)
    throw errors.notFound({
      audit: { action: 'privacy.reviewBreakGlass', resourceType: 'break_glass', resourceId: id },
    });
  if (found.review) throw errors.conflict('break_glass_already_reviewed');
  await ctx.trx
    .updateTable('break_glass')
    .set({
      review: input.review,
      review_note: crypto.encrypt(input.note, 'break_glass.review_note'),
      reviewed_by: ctx.actor.userId,
      reviewed_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await auditOperation(ctx, 'privacy.reviewBreakGlass', 'break_glass', id, [
    `review:${input.review}`,
    'note',
  ]);
  return load(ctx, crypto, id);
}
