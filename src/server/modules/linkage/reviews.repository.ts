/**
 * What the review queue reads: the pending pairs a reviewer may see (at least one person in the
 * persons scope), the clusters their persons already belong to, and the records the engine compares.
 */
import type { Actor } from '../../access/actor.js';
import { scopedPersons } from '../../access/scope.js';
import type { Trx } from '../../db/database.js';
import { LINK_PERSON_COLUMNS, type LinkPersonRow } from './link-person.js';

/** Pending reviews with at least one person the actor may read, most probable first. */
export function pendingReviewsVisibleTo(trx: Trx, actor: Actor, limit: number) {
  return trx
    .selectFrom('match_reviews')
    .select(['id', 'person_a', 'person_b', 'probability', 'status'])
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('person_a', 'in', scopedPersons(actor, eb.selectFrom('persons').select('persons.id'))),
        eb('person_b', 'in', scopedPersons(actor, eb.selectFrom('persons').select('persons.id'))),
      ]),
    )
    .orderBy('probability', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The stored cluster of each of `ids` that belongs to one (a person with no link has none). */
export async function storedClustersOf(trx: Trx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('person_clusters')
    .select(['person_id', 'cluster_id'])
    .where('person_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.cluster_id] as const));
}

/** The records of `ids` with the columns the engine reads (still encrypted). */
export async function linkPersonRows(trx: Trx, ids: readonly string[]): Promise<LinkPersonRow[]> {
  if (ids.length === 0) return [];
  return trx.selectFrom('persons').select(LINK_PERSON_COLUMNS).where('id', 'in', ids).execute();
}
