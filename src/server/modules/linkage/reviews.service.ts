/**
 * The review queue as one reviewer sees it. A review appears when the reviewer may read at least
 * one of its two persons (the persons scope, the same one every person look-up uses). Of a person
 * the reviewer may read, the review shows the fields a list shows; of the other, nothing of the
 * record: not its id, its institution or any value — only the cluster id when it already belongs
 * to a cluster (the one identifier that crosses institutional lines) and the match probability.
 */
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Trx } from '../../db/database.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { visiblePersonSummaries } from '../persons/persons.repository.js';
import { linkPersonOf } from './link-person.js';
import { linkPersonRows, pendingReviewsVisibleTo, storedClustersOf } from './reviews.repository.js';
import { pairLevels, type PairLevel } from './levels.js';

/** One side of a review pair, as the reviewer may see it. */
export type ReviewSide =
  | {
      visible: true;
      personId: string;
      institutionCode: string;
      givenNames: string;
      firstSurname: string | null;
      secondSurname: string | null;
      sex: string;
      birthYear: number | null;
      clusterId: string | null;
    }
  | { visible: false; clusterId: string | null };

export interface ReviewView {
  id: string;
  probability: number;
  status: string;
  sides: [ReviewSide, ReviewSide];
  /** The comparison levels of the pair (computed in the server; no value of either record). */
  levels: PairLevel[];
}

/** Both records of every pending pair as the engine reads them, decrypted in memory only. */
async function enginePersons(trx: Trx, crypto: FieldCrypto, ids: readonly string[]) {
  const rows = await linkPersonRows(trx, ids);
  return new Map(rows.map((r) => [r.id, linkPersonOf(crypto, r)] as const));
}

/** Pending reviews with at least one person the actor may read, sides masked as described above. */
export async function listMatchReviewsFor(ctx: Ctx, crypto: FieldCrypto, limit = 50): Promise<ReviewView[]> {
  const { trx, actor } = ctx;
  const pending = await pendingReviewsVisibleTo(trx, actor, limit);
  const ids = [...new Set(pending.flatMap((r) => [r.person_a, r.person_b]))];
  const clusters = await storedClustersOf(trx, ids);
  const rows = await visiblePersonSummaries(trx, actor, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const side = (personId: string): ReviewSide => {
    const clusterId = clusters.get(personId) ?? null;
    const r = byId.get(personId);
    if (!r) return { visible: false, clusterId };
    return {
      visible: true,
      personId,
      institutionCode: r.institution_code,
      givenNames: crypto.decrypt(r.given_names, 'persons.given_names'),
      firstSurname: crypto.decryptNullable(r.first_surname, 'persons.first_surname'),
      secondSurname: crypto.decryptNullable(r.second_surname, 'persons.second_surname'),
      sex: r.sex,
      birthYear: r.birth_year,
      clusterId,
    };
  };
  // Why each pair was queued, with the engine's own comparisons (the other record's values stay here).
  const levels = pairLevels(
    await enginePersons(trx, crypto, ids),
    pending.map((r) => [r.person_a, r.person_b] as const),
  );
  await auditOperation(ctx, 'listMatchReviews', 'match_review', null);
  return pending.map((r, k) => ({
    id: r.id,
    probability: r.probability,
    status: r.status,
    sides: [side(r.person_a), side(r.person_b)],
    levels: levels[k]!,
  }));
}
