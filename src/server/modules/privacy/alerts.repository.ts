/**
 * The oversight alerts' tables (`privacy_alerts`, `privacy_alert_cursor`) and what the alerts job
 * reads to raise them: audit rows in the audit tree's leaf order (it never writes the audit table),
 * and the few user, person and case facts a rule compares.
 */
import { sql, type Insertable } from 'kysely';
import type { z } from 'zod';
import type { ListPrivacyAlertsQuery } from '../../../shared/api-privacy.js';
import type { Trx } from '../../db/database.js';
import type { PrivacyAlertTable } from '../../db/schema.js';
import { exists } from '../../db/exists.js';

/** One audit row with its leaf index (the tree's order). */
export interface AuditRow {
  idx: number;
  seq: number;
  at: Date;
  actor_user_id: string | null;
  actor_institution_id: string | null;
  action: string;
  outcome: string;
  resource_type: string | null;
  resource_id: string | null;
}

const AlertLock = 7261016;

/** Serialises the alerts job's batches (one runs at a time, until the transaction ends). */
export async function lockAlertJob(trx: Trx): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AlertLock})`.execute(trx);
}

/** The leaf index of the last audit row the job has read. */
export async function alertCursor(trx: Trx): Promise<number> {
  const row = await trx.selectFrom('privacy_alert_cursor').select('last_leaf').executeTakeFirstOrThrow();
  return Number(row.last_leaf);
}

export async function moveAlertCursor(trx: Trx, lastLeaf: number): Promise<void> {
  await trx.updateTable('privacy_alert_cursor').set({ last_leaf: lastLeaf }).execute();
}

function leafRows(trx: Trx) {
  return trx
    .selectFrom('audit_tree_leaves as l')
    .innerJoin('audit_events as e', 'e.seq', 'l.seq')
    .select([
      sql<number>`l.idx::int`.as('idx'),
      'e.seq',
      'e.at',
      'e.actor_user_id',
      'e.actor_institution_id',
      'e.action',
      'e.outcome',
      'e.resource_type',
      'e.resource_id',
    ]);
}

/** Up to `limit` audit rows after leaf `afterLeaf`, in leaf order. */
export async function auditRowsAfter(trx: Trx, afterLeaf: number, limit: number): Promise<AuditRow[]> {
  return (await leafRows(trx)
    .where('l.idx', '>', afterLeaf)
    .orderBy('l.idx')
    .limit(limit)
    .execute()) as AuditRow[];
}

/** Person reads (of `actions`) before leaf `beforeLeaf` and at or after `since`, in leaf order. */
export async function personReadsBefore(
  trx: Trx,
  beforeLeaf: number,
  since: Date,
  actions: readonly string[],
): Promise<AuditRow[]> {
  return (await leafRows(trx)
    .where('l.idx', '<', beforeLeaf)
    .where('e.at', '>=', since)
    .where('e.resource_type', '=', 'person')
    .where('e.action', 'in', [...actions])
    .orderBy('l.idx')
    .execute()) as AuditRow[];
}

/** How many refused attempts the user made in [from, to] before leaf `beforeLeaf`. */
export async function refusalsBefore(
  trx: Trx,
  userId: string,
  window: { from: Date; to: Date },
  beforeLeaf: number,
): Promise<number> {
  const row = await trx
    .selectFrom('audit_tree_leaves as l')
    .innerJoin('audit_events as e', 'e.seq', 'l.seq')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('e.actor_user_id', '=', userId)
    .where('e.outcome', '=', 'denied')
    .where('e.at', '>=', window.from)
    .where('e.at', '<=', window.to)
    .where('l.idx', '<', beforeLeaf)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Where the user's last bulk-reading alert's window ended, if there was one. */
export async function lastBulkReadingEnd(trx: Trx, userId: string): Promise<Date | null> {
  const row = await trx
    .selectFrom('privacy_alerts')
    .select((eb) => eb.fn.max('window_to').as('until'))
    .where('kind', '=', 'bulk_reading')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return (row?.until as Date | null | undefined) ?? null;
}

/** True once the user was alerted for reading this person (own surname). */
export async function ownSurnameAlerted(trx: Trx, userId: string, personId: string): Promise<boolean> {
  return exists(
    trx
      .selectFrom('privacy_alerts')
      .where('kind', '=', 'own_surname')
      .where('user_id', '=', userId)
      .where('resource_id', '=', personId),
  );
}

/** The display names of the given users. */
export function userDisplayNames(trx: Trx, userIds: readonly string[]) {
  return trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...userIds])
    .execute();
}

/** The blind-indexed name keys of the given persons. */
export function personNameTokens(trx: Trx, personIds: readonly string[]) {
  return trx
    .selectFrom('persons')
    .select(['id', 'name_tokens'])
    .where('id', 'in', [...personIds])
    .execute();
}

/**
 * Of the (user, case) reads given, those of a case owned by the user's institution but by another
 * unit than the user's, to which the user is not assigned; each pair once.
 */
export async function unassignedCaseReads(
  trx: Trx,
  reads: readonly { userId: string; caseId: string }[],
): Promise<{ user_id: string; case_id: string }[]> {
  const pairs = await sql<{
    user_id: string;
    case_id: string;
  }>`select distinct u.id as user_id, c.id as case_id
    from unnest(${sql.val(reads.map((r) => r.userId))}::uuid[], ${sql.val(
      reads.map((r) => r.caseId),
    )}::uuid[]) as x(user_id, case_id)
    join users u on u.id = x.user_id join cases c on c.id = x.case_id
    where c.owner_institution_id = u.institution_id and c.owner_unit_id is not null and u.unit_id is not null
      and c.owner_unit_id <> u.unit_id
      and not exists (select 1 from case_assignments a where a.case_id = c.id and a.user_id = u.id)`.execute(
    trx,
  );
  return pairs.rows;
}

export async function insertAlerts(trx: Trx, alerts: Insertable<PrivacyAlertTable>[]): Promise<void> {
  if (alerts.length > 0) await trx.insertInto('privacy_alerts').values(alerts).execute();
}

/** The unacknowledged alert of this kind for the user whose window starts on `day` (Paraguay). */
export function openAlertOfDay(trx: Trx, kind: string, userId: string | null, day: string) {
  return trx
    .selectFrom('privacy_alerts')
    .select(['id'])
    .where('kind', '=', kind)
    .where('user_id', '=', userId)
    .where(sql<string>`to_char((window_from at time zone 'America/Asuncion')::date, 'YYYY-MM-DD')`, '=', day)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
}

/** Adds `count` events to an alert, widening its window to `windowTo`. */
export async function addToAlert(trx: Trx, id: string, count: number, windowTo: Date): Promise<void> {
  await trx
    .updateTable('privacy_alerts')
    .set((eb) => ({
      count: eb('count', '+', count),
      window_to: sql<Date>`greatest(window_to, ${windowTo})`,
    }))
    .where('id', '=', id)
    .execute();
}

/** Alerts with the user's name and institution's code, as the DPO's list shows them. */
function alertsWithNames(trx: Trx) {
  return trx
    .selectFrom('privacy_alerts as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('institutions as i', 'i.id', 'a.institution_id')
    .selectAll('a')
    .select(['u.username', 'i.code as institution_code']);
}

export function alertById(trx: Trx, id: string) {
  return alertsWithNames(trx).where('a.id', '=', id).executeTakeFirst();
}
export type AlertRow = NonNullable<Awaited<ReturnType<typeof alertById>>>;

/** The DPO's list: open, acknowledged or all, of one kind or all, newest first. */
export function listAlerts(trx: Trx, query: z.output<typeof ListPrivacyAlertsQuery>): Promise<AlertRow[]> {
  let q = alertsWithNames(trx);
  if (query.state === 'open') q = q.where('a.acknowledged_at', 'is', null);
  if (query.state === 'acknowledged') q = q.where('a.acknowledged_at', 'is not', null);
  if (query.kind) q = q.where('a.kind', '=', query.kind);
  return q.orderBy('a.created_at', 'desc').orderBy('a.id').limit(query.limit).execute();
}

/** Acknowledges an alert not yet acknowledged (an acknowledged one keeps its first acknowledgement). */
export async function acknowledgeAlert(trx: Trx, id: string, userId: string): Promise<void> {
  await trx
    .updateTable('privacy_alerts')
    .set({ acknowledged_at: new Date(), acknowledged_by: userId })
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .execute();
}
