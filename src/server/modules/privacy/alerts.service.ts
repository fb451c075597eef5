/** The DPO's alert list and acknowledgement; each alert carries the audit list's filters behind it. */
import type { z } from 'zod';
import type { AlertKind, ListPrivacyAlertsQuery } from '../../../shared/api-privacy.js';
import { auditOperation } from '../../audit/audit.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';

function baseQuery(ctx: Ctx) {
  return ctx.trx
    .selectFrom('privacy_alerts as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('institutions as i', 'i.id', 'a.institution_id')
    .select([
      'a.id',
      'a.kind',
      'a.user_id',
      'u.username',
      'i.code as institution_code',
      'a.window_from',
      'a.window_to',
      'a.count',
      'a.action',
      'a.outcome',
      'a.resource_type',
      'a.resource_id',
      'a.created_at',
      'a.acknowledged_at',
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const iso = (d: Date | string) => new Date(d).toISOString();

function present(row: Row) {
  // `to` is exclusive in the audit list: one millisecond after the last row of the window.
  const to = new Date(new Date(row.window_to).getTime() + 1).toISOString();
  return {
    id: row.id,
    kind: row.kind as AlertKind,
    userId: row.user_id,
    username: row.username,
    institutionCode: row.institution_code,
    windowFrom: iso(row.window_from),
    windowTo: iso(row.window_to),
    count: row.count,
    createdAt: iso(row.created_at),
    acknowledgedAt: row.acknowledged_at ? iso(row.acknowledged_at) : null,
    auditFilter: {
      ...(row.user_id ? { actorUserId: row.user_id } : {}),
      from: iso(row.window_from),
      to,
      ...(row.action ? { action: row.action } : {}),
      ...(row.outcome ? { outcome: row.outcome as 'success' | 'denied' | 'failure' } : {}),
      ...(row.resource_type ? { resourceType: row.resource_type } : {}),
      ...(row.resource_id ? { resourceId: row.resource_id } : {}),
    },
  };
}

export async function listPrivacyAlerts(ctx: Ctx, query: z.output<typeof ListPrivacyAlertsQuery>) {
  let q = baseQuery(ctx);
  if (query.state === 'open') q = q.where('a.acknowledged_at', 'is', null);
  if (query.state === 'acknowledged') q = q.where('a.acknowledged_at', 'is not', null);
  if (query.kind) q = q.where('a.kind', '=', query.kind);
  const rows = await q.orderBy('a.created_at', 'desc').orderBy('a.id').limit(query.limit).execute();
  await auditOperation(ctx, 'privacy.oversee', 'privacy_alert', null, [`state:${query.state}`]);
  return { items: rows.map(present) };
}

export async function acknowledgePrivacyAlert(ctx: Ctx, id: string) {
  const found = await ctx.trx
    .selectFrom('privacy_alerts')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found)
    throw errors.notFound({
      audit: { action: 'privacy.acknowledgeAlert', resourceType: 'privacy_alert', resourceId: id },
    });
  await ctx.trx
    .updateTable('privacy_alerts')
    .set({ acknowledged_at: new Date(), acknowledged_by: ctx.actor.userId })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .execute();
  await auditOperation(ctx, 'privacy.acknowledgeAlert', 'privacy_alert', id, ['acknowledged_at']);
  return present(await baseQuery(ctx).where('a.id', '=', id).executeTakeFirstOrThrow());
}
