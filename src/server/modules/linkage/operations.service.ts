/**
 * The checks and presentation around the linkage services for the HTTP operations: a run as the
 * batch's operators see it, a review decision (only on a review the reviewer sees, and only on a
 * pair with a record of the reviewer's institution), and an unlink (only of the reviewer's
 * institution's person; any other is "not found"). Refusals are audited by the HTTP pipeline.
 */
import { authorize } from '../../access/authorize.js';
import { scopedPersons } from '../../access/scope.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { fullNameOf } from '../persons/person-record.js';
import { findPersonTarget } from '../persons/persons.repository.js';
import { clusterIdOf } from './clusters.repository.js';
import { decideReview, runLinkage, unlinkPerson } from './linkage.service.js';
import { listMatchReviewsFor, type ReviewSide } from './reviews.service.js';

/** A run's figures and thresholds (no model details, no personal field). */
export async function getLinkageRun(ctx: Ctx, id: string) {
  const run = await ctx.trx.selectFrom('linkage_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!run) throw errors.notFound();
  return {
    id: run.id,
    startedAt: run.started_at.toISOString(),
    finishedAt: run.finished_at?.toISOString() ?? null,
    persons: run.persons,
    candidatePairs: run.candidate_pairs,
    linksAdded: run.links_added,
    reviewsAdded: run.reviews_added,
    matchThreshold: run.match_threshold,
    reviewThreshold: run.review_threshold,
  };
}

/** Runs the national batch (audited by the service) and returns the run. */
export async function startLinkageRun(ctx: Ctx, crypto: FieldCrypto) {
  const summary = await runLinkage(ctx, crypto);
  return getLinkageRun(ctx, summary.id);
}

function presentSide(side: ReviewSide) {
  if (!side.visible) return { visible: false as const, clusterId: side.clusterId };
  return {
    visible: true as const,
    personId: side.personId,
    institutionCode: side.institutionCode,
    fullName: fullNameOf(side),
    sex: side.sex,
    birthYear: side.birthYear,
    clusterId: side.clusterId,
  };
}

/** The pending reviews the reviewer sees (listMatchReviewsFor audits the read). */
export async function listMatchReviews(ctx: Ctx, crypto: FieldCrypto) {
  const reviews = await listMatchReviewsFor(ctx, crypto);
  return {
    items: reviews.map((r) => ({
      id: r.id,
      probability: r.probability,
      status: r.status,
      sides: [presentSide(r.sides[0]), presentSide(r.sides[1])] as [
        ReturnType<typeof presentSide>,
        ReturnType<typeof presentSide>,
      ],
      levels: r.levels,
    })),
  };
}

/**
 * Decides review `id`: a review the reviewer cannot see (neither record readable) is not found;
 * one with no record of the reviewer's institution is forbidden; an already decided one conflicts.
 */
export async function decideMatchReview(ctx: Ctx, id: string, decision: 'same' | 'different') {
  const hint = { resourceType: 'match_review' as const, resourceId: id };
  const review = await ctx.trx
    .selectFrom('match_reviews')
    .select(['person_a', 'person_b', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  const notFound = () => errors.notFound({ audit: { action: 'linkage.decide', ...hint } });
  if (!review) throw notFound();
  const persons = await scopedPersons(
    ctx.actor,
    ctx.trx.selectFrom('persons').select(['persons.id', 'persons.owner_institution_id']),
  )
    .where('persons.id', 'in', [review.person_a, review.person_b])
    .execute();
  if (persons.length === 0) throw notFound();
  authorize(
    ctx.actor,
    'linkage.decide',
    { institutionIds: persons.map((p) => p.owner_institution_id) },
    hint,
  );
  if (review.status !== 'pending') throw errors.conflict('review_already_decided');
  await decideReview(ctx, id, decision);
  return { id, status: decision === 'same' ? ('confirmed' as const) : ('rejected' as const) };
}

/** Detaches a person of the reviewer's institution from its cluster. */
export async function unlinkPersons(ctx: Ctx, personId: string) {
  const hint = { resourceType: 'person' as const, resourceId: personId };
  const target = await findPersonTarget(ctx.trx, ctx.actor, personId);
  if (!target || !target.visible) throw errors.notFound({ audit: { action: 'linkage.unlink', ...hint } });
  authorize(
    ctx.actor,
    'linkage.unlink',
    { institutionId: target.ownerInstitutionId },
    { hide: true, ...hint },
  );
  const removedLinks = await unlinkPerson(ctx, personId);
  return { personId, removedLinks, clusterId: (await clusterIdOf(ctx.trx, personId))! };
}
