/**
 * The audit trail: one append-only row per change, per read of a person's record and per refused
 * attempt, written in the same transaction as the change it describes. Rows carry who, which
 * institution, what, on which record, why (purpose), the request id and the NAMES of changed
 * fields — never personal values.
 *
 * Writing takes no lock: `seq` comes from a sequence and the database records the writing
 * transaction's id (`xid`). A sequencer (`tree.ts`) folds committed rows into an RFC 6962 Merkle tree
 * in (xid, seq) order; signed checkpoints of that tree, cosigned by a witness, make any later
 * deletion or rewrite detectable (docs/AUDIT.md).
 */
import { sql, type Compilable, type RawBuilder } from 'kysely';
import type { Database, Trx } from '../db/database.js';
import type { AuditEventRow } from '../db/schema.js';
import type { Ctx } from '../core/context.js';
import type { AuditAction, AuditResourceType } from '../../shared/actions.js';
import { unlabelledAuditFields, type AuditFieldName } from '../../shared/audit-fields/lists.js';
import { leafHash, type Hash } from './merkle.js';
import { holdRows } from '../db/write-batch.js';
import { DEFERRED, PREPARED } from '../db/pg-prepared.js';
import { runCompiled } from '../db/compiled-once.js';
import { queryActor, type Actor } from '../access/actor.js';

/**
 * Under test only (`NODE_ENV=test`, as the test runner sets it, like compiled-once.ts): a deployment
 * (`npm start` sets no NODE_ENV) must never fail a user's request, or lose its audit row, over a label.
 */
const CHECK_LABELS = process.env.NODE_ENV === 'test';

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
  resourceType?: AuditResourceType | null;
  resourceId?: string | null;
  purpose?: string | null;
  requestId?: string | null;
  changedFields?: readonly AuditFieldName[];
}

/** What a leaf of the tree commits to: every column of the row but the transaction id. */
export type AuditLeafRow = Pick<
  AuditEventRow,
  | 'seq'
  | 'at'
  | 'actor_user_id'
  | 'actor_username'
  | 'actor_institution_id'
  | 'actor_role'
  | 'action'
  | 'outcome'
  | 'resource_type'
  | 'resource_id'
  | 'purpose'
  | 'request_id'
  | 'changed_fields'
  | 'prev_hash'
  | 'hash'
>;

/** The fixed-order serialisation of a row that its leaf hash covers. */
export function leafData(row: AuditLeafRow): string {
  const changed = Array.isArray(row.changed_fields)
    ? row.changed_fields
    : (JSON.parse(String(row.changed_fields)) as string[]);
  return JSON.stringify([
    'nanduti-audit/v1',
    Number(row.seq),
    new Date(row.at).toISOString(),
    row.actor_user_id,
    row.actor_username,
    row.actor_institution_id,
    row.actor_role,
    row.action,
    row.outcome,
    row.resource_type,
    row.resource_id,
    row.purpose,
    row.request_id,
    changed,
    row.hash ?? null,
  ]);
}

export function leafHashOfRow(row: AuditLeafRow): Hash {
  return leafHash(Buffer.from(leafData(row), 'utf8'));
}

/**
 * An audit row's `changed_fields`: the names sorted, as JSON (never a value). Under test a name
 * without a label (src/shared/audit-fields) is refused, so every test that writes through a writer
 * checks that the audit screen can name what it recorded.
 */
export function changedFieldsOf(names: readonly AuditFieldName[]): string {
  if (CHECK_LABELS) {
    const unlabelled = unlabelledAuditFields(names);
    if (unlabelled.length > 0) throw new Error(`audit field without a label: ${unlabelled.join(', ')}`);
  }
  return JSON.stringify([...names].sort());
}

