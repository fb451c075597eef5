/** The audit trail as the data protection officer reads it: a filtered page of events, checkpoints. */
import type { ListAuditEventsQuery } from '../../../shared/api.js';
import type { Trx } from '../../db/database.js';
import { exists } from '../../db/exists.js';
import type { z } from 'zod';

/** One page of audit events, newest first, filtered; one row more than the limit tells "there is more". */
export function searchAuditEvents(trx: Trx, query: z.infer<typeof ListAuditEventsQuery>) {
  let q = trx
    .selectFrom('audit_events')
    .leftJoin('institutions', 'institutions.id', 'audit_events.actor_institution_id')
    .selectAll('audit_events')
    .select('institutions.code as institution_code');
  if (query.from) q = q.where('audit_events.at', '>=', new Date(query.from));
  if (query.to) q = q.where('audit_events.at', '<', new Date(query.to));
  if (query.actorUserId) q = q.where('audit_events.actor_user_id', '=', query.actorUserId);
  if (query.action) q = q.where('audit_events.action', '=', query.action);
  if (query.resourceType) q = q.where('audit_events.resource_type', '=', query.resourceType);
  if (query.resourceId) q = q.where('audit_events.resource_id', '=', query.resourceId);
  if (query.outcome) q = q.where('audit_events.outcome', '=', query.outcome);
  if (query.before) q = q.where('audit_events.seq', '<', query.before);
  return q
    .orderBy('audit_events.seq', 'desc')
    .limit(query.limit + 1)
    .execute();
}

/** The checkpoint of the given size, or the latest one. */
export function findCheckpoint(trx: Trx, size?: number) {
  const q = trx.selectFrom('audit_checkpoints').select(['size', 'root', 'note']);
  return (size ? q.where('size', '=', size) : q.orderBy('size', 'desc').limit(1)).executeTakeFirst();
}

export function auditEventExists(trx: Trx, seq: number): Promise<boolean> {
  return exists(trx.selectFrom('audit_events').where('seq', '=', seq));
}
