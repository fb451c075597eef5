/**
 * Loading a case for an action: who owns it, whether it is shared with the actor's institution,
 * and whether the actor may do `action` to it. Every case-level operation (cases, screenings,
 * decisions, events) goes through here, so the "404 when not visible, 403 when visible but not
 * allowed" rule is written once.
 */
import { authorize } from '../../access/authorize.js';
import { caseSharedWithActor, caseVisible } from '../../access/scope.js';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import { caseGrantOf, refuseExpiredGrant } from '../../access/break-glass.js';
import type { Actor } from '../../access/actor.js';
import { runCompiledForActor } from '../../db/compiled-once.js';
import { can, type Action } from '../../access/policies.js';
import type { Trx } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { caseDetailOf, caseDetailQuery } from './case-view.repository.js';
import { errors } from '../../core/errors.js';
import { LAST_STATEMENT, PREPARED } from '../../db/pg-prepared.js';
import {
  auditedRead,
  auditedReadsOf,
  auditReadsFrom,
  runAuditedRead,
  type AuditReader,
  type ReadAudit,
} from '../../audit/audit.js';

/** The actions on a case or on what hangs on it without a door of its own (its notes). */
export type CaseAction = Extract<Action, `case.${string}` | `caseNote.${string}`>;

export interface LoadedCase {
  id: string;
  ownerInstitutionId: string;
  reference: string;
  /** The case is shared with the actor's institution (and not owned by it). */
  sharedWithActor: boolean;
  /** The actor's unexpired break-glass grant on the case (the page's banner), or null. */
  grant: { id: string; expiresAt: string } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The access facts of a case row as the door reads them (the scope's condition is in the WHERE). */
interface AccessRow {
  id: string;
  owner_institution_id: string;
  reference: string;
  shared: unknown;
  grant: { id: string; expires_at: string | Date } | null;
}

/**
 * Loads the case (with the actor's break-glass grant on it, in the same statement) and authorizes
 * `action` on it. A case the actor may not read is "not found" (its existence is not revealed); a
 * visible case on which the action is not allowed (a write on a case only shared with the actor's
 * institution) is "forbidden". Both refusals are audited.
 */
export async function loadCaseForAction(
  trx: Trx,
  actor: Actor,
  caseId: string,
  action: CaseAction,
): Promise<LoadedCase> {
  auditHintOf(action, caseId); // a malformed id is "not found" before any SQL
  const [row] = await runCompiledForActor(trx, 'caseDoor', actor, caseId, caseDoorQuery);
  return admit(trx, actor, caseId, action, row);
}

function caseDoorQuery(trx: Trx, actor: Actor, caseId: string) {
  return trx
    .selectFrom('cases')
    .select(['cases.id', 'cases.owner_institution_id', 'cases.reference'])
    .select((eb) => caseSharedWithActor(actor)(eb).as('shared'))
    .select((eb) => jsonObjectFrom(caseGrantOf(actor, eb)).as('grant'))
    .where('cases.id', '=', caseId)
    .where(caseVisible(actor))
    .modifyEnd(PREPARED);
}

/**
 * The case read (`case.read`) through the same door, with the page (case-view.repository.ts) and its
 * audit rows in the door's one statement: a data-modifying CTE inserts the `case.read` row and a
 * `person.read` row per person the page shows (in the page's order), in the page's snapshot — only
 * when the case is in the actor's scope (the page's WHERE, the scope's condition, which the rule
 * agrees with: test/api/access-properties.test.ts). The statement is the transaction's last
 * (`LAST_STATEMENT`): on PostgreSQL its COMMIT goes in the same round trip, so the read is one round
 * trip where it was two (the audit INSERT and the COMMIT were the second). A refusal inserted no
 * success row and is audited as denied (`admit`), as every door's; the page's rows are returned only
 * once the read is authorized, exactly as the door's own.
 */
export async function loadCasePageFor(trx: Trx, actor: Actor, caseId: string, reading: ReadAudit) {
  auditHintOf('case.read', caseId); // a malformed id is "not found" before any SQL
  const [row] = await runAuditedRead(trx, 'caseRead', actor, caseId, reading, caseReadQuery);
  const loaded = await admit(trx, actor, caseId, 'case.read', row);
  const { shared: _shared, grant: _grant, ...page } = row!;
  return { loaded, detail: caseDetailOf(page) };
}

function caseReadQuery(trx: Trx, actor: Actor, caseId: string, reader: AuditReader, at: string) {
  const persons = sql.ref('page.persons');
  const reads = sql`${auditedRead(0, 'case.read', 'case', sql.ref('page.id'))} union all ${auditedReadsOf(0, 'person.read', 'person', persons, 'person_id')}`;
  return trx
    .with('page', () => casePageSelect(trx, actor, caseId))
    .with('audited', () => auditReadsFrom('page', reader, at, reads))
    .selectFrom('page')
    .selectAll()
    .modifyEnd(PREPARED)
    .modifyEnd(LAST_STATEMENT);
}

function casePageSelect(trx: Trx, actor: Actor, caseId: string) {
  return caseDetailQuery(trx, caseId)
    .select((eb) => caseSharedWithActor(actor)(eb as unknown as ExpressionBuilder<DB, 'cases'>).as('shared'))
    .select((eb) =>
      jsonObjectFrom(caseGrantOf(actor, eb as unknown as ExpressionBuilder<DB, 'cases'>)).as('grant'),
    )
    .where(
      caseVisible(actor) as (eb: ExpressionBuilder<DB, 'cases' | 'institutions'>) => Expression<SqlBool>,
    );
}

function auditHintOf(action: CaseAction, caseId: string) {
  const audit = { action, resourceType: 'case' as const, resourceId: UUID.test(caseId) ? caseId : null };
  if (!UUID.test(caseId)) throw errors.notFound({ audit });
  return audit;
}

/** The door's decision on the row it read (undefined: not in the actor's scope). */
async function admit(
  trx: Trx,
  actor: Actor,
  caseId: string,
  action: CaseAction,
  row: AccessRow | undefined,
): Promise<LoadedCase> {
  const audit = auditHintOf(action, caseId);
  // Not visible (the SQL scope, as every list): "not found", audited as the action attempted —
  // or "break-glass expired" to the user whose emergency access ended.
  if (!row) {
    await refuseExpiredGrant(trx, actor, caseId, audit);
    throw errors.notFound({ audit });
  }
  const target = {
    institutionId: row.owner_institution_id,
    sharedWithActor: row.owner_institution_id !== actor.institutionId && Boolean(row.shared),
    breakGlass: row.owner_institution_id !== actor.institutionId && row.grant !== null,
  };
  // The rule agrees with the scope (test/api/access-properties.test.ts); a disagreement still ends
  // in "not found", never a leak.
  if (!can(actor, 'case.read', target)) throw errors.notFound({ audit });
  authorize(actor, action, target, { resourceType: 'case' as const, resourceId: row.id });
  return {
    id: row.id,
    ownerInstitutionId: row.owner_institution_id,
    reference: row.reference,
    sharedWithActor: target.sharedWithActor,
    grant: row.grant && { id: row.grant.id, expiresAt: new Date(row.grant.expires_at).toISOString() },
  };
}