function auditRow(event: AuditEvent, at: string) {
  return {
    at,
    actor_user_id: event.actor?.userId ?? null,
    actor_username: event.actor?.username ?? null,
    actor_institution_id: event.actor?.institutionId ?? null,
    actor_role: event.actor?.role ?? null,
    action: event.action,
    outcome: event.outcome ?? 'success',
    resource_type: event.resourceType ?? null,
    resource_id: event.resourceId ?? null,
    purpose: event.purpose ?? null,
    request_id: event.requestId ?? null,
    changed_fields: changedFieldsOf(event.changedFields ?? []),
    prev_hash: null,
    hash: null,
  };
}

/** Appends one event inside the caller's transaction: one INSERT, no lock, no read. */
export async function writeAudit(trx: Trx, event: AuditEvent): Promise<void> {
  await writeAudits(trx, [event]);
}

/**
 * Appends several events of one request inside the caller's transaction, in the order given, as
 * one multi-row INSERT (a case page shows several persons: one round trip to the database instead
 * of one per person; `seq` is still drawn per row, in order).
 */
export async function writeAudits(trx: Trx, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  // Inside a write batch (write-batch.ts), the rows go into the batch's one INSERT at its end.
  // In a request's transaction they are held to its end and sent with its COMMIT.
  if (holdRows(trx, 'audit_events', events, (held, deferred) => insertAudits(trx, held, deferred))) return;
  await insertAudits(trx, events, false);
}

/** The columns of an audit row that take a value (`prev_hash` and `hash` are null until sequenced). */
export const VALUE_COLUMNS = [
  'at',
  'actor_user_id',
  'actor_username',
  'actor_institution_id',
  'actor_role',
  'action',
  'outcome',
  'resource_type',
  'resource_id',
  'purpose',
  'request_id',
  'changed_fields',
] as const;

/** Audit INSERTs of up to this many rows are compiled once per row count (compiled-once.ts). */
const COMPILED_ROWS = 32;

async function insertAudits(trx: Trx, events: readonly AuditEvent[], deferred: boolean): Promise<void> {
  const at = new Date().toISOString();
  const rows = events.map((event) => auditRow(event, at));
  const insertOf = (values: ReturnType<typeof auditRow>[]) => {
    const insert = trx.insertInto('audit_events').values(values).modifyEnd(PREPARED);
    return deferred ? insert.modifyEnd(DEFERRED) : insert;
  };
  if (rows.length > COMPILED_ROWS) {
    await insertOf(rows).execute();
    return;
  }
  // Every audited request runs this INSERT: built and compiled once per row count, then only given
  // its values (it was the largest share of Kysely's work left per audited read, bench/README.md).
  const args = rows.flatMap((row) => VALUE_COLUMNS.map((column) => row[column]));
  await runCompiled(
    trx,
    `auditInsert:${rows.length}:${deferred ? 'deferred' : 'now'}`,
    args,
    (slots) =>
      insertOf(
        rows.map((_, r) => {
          const row = Object.fromEntries(
            VALUE_COLUMNS.map((column, c) => [column, slots[r * VALUE_COLUMNS.length + c]]),
          );
          return { ...row, prev_hash: null, hash: null } as ReturnType<typeof auditRow>;
        }),
      ),
    () => insertOf(rows),
  );
}

/**
 * The INSERT, for a data-modifying CTE, of the audit rows of a read written by the read's own
 * statement, in its snapshot: for each row of `source` (an earlier CTE of the same statement), one
 * row per line of `reads` — a lateral subquery over the source's columns giving `ord`, `action`,
 * `resource_type` and `resource_id` of each record shown (and none when the read is not the actor's
 * to see) — in `ord` order, as `reader`'s, under its purpose and request id. The same columns and
 * values as `insertAudits`; every value is a parameter. Used by the person page
 * (persons.repository.ts `readPersonPage`), the case page (case-access.ts `loadCasePageFor`: its
 * `case.read` row and a `person.read` row per person shown) and the name search
 * (persons.repository.ts `readPersonSearch`: a `person.search` row per person shown). `changed`, when
 * given, is the rows' `changed_fields` (a jsonb SQL expression over the source's columns: its names
 * sorted, as `auditRow` writes them) instead of none: create person's row (`createPersonPage`).
 */
