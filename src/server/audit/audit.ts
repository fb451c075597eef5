/**
 * The audit trail: one append-only, hash-chained row per change, per read of a person's record and
 * per refused attempt, written in the same transaction as the change it describes. Rows carry who,
 * which institution, what, on which record, why (purpose), the request id and the NAMES of changed
 * fields — never personal values.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database, Trx } from '../db/database.js';
import type { AuditEventRow } from '../db/schema.js';
import type { Ctx } from '../core/context.js';
import type { AuditAction } from '../../shared/actions.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditActor {
  userId: string;
  username: string;
  institutionId: string;
  role: string;
}

export interface AuditEvent {
  actor: AuditActor | null;
  action: AuditAction;
  outcome?: AuditOutcome;
  resourceType?: string | null;
  resourceId?: string | null;
  purpose?: string | null;
  requestId?: string | null;
  changedFields?: readonly string[];
}

const GENESIS = '0'.repeat(64);
/** Serialises audit writers so the chain has one order; held until the transaction ends. */
const AUDIT_LOCK = 7261002;

interface HashedFields {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorInstitutionId: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  resourceType: string | null;
  resourceId: string | null;
  purpose: string | null;
  requestId: string | null;
  changedFields: string[];
}

/** SHA-256 over the previous hash and a fixed-order serialisation of the row. */
export function hashRow(prevHash: string, f: HashedFields): string {
  const canonical = JSON.stringify([
    f.seq,
    f.at,
    f.actorUserId,
    f.actorUsername,
    f.actorInstitutionId,
    f.actorRole,
    f.action,
    f.outcome,
    f.resourceType,
    f.resourceId,
    f.purpose,
    f.requestId,
    f.changedFields,
  ]);
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

function fieldsOf(row: AuditEventRow): HashedFields {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorUserId: row.actor_user_id,
    actorUsername: row.actor_username,
    actorInstitutionId: row.actor_institution_id,
    actorRole: row.actor_role,
    action: row.action,
    outcome: row.outcome,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    purpose: row.purpose,
    requestId: row.request_id,
    changedFields: Array.isArray(row.changed_fields)
      ? row.changed_fields
      : JSON.parse(String(row.changed_fields)),
  };
}

/** Appends one event to the chain inside the caller's transaction. */
export async function writeAudit(trx: Trx, event: AuditEvent): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields: HashedFields = {
    seq: last ? Number(last.seq) + 1 : 1,
    at: new Date().toISOString(),
    actorUserId: event.actor?.userId ?? null,
    actorUsername: event.actor?.username ?? null,
    actorInstitutionId: event.actor?.institutionId ?? null,
    actorRole: event.actor?.role ?? null,
    action: event.action,
    outcome: event.outcome ?? 'success',
    resourceType: event.resourceType ?? null,
    resourceId: event.resourceId ?? null,
    purpose: event.purpose ?? null,
    requestId: event.requestId ?? null,
    changedFields: [...(event.changedFields ?? [])].sort(),
  };
  const prevHash = last?.hash ?? GENESIS;
  await trx
    .insertInto('audit_events')
    .values({
      seq: fields.seq,
      at: fields.at,
      actor_user_id: fields.actorUserId,
      actor_username: fields.actorUsername,
      actor_institution_id: fields.actorInstitutionId,
      actor_role: fields.actorRole,
      action: fields.action,
      outcome: fields.outcome,
      resource_type: fields.resourceType,
      resource_id: fields.resourceId,
      purpose: fields.purpose,
      request_id: fields.requestId,
      changed_fields: JSON.stringify(fields.changedFields),
      prev_hash: prevHash,
      hash: hashRow(prevHash, fields),
    })
    .execute();
}

/** Writes an event in a transaction of its own (refused attempts, whose own transaction rolled back). */
export async function writeAuditAlone(db: Database, event: AuditEvent): Promise<void> {
  await db.transaction((trx) => writeAudit(trx, event));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

/**
 * Walks the whole chain in order and reports the first row whose hash, link or position does not
 * hold: an edited row fails its own hash, a removed row breaks the sequence or the next link.
 */
export async function verifyAuditChain(db: Database, pageSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db.transaction(
      (trx) =>
        trx
          .selectFrom('audit_events')
          .selectAll()
          .where('seq', '>=', expectedSeq)
          .orderBy('seq')
          .limit(pageSize)
          .execute(),
      { readOnly: true },
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: `row ${expectedSeq} is missing` };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBrokenSeq: seq,
          reason: `row ${seq} does not link to row ${seq - 1}`,
        };
      }
      if (hashRow(prevHash, fieldsOf(row)) !== row.hash) {
        return { ok: false, checked, firstBrokenSeq: seq, reason: `row ${seq} was altered (hash mismatch)` };
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked, firstBrokenSeq: null, reason: null };
  }
}

/** The audit row of an operation done by the request's actor, in the operation's transaction. */
export function auditOperation(
  ctx: Ctx,
  action: AuditAction,
  resourceType: string,
  resourceId: string | null,
  changedFields: readonly string[] = [],
): Promise<void> {
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
