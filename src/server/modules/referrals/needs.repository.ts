/** Reading and writing persons' needs on a case, and the protection status of foreign victims. */
import type { Insertable } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { PersonNeedTable, ProtectionStatusTable } from '../../db/schema.js';

export function insertNeed(trx: Trx, values: Insertable<PersonNeedTable>) {
  return trx
    .insertInto('person_needs')
    .values(values)
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Need `needId` if it was recorded on case `caseId`. */
export function needOfCase(trx: Trx, needId: string, caseId: string) {
  return trx
    .selectFrom('person_needs')
    .select(['id', 'person_id', 'service_type', 'urgency', 'status'])
    .where('id', '=', needId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** The part of a need a referral shares with the receiving institution (notes still encrypted). */
export function needForReferral(trx: Trx, needId: string) {
  return trx
    .selectFrom('person_needs')
    .select(['service_type', 'urgency', 'notes'])
    .where('id', '=', needId)
    .executeTakeFirstOrThrow();
}

/** Sets the status of a need (referred, open, met) as its referral moves. */
export async function setNeedStatus(trx: Trx, needId: string, status: string): Promise<void> {
  await trx
    .updateTable('person_needs')
    .set({ status, updated_at: new Date() })
    .where('id', '=', needId)
    .execute();
}

/** Every need recorded on the case, oldest first. */
export function needsOfCase(trx: Trx, caseId: string) {
  return trx
    .selectFrom('person_needs')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Unmet needs counted per service, department, sex, age band and reason, from the snapshot stored
 * with each need; recorded at or after `from` and before `until` when given.
 */
export function unmetNeedCounts(trx: Trx, range: { from?: Date; until?: Date }) {
  let query = trx
    .selectFrom('person_needs')
    .select([
      'service_type',
      'department',
      'person_sex',
      'age_band',
      'unmet_reason',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('status', '=', 'unmet');
  if (range.from) query = query.where('created_at', '>=', range.from);
  if (range.until) query = query.where('created_at', '<', range.until);
  return query
    .groupBy(['service_type', 'department', 'person_sex', 'age_band', 'unmet_reason'])
    .orderBy('service_type')
    .orderBy('department')
    .orderBy('person_sex')
    .orderBy('age_band')
    .orderBy('unmet_reason')
    .execute();
}

/** The protection status of a foreign or repatriated victim on a case, if recorded. */
export function protectionStatusOf(trx: Trx, caseId: string, personId: string) {
  return trx
    .selectFrom('protection_status')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** The persons of the case whose protection status is recorded. */
export function personsWithProtectionStatus(trx: Trx, caseId: string) {
  return trx.selectFrom('protection_status').select('person_id').where('case_id', '=', caseId).execute();
}

type StatusValues = Omit<Insertable<ProtectionStatusTable>, 'case_id' | 'person_id' | 'recorded_on'>;

/**
 * Records or replaces a person's protection status on a case. `recordedOn` is kept from the first
 * recording (it dates the non-punishment figures); an update leaves it.
 */
export async function saveProtectionStatus(
  trx: Trx,
  key: { caseId: string; personId: string },
  values: StatusValues,
  recordedOn: string,
): Promise<void> {
  await trx
    .insertInto('protection_status')
    .values({ case_id: key.caseId, person_id: key.personId, ...values, recorded_on: recordedOn })
    .onConflict((oc) => oc.columns(['case_id', 'person_id']).doUpdateSet(values))
    .execute();
}