export function auditReadsFrom(
  source: string,
  reader: Pick<AuditEvent, 'actor' | 'purpose' | 'requestId'>,
  at: string,
  reads: RawBuilder<unknown>,
  changed?: RawBuilder<unknown>,
): RawBuilder<Record<string, never>> {
  const row = auditRow({ ...reader, action: 'person.read' }, at);
  const typed: Record<(typeof VALUE_COLUMNS)[number], RawBuilder<unknown>> = {
    at: sql`cast(${row.at} as timestamptz)`,
    actor_user_id: sql`cast(${row.actor_user_id} as uuid)`,
    actor_username: sql`cast(${row.actor_username} as text)`,
    actor_institution_id: sql`cast(${row.actor_institution_id} as uuid)`,
    actor_role: sql`cast(${row.actor_role} as text)`,
    action: sql.ref('r.action'),
    outcome: sql`cast(${row.outcome} as text)`,
    resource_type: sql.ref('r.resource_type'),
    resource_id: sql.ref('r.resource_id'),
    purpose: sql`cast(${row.purpose} as text)`,
    request_id: sql`cast(${row.request_id} as text)`,
    changed_fields: changed ?? sql`cast(${row.changed_fields} as jsonb)`,
  };
  // In parentheses: Kysely writes a raw CTE as it is (`name as …`).
  return sql`(insert into audit_events (${sql.join(VALUE_COLUMNS.map((c) => sql.ref(c)))}) select ${sql.join(
    VALUE_COLUMNS.map((c) => typed[c]),
  )} from ${sql.table(source)} cross join lateral (${reads}) as r order by r.ord)`;
}

/** One line of `auditReadsFrom`'s reads: `action` on `resourceType` record `id` (an SQL expression). */
export function auditedRead(
  ord: number,
  action: AuditAction,
  resourceType: AuditResourceType,
  id: RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`select ${sql.lit(ord)} as ord, cast(${action} as text) as action, cast(${resourceType} as text) as resource_type, cast(${id} as text) as resource_id`;
}

/**
 * Lines of `auditReadsFrom`'s reads: `action` on `resourceType` record `element ->> key` for each
 * element of the JSON array `list` (an SQL expression), in the array's order, numbered from `ord` + 1.
 */
export function auditedReadsOf(
  ord: number,
  action: AuditAction,
  resourceType: AuditResourceType,
  list: RawBuilder<unknown>,
  key: string,
): RawBuilder<unknown> {
  return sql`select ${sql.lit(ord)} + e.n as ord, cast(${action} as text) as action, cast(${resourceType} as text) as resource_type, e.element ->> ${sql.lit(key)} as resource_id from json_array_elements(${list}) with ordinality as e(element, n)`;
}

/** Who reads, why and in which request: the audit rows of a read written by its own statement. */
export interface ReadAudit {
  username: string;
  purpose: string;
  requestId: string;
}

/** The request's reader (`ReadAudit`): who reads, why and in which request. */
export function readingOf(ctx: Ctx): ReadAudit {
  return { username: ctx.actor.username, purpose: ctx.purpose, requestId: ctx.requestId };
}

/** The reader of `auditReadsFrom`. */
export type AuditReader = Pick<AuditEvent, 'actor' | 'purpose' | 'requestId'>;

/** The reader of an audited read's rows: the actor as the statement sees it, under its purpose and request. */
export function auditReaderOf(who: Actor, username: string, purpose: string, requestId: string): AuditReader {
  return {
    actor: { userId: who.userId, username, institutionId: who.institutionId, role: who.role },
    purpose,
    requestId,
  };
}

