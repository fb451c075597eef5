/**
 * Notifications, written in the transaction of the change they announce. Who is told:
 * - a referral's state changes (created, accepted, declined, completed, closed, withdrawn): the
 *   active case-role staff (case worker, supervisor, prosecutor) of the institution on the OTHER side
 *   from the one acting — the receiver for a new referral, the sender for an answer;
 * - an overdue referral: the active supervisors of both institutions, once (referrals.escalated_at).
 * One row per recipient user; it holds no personal data and doubles as the e-mail outbox.
 */
import type { Locale, Role } from '../../../shared/roles.js';
import type { Database, Trx } from '../../db/database.js';
import { CASE_ROLES } from '../../access/policies.js';
import { followUpNow } from '../../core/clock.js';
import { AWAITING_ANSWER_REFERRAL_STATES } from '../../../shared/catalogues.js';
import type { Ctx } from '../../core/context.js';
import type { NotificationKind } from '../../../shared/api-notifications.js';
import { notificationText, referenceOf } from './notification-text.js';

export interface ReferralSides {
  id: string;
  from_institution_id: string;
  to_institution_id: string;
}

/** One notification row per user (queued for e-mail when the user has an address); how many. */
export async function notifyUsers(
  trx: Trx,
  users: readonly { id: string; email: string | null }[],
  kind: NotificationKind,
  resourceType: 'referral' | 'break_glass' | 'task',
  resourceId: string,
): Promise<number> {
  if (users.length === 0) return 0;
  await trx
    .insertInto('notifications')
    .values(
      users.map((u) => ({
        user_id: u.id,
        kind,
        resource_type: resourceType,
        resource_id: resourceId,
        mail_state: u.email ? 'pending' : 'none',
      })),
    )
    .execute();
  return users.length;
}

async function insertFor(
  trx: Trx,
  kind: NotificationKind,
  referralId: string,
  institutionIds: string[],
  roles: readonly Role[],
  exceptUserId: string | null,
): Promise<number> {
  let recipients = trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('institution_id', 'in', institutionIds)
    .where('role', 'in', [...roles])
    .where('status', '=', 'active');
  if (exceptUserId) recipients = recipients.where('id', '<>', exceptUserId);
  return notifyUsers(trx, await recipients.execute(), kind, 'referral', referralId);
}

/** Tells the other side of `referral` from the actor's institution that `kind` happened. */
export async function notifyReferral(
  ctx: Pick<Ctx, 'trx' | 'actor'>,
  kind: Exclude<NotificationKind, 'referral_overdue' | 'task_overdue'>,
  referral: ReferralSides,
): Promise<void> {
  const other =
    ctx.actor.institutionId === referral.from_institution_id
      ? referral.to_institution_id
      : referral.from_institution_id;
  await insertFor(ctx.trx, kind, referral.id, [other], CASE_ROLES, ctx.actor.userId);
}

/**
 * Escalates every referral still unanswered past its due date that was not escalated yet: marks it and tells
 * the supervisors of both institutions. Idempotent (the conditional update claims each referral
 * once, also against a concurrent run). Returns the number of referrals escalated.
 */
export async function escalateOverdueReferrals(db: Database, batch = ESCALATION_BATCH): Promise<number> {
  // In batches, one short transaction each: after a long stop thousands may be due at once, and
  // one transaction holding them all would hold the embedded database's only connection too.
  let total = 0;
  for (;;) {
    const escalated = await db.transaction(async (trx) => {
      const due = await trx
        .updateTable('referrals')
        .set({ escalated_at: new Date() })
        .where(
          'id',
          'in',
          trx
            .selectFrom('referrals')
            .select('id')
            .where('state', 'in', [...AWAITING_ANSWER_REFERRAL_STATES])
            .where('due_at', '<', followUpNow())
            .where('escalated_at', 'is', null)
            .limit(batch)
            .forUpdate()
            .skipLocked(),
        )
        .returning(['id', 'from_institution_id', 'to_institution_id'])
        .execute();
      for (const r of due) {
        await insertFor(
          trx,
          'referral_overdue',
          r.id,
          [r.from_institution_id, r.to_institution_id],
          ['supervisor'],
          null,
        );
      }
      return due.length;
    });
    total += escalated;
    if (escalated < batch || db.closed) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Overdue referrals escalated per transaction. */
export const ESCALATION_BATCH = 200;

/**
 * Tells the owning institution's supervisors and every data protection officer, at once and in the
 * same transaction, that break-glass use `grantId` was opened on a record of `ownerInstitutionId`.
 */
export async function notifyBreakGlass(
  trx: Trx,
  grantId: string,
  ownerInstitutionId: string,
): Promise<number> {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb.and([eb('institution_id', '=', ownerInstitutionId), eb('role', '=', 'supervisor')]),
        eb('role', '=', 'dpo'),
      ]),
    )
    .execute();
  return notifyUsers(trx, users, 'break_glass_opened', 'break_glass', grantId);
}

const PAGE = 50;

/** The actor's own notifications, newest first (at most 50), in `locale`, with the number unread. */
export async function listNotifications(ctx: Pick<Ctx, 'trx' | 'actor'>, locale: Locale) {
  const rows = await ctx.trx
    .selectFrom('notifications')
    // A task's notice links to the task's case (the id only; the case page checks access).
    .leftJoin('tasks', (join) =>
      join.onRef('tasks.id', '=', 'notifications.resource_id').on('notifications.resource_type', '=', 'task'),
    )
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.resource_type',
      'notifications.resource_id',
      'notifications.created_at',
      'notifications.read_at',
      'tasks.case_id',
    ])
    .where('notifications.user_id', '=', ctx.actor.userId)
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(PAGE)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as NotificationKind,
      resourceType:
        r.resource_type === 'break_glass'
          ? ('break_glass' as const)
          : r.resource_type === 'task'
            ? ('task' as const)
            : ('referral' as const),
      resourceId: r.resource_id,
      caseId: r.case_id ?? null,
      reference: referenceOf(r.kind, r.resource_id),
      text: notificationText(r.kind, r.resource_id, locale),
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    })),
    unread: await unreadCount(ctx),
  };
}

async function unreadCount(ctx: Pick<Ctx, 'trx' | 'actor'>): Promise<number> {
  const row = await ctx.trx
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the given own notifications (or all of them) read; others' ids are silently ignored. */
export async function markNotificationsRead(
  ctx: Pick<Ctx, 'trx' | 'actor'>,
  input: { ids?: string[] | undefined; all?: boolean | undefined },
) {
  if (!input.all && !input.ids?.length) return { marked: 0, unread: await unreadCount(ctx) };
  let update = ctx.trx
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('user_id', '=', ctx.actor.userId)
    .where('read_at', 'is', null);
  if (!input.all) update = update.where('id', 'in', input.ids!);
  const result = await update.executeTakeFirst();
  return { marked: Number(result.numUpdatedRows), unread: await unreadCount(ctx) };
}
