/** Reading and writing case rows (the case list is in case-list.repository.ts). */
import { sql } from 'kysely';
import { CASE_ROLES } from '../../access/policies.js';
import type { Trx } from '../../db/database.js';
import { exists } from '../../db/exists.js';

/** Next number of a year's reference sequence; one row per year, updated atomically. */
export async function nextCaseNumber(trx: Trx, year: number): Promise<number> {
  const row = await trx
    .insertInto('case_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`case_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(row.last);
}

/** The case's id and reference (the case must exist). */
export function caseReference(trx: Trx, caseId: string) {
  return trx
    .selectFrom('cases')
    .select(['id', 'reference'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

/** The department where the case was detected, if recorded (the case must exist). */
export async function detectionDepartmentOf(trx: Trx, caseId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('cases')
    .select('detection_department')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.detection_department;
}

/** True when `unitId` is a unit of `institutionId`. */
export async function unitBelongsTo(trx: Trx, unitId: string, institutionId: string): Promise<boolean> {
  return exists(trx.selectFrom('units').where('id', '=', unitId).where('institution_id', '=', institutionId));
}

/** How many of `userIds` are active case staff of `institutionId` (assignable to its cases). */
export async function countAssignableUsers(
  trx: Trx,
  userIds: readonly string[],
  institutionId: string,
): Promise<number> {
  if (userIds.length === 0) return 0;
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', [...userIds])
    .where('institution_id', '=', institutionId)
    .where('status', '=', 'active')
    .where('role', 'in', [...CASE_ROLES])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function replaceAssignments(
  trx: Trx,
  caseId: string,
  userIds: readonly string[],
): Promise<void> {
  await trx.deleteFrom('case_assignments').where('case_id', '=', caseId).execute();
  await addAssignments(trx, caseId, userIds);
}

/** Assigns users to a case that has none yet (a case just inserted): no delete to run first. */
export async function addAssignments(trx: Trx, caseId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length > 0) {
    await trx
      .insertInto('case_assignments')
      .values(userIds.map((userId) => ({ case_id: caseId, user_id: userId })))
      .execute();
  }
}

/** True when the person is on the case. */
export async function personInCase(trx: Trx, caseId: string, personId: string): Promise<boolean> {
  return exists(
    trx.selectFrom('case_persons').where('case_id', '=', caseId).where('person_id', '=', personId),
  );
}
