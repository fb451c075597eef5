/**
 * Erasure (docs/PRIVACY.md, "Erasure"): in the caller's ONE transaction, the personal columns of a
 * case and everything attached to it become NULL (identity, documents, contacts, places, narratives
 * and every free text, the blind indexes used for search and linkage), while the coded facts the
 * statistics count (sex, year of birth, nationality, department, decisions, exploitation, events,
 * referrals and services, the linkage cluster a person belongs to) stay as they are — so every
 * figure of past years is computed to the same value as before. Nothing is deleted: ids stay so
 * the statistics' person key and the audit trail still point somewhere.
 */
import { sql } from 'kysely';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Trx } from '../../db/database.js';
import { IDEMPOTENCY_TTL_HOURS } from '../../http/idempotency.js';

/** The field names of an erased case's and person's audit tombstones (labelled with every audit field). */
export { CASE_FIELDS_ERASED, PERSON_FIELDS_ERASED } from '../../../shared/audit-fields/lists.js';

/**
 * The persons of `caseIds` that are on no other case still kept: they are erased with the cases.
 * A person who is also on a case that is kept stays (that case still needs them).
 */
export async function personsOnlyOn(trx: Trx, caseIds: readonly string[]): Promise<string[]> {
  const rows = await sql<{ person_id: string }>`select distinct cp.person_id from case_persons cp
    where cp.case_id in (${sql.join(caseIds)})
      and not exists (select 1 from case_persons other join cases oc on oc.id = other.case_id
        where other.person_id = cp.person_id and oc.erased_at is null
          and other.case_id not in (${sql.join(caseIds)}))
    order by cp.person_id`.execute(trx);
  return rows.rows.map((r) => r.person_id);
}

/** Erases the cases and the given persons (see the module comment). */
export async function eraseCases(trx: Trx, caseIds: readonly string[], personIds: readonly string[]) {
  if (caseIds.length === 0) return;
  const cases = sql.join(caseIds);
  await sql`update cases set detection_place = null, narrative = null, erased_at = now()
    where id in (${cases})`.execute(trx);
  await sql`update trafficking_decisions set reason = null where case_id in (${cases})`.execute(trx);
  await sql`update trafficking_events set district = null where case_id in (${cases}) and district is not null`.execute(
    trx,
  );
  await sql`update consents set reason = null, representative_name = null, child_view = null
    where case_id in (${cases})
    and (reason is not null or representative_name is not null or child_view is not null)`.execute(trx);
  await sql`update person_needs set notes = null where case_id in (${cases}) and notes is not null`.execute(
    trx,
  );
  await sql`update referrals set note = null, state_reason = null where case_id in (${cases})
    and (note is not null or state_reason is not null)`.execute(trx);
  await sql`update service_deliveries set description = null
    where referral_id in (select id from referrals where case_id in (${cases}))`.execute(trx);
  await sql`update case_shares set reason = '' where case_id in (${cases})`.execute(trx);
  await sql`update screenings set answers = '{}' where case_id in (${cases})`.execute(trx);
  await sql`update hotline_contacts set summary = null, erased_at = now() where case_id in (${cases})`.execute(
    trx,
  );
  // Notes are free text: gone whole. The rows (author, institution, when, label) stay as the trail.
  await sql`update case_notes set text = null where case_id in (${cases}) and text is not null`.execute(trx);
  // Tasks are work on the case (a manual one's title is free text): with the case, no work is left.
  await sql`delete from tasks where case_id in (${cases})`.execute(trx);
  if (personIds.length > 0) await erasePersons(trx, personIds);
}

/**
 * The answers kept for retried writes (`idempotency_keys.response`, encrypted: docs/OFFLINE.md) that
 * name an erased record — a person's edit returns the person whole — go: the expired ones of every
 * user (a user who never writes again would keep them), and the live ones whose answer holds one of
 * `ids` (read in the transaction; there are only a day's worth).
 */
export async function forgetAnswersAbout(trx: Trx, crypto: FieldCrypto, ids: readonly string[]) {
  await sql`delete from idempotency_keys
    where created_at < now() - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`.execute(trx);
  if (ids.length === 0) return;
  const live = await sql<{ id: string; response: string }>`select id, response from idempotency_keys
    where response is not null`.execute(trx);
  const naming = live.rows
    .filter((row) => {
      const answer = crypto.decrypt(row.response, 'idempotency_keys.response');
      return ids.some((id) => answer.includes(id));
    })
    .map((row) => row.id);
  if (naming.length > 0)
    await sql`delete from idempotency_keys where id in (${sql.join(naming)})`.execute(trx);
}

async function erasePersons(trx: Trx, personIds: readonly string[]) {
  const persons = sql.join(personIds);
  await sql`update persons set given_names = null, first_surname = null, second_surname = null,
      aliases = null, date_of_birth = null, document_number = null, document_type = null, contact = null,
      residence_district = null, indigenous_community = null, disability = null,
      name_tokens = '{}', match_keys = '{}', document_bidx = null, identity_bidx = null, erased_at = now()
    where id in (${persons})`.execute(trx);
  // A pending match review would show the erased record to a reviewer: it goes. Links and clusters
  // (ids only) stay, so the person is still counted once with the records it was linked to.
  await sql`delete from match_reviews where status = 'pending'
    and (person_a in (${persons}) or person_b in (${persons}))`.execute(trx);
}

/** Erases hotline contacts that opened no case. */
export async function eraseContacts(trx: Trx, ids: readonly string[]) {
  if (ids.length === 0) return;
  await sql`update hotline_contacts set summary = null, erased_at = now() where id in (${sql.join(ids)})`.execute(
    trx,
  );
}