/**
 * Runs `query(trx, actor, id, reader, at)` — a door's read of one record whose statement writes its
 * own audit rows (`auditReadsFrom`) — compiled once per `name` and role: the actor's institution and
 * user ids, `id`, the time and the reader's name, purpose and request id are its values.
 */
export function runAuditedRead<O>(
  trx: Trx,
  name: string,
  actor: Actor,
  id: string,
  reading: ReadAudit,
  query: (trx: Trx, actor: Actor, id: string, reader: AuditReader, at: string) => Compilable<O>,
): Promise<O[]> {
  const at = new Date().toISOString();
  const build = (
    who: Actor,
    recordId: string,
    when: string,
    username: string,
    purpose: string,
    requestId: string,
  ) => query(trx, who, recordId, auditReaderOf(who, username, purpose, requestId), when);
  const { username, purpose, requestId } = reading;
  return runCompiled(
    trx,
    `${name}:${actor.role}`,
    [actor.institutionId, actor.userId, id, at, username, purpose, requestId],
    ([institutionId, userId, recordId, ...values]) =>
      build(queryActor(actor.role, institutionId, userId), recordId, ...values),
    () => build(actor, id, at, username, purpose, requestId),
  );
}

/** Writes an event in a transaction of its own (refused attempts, whose own transaction rolled back). */
export async function writeAuditAlone(db: Database, event: AuditEvent): Promise<void> {
  await db.transaction((trx) => writeAudit(trx, event));
}

/** The audit event of `action` on one record by the request's actor, under the request's purpose. */
function operationEvent(
  ctx: Ctx,
  action: AuditAction,
  resourceType: AuditResourceType,
  resourceId: string | null,
  changedFields: readonly AuditFieldName[] = [],
): AuditEvent {
  const { actor, purpose, requestId } = ctx;
  return { actor, action, resourceType, resourceId, purpose, requestId, changedFields };
}

/**
 * The audit row of an operation done by the request's actor, written by a statement of the
 * operation's own (`auditInsertOf`) rather than held to its COMMIT: the row's values, every one a
 * parameter, in `VALUE_COLUMNS` order.
 */
export function auditOperationValues(
  ctx: Ctx,
  action: AuditAction,
  resourceType: AuditResourceType,
  resourceId: string | null,
  changedFields: readonly AuditFieldName[] = [],
): unknown[] {
  const row = auditRow(
    operationEvent(ctx, action, resourceType, resourceId, changedFields),
    new Date().toISOString(),
  );
  return VALUE_COLUMNS.map((column) => row[column]);
}

/**
 * The INSERT of one audit row for a data-modifying CTE (`with audit as (…) select …`): the row of
 * `auditOperationValues` written by the statement that reads, in its transaction, one statement
 * fewer than `auditOperation` (the statistics request, statistics.service.ts).
 */
export function auditInsertOf(values: readonly unknown[]): RawBuilder<unknown> {
  return sql`(insert into audit_events (${sql.join(VALUE_COLUMNS.map((c) => sql.ref(c)))}) values (${sql.join(
    values,
  )}))`;
}

/** The audit row of an operation done by the request's actor, in the operation's transaction. */
export function auditOperation(
  ctx: Ctx,
  action: AuditAction,
  resourceType: AuditResourceType,
  resourceId: string | null,
  changedFields: readonly AuditFieldName[] = [],
): Promise<void> {
  return writeAudit(ctx.trx, operationEvent(ctx, action, resourceType, resourceId, changedFields));
}

/**
 * The audit rows of one action by the request's actor on several records (one per record, in the
 * order given), in the operation's transaction and in one INSERT.
 */
export function auditOperations(
  ctx: Ctx,
  action: AuditAction,
  resourceType: AuditResourceType,
  resourceIds: readonly (string | null)[],
): Promise<void> {
  return writeAudits(
    ctx.trx,
    resourceIds.map((resourceId) => operationEvent(ctx, action, resourceType, resourceId)),
  );
}
