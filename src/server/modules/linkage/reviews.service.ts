/**
 * The review queue as one reviewer sees it. A review appears when the reviewer may read at least
 * one of its two persons (the persons scope, the same one every person look-up uses). Of a person
 * the reviewer may read, the review shows the fields a list shows; of the other, nothing of the
 * record: not its id, its institution or any value — only the cluster id when it already belongs
 * to a cluster (the one identifier that crosses institutional lines) and the match probability.
 */
import type { Actor } from '../../access/actor.js';
import { scopedPersons } from '../../access/scope.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Trx } from '../../db/database.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import type { LinkPerson } from '../../linkage-engine/record.js';
import { LINK_PERSON_COLUMNS, linkPersonOf } from './link-person.js';
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
  if (ids.length === 0) return new Map<string, LinkPerson>();
  const rows = await trx.selectFrom('persons').select(LINK_PERSON_COLUMNS).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, linkPersonOf(crypto, r)] as const));
}

async function visibleAmong(trx: Trx, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await scopedPersons(actor, trx.selectFrom('persons').select('persons.id'))
    .where('persons.id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Pending reviews with at least one person the actor may read, sides masked as described above. */
export async function listMatchReviewsFor(ctx: Ctx, crypto: FieldCrypto, limit = 50): Promise<ReviewView[]> {
  const { trx, actor } = ctx;
  const pending = await trx
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
  const ids = [...new Set(pending.flatMap((r) => [r.person_a, r.person_b]))];
  const visible = await visibleAmong(trx, actor, ids);
  const clusters = new Map(
    ids.length === 0
      ? []
      : (
          await trx
            .selectFrom('person_clusters')
            .select(['person_id', 'cluster_id'])
            .where('person_id', 'in', ids)
            .execute()
        ).map((r) => [r.person_id, r.cluster_id] as const),
  );
  const readable = [...visible];
  const rows =
    readable.length === 0
      ? []
      : await trx
          .selectFrom('persons')
          .innerJoin('institutions', 'institutions.id', 'persons.owner_institution_id')
          .select([
            'persons.id',
            'persons.given_names',
            'persons.first_surname',
            'persons.second_surname',
            'persons.sex',
            'persons.birth_year',
            'institutions.code',
          ])
          .where('persons.id', 'in', readable)
          .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const side = (personId: string): ReviewSide => {
    const clusterId = clusters.get(personId) ?? null;
    const r = byId.get(personId);
    if (!r) return { visible: false, clusterId };
    return {
      visible: true,
      personId,
      institutionCode: r.code,
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
