/** The DPO's alert list and acknowledgement; each alert carries the audit list's filters behind it. */
import type { z } from 'zod';
import type { AlertKind, ListPrivacyAlertsQuery } from '../../../shared/api-privacy.js';
import { auditOperation } from '../../audit/audit.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { acknowledgeAlert, alertById, listAlerts, type AlertRow } from './alerts.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

function present(row: AlertRow) {
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
  const rows = await listAlerts(ctx.trx, query);
  await auditOperation(ctx, 'privacy.oversee', 'privacy_alert', null, [`state:${query.state}`]);
  return { items: rows.map(present) };
}

export async function acknowledgePrivacyAlert(ctx: Ctx, id: string) {
  if (!(await alertById(ctx.trx, id)))
    throw errors.notFound({
      audit: { action: 'privacy.acknowledgeAlert', resourceType: 'privacy_alert', resourceId: id },
    });
  await acknowledgeAlert(ctx.trx, id, ctx.actor.userId);
  await auditOperation(ctx, 'privacy.acknowledgeAlert', 'privacy_alert', id, ['acknowledged_at']);
  return present((await alertById(ctx.trx, id))!);
}
