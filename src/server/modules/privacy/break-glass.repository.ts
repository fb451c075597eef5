/** Reading and writing break-glass grants (docs/PRIVACY.md), and what a grant is asked for. */
import { sql } from 'kysely';
import type { Actor } from '../../access/actor.js';
import { caseVisible, personVisible } from '../../access/scope.js';
import type { Trx } from '../../db/database.js';

function grantsWithNames(trx: Trx) {
  return trx
    .selectFrom('break_glass as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .innerJoin('institutions as i', 'i.id', 'g.institution_id')
    .innerJoin('institutions as o', 'o.id', 'g.owner_institution_id')
    .selectAll('g')
    .select(['u.username', 'i.code as institution_code', 'o.code as owner_code']);
}

/** Grant `id` with its user's name and both institutions' codes (the grant must exist). */
export function findGrant(trx: Trx, id: string) {
  return grantsWithNames(trx).where('g.id', '=', id).executeTakeFirstOrThrow();
}
export type GrantRow = Awaited<ReturnType<typeof findGrant>>;

/** Grants for the DPO's review, the oldest first: all, or only the (un)reviewed ones. */
export function listGrants(
  trx: Trx,
  state: 'all' | 'unreviewed' | 'reviewed',
  limit: number,
): Promise<GrantRow[]> {
  let query = grantsWithNames(trx);
  if (state === 'unreviewed') query = query.where('g.review', 'is', null);
  if (state === 'reviewed') query = query.where('g.review', 'is not', null);
  return query.orderBy('g.opened_at', 'asc').limit(limit).execute();
}

/**
 * The owner of the person or case a grant is asked for, and whether `actor` already sees it;
 * undefined when the record does not exist or was erased.
 */
export async function grantTarget(
  trx: Trx,
  actor: Actor,
  type: 'person' | 'case',
  id: string,
): Promise<{ owner: string; visible: boolean } | undefined> {
  const row =
    type === 'person'
      ? await trx
          .selectFrom('persons')
          .select(['persons.owner_institution_id as owner'])
          .select((eb) => personVisible(actor)(eb).as('visible'))
          .where('persons.id', '=', id)
          .where('persons.erased_at', 'is', null)
          .executeTakeFirst()
      : await trx
          .selectFrom('cases')
          .select(['cases.owner_institution_id as owner'])
          .select((eb) => caseVisible(actor)(eb).as('visible'))
          .where('cases.id', '=', id)
          .where('cases.erased_at', 'is', null)
          .executeTakeFirst();
  return row && { owner: row.owner, visible: Boolean(row.visible) };
}

export interface NewGrant {
  userId: string;
  institutionId: string;
  resourceType: 'person' | 'case';
  resourceId: string;
  ownerInstitutionId: string;
  /** Encrypted (break_glass.reason). */
  reason: string;
  minutes: number;
}

/** Opens a grant from now for `minutes`; its id. */
export async function insertGrant(trx: Trx, grant: NewGrant): Promise<string> {
  const row = await trx
    .insertInto('break_glass')
    .values({
      user_id: grant.userId,
      institution_id: grant.institutionId,
      resource_type: grant.resourceType,
      resource_id: grant.resourceId,
      owner_institution_id: grant.ownerInstitutionId,
      reason: grant.reason,
      expires_at: sql<Date>`now() + make_interval(mins => ${grant.minutes})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Grant `id`'s review, if any; undefined when there is no such grant. */
export function grantReview(trx: Trx, id: string) {
  return trx.selectFrom('break_glass').select(['id', 'review']).where('id', '=', id).executeTakeFirst();
}

/** Records the DPO's review of grant `id` (`note` encrypted, break_glass.review_note). */
export async function saveGrantReview(
  trx: Trx,
  id: string,
  review: { review: 'justified' | 'not_justified'; note: string; reviewedBy: string },
): Promise<void> {
  await trx
    .updateTable('break_glass')
    .set({
      review: review.review,
      review_note: review.note,
      reviewed_by: review.reviewedBy,
      reviewed_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}
