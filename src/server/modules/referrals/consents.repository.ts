/** Reading and writing consents to referral (and children's best-interest exceptions). */
import type { Insertable } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { ConsentTable } from '../../db/schema.js';

export function insertConsent(trx: Trx, values: Insertable<ConsentTable>) {
  return trx.insertInto('consents').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Consent `consentId` if it was recorded on case `caseId`: whether it is already withdrawn. */
export function consentOfCase(trx: Trx, consentId: string, caseId: string) {
  return trx
    .selectFrom('consents')
    .select(['id', 'withdrawn_at'])
    .where('id', '=', consentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** Withdraws a consent not yet withdrawn; throws if it was withdrawn meanwhile. */
export function markConsentWithdrawn(trx: Trx, consentId: string, userId: string) {
  return trx
    .updateTable('consents')
    .set({ withdrawn_at: new Date(), withdrawn_by: userId })
    .where('id', '=', consentId)
    .where('withdrawn_at', 'is', null)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** True while consent `consentId` is not withdrawn. */
export async function consentActive(trx: Trx, consentId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('consents')
    .select('withdrawn_at')
    .where('id', '=', consentId)
    .executeTakeFirstOrThrow();
  return row.withdrawn_at === null;
}

/** The person's consents on the case that are not withdrawn and cover `serviceType`, newest first. */
export function activeConsentsFor(trx: Trx, caseId: string, personId: string, serviceType: string) {
  return trx
    .selectFrom('consents')
    .select(['id', 'shared_fields', 'given_by'])
    .where('case_id', '=', caseId)
    .where('person_id', '=', personId)
    .where('withdrawn_at', 'is', null)
    .where((eb) => eb(eb.val(serviceType), '=', eb.fn.any('services')))
    .orderBy('created_at', 'desc')
    .execute();
}

/** Every consent recorded on the case, oldest first. */
export function consentsOfCase(trx: Trx, caseId: string) {
  return trx
    .selectFrom('consents')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
