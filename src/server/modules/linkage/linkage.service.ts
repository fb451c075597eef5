/**
 * The national linkage batch and the decisions on its pairs. The batch reads every person (it runs
 * inside the server, which may decrypt), links them with the engine in src/server/linkage-engine, and
 * stores only ids and probabilities: links above the match threshold (except pairs a reviewer or
 * an unlink declared different), and a review queue for the uncertain band. Every step is audited
 * in the same transaction. Who may run it and who may review is decided by the routes' policies.
 */
import { sql } from 'kysely';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { DEFAULT_THRESHOLDS, linkPersonsParallel, type Thresholds } from '../../linkage-engine/linkage.js';
import type { LinkPerson } from '../../linkage-engine/record.js';
import { nameIndex } from '../persons/person-record.js';
import { LINK_PERSON_COLUMNS, linkPersonOf } from './link-person.js';
import { frequenciesOf, type NameFrequencies } from './name-frequencies.js';
import {
  addLink,
  detachPerson,
  insertBatchLinks,
  insertReviews,
  orderedPair,
  pairsDecidedDifferent,
  recomputeAllClusters,
  recordDecision,
} from './clusters.repository.js';

/**
 * Persons read per statement: the rows of one statement are held (still encrypted) until they are
 * decrypted, so reading a national population in one statement held a million rows of ciphertext
 * besides the decrypted persons.
 */
const READ_CHUNK = 10_000;

/**
 * Every person as the engine needs it (decrypted in memory only, for the duration of the run), in
 * id order, read in chunks of `READ_CHUNK` by id (keyset pagination on the primary key).
 */
export async function loadPersons(ctx: Ctx, crypto: FieldCrypto, chunk = READ_CHUNK): Promise<LinkPerson[]> {
  const read = (after: string | null) => {
    let query = ctx.trx
      .selectFrom('persons')
      .select(LINK_PERSON_COLUMNS)
      // Erased records (docs/PRIVACY.md) have no identity left to compare.
      .where('erased_at', 'is', null);
    if (after !== null) query = query.where('id', '>', after);
    return query.orderBy('id').limit(chunk).execute();
  };
  const persons: LinkPerson[] = [];
  for (let rows = await read(null); ;) {
    // The next chunk is asked for before this one is decrypted, so that the database finds and
    // sends it meanwhile (on PostgreSQL; the embedded engine answers in this thread anyway).
    const next = rows.length < chunk ? null : read(rows[rows.length - 1]!.id);
    if (next !== null) {
      // Awaited below; a failed decryption must not leave its rejection unhandled.
      next.catch(() => undefined);
      // Let the statement go out before the thread is busy decrypting.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const r of rows) persons.push(linkPersonOf(crypto, r));
    if (next === null) return persons;
    rows = await next;
  }
}

export interface RunSummary {
  id: string;
  persons: number;
  candidatePairs: number;
  linksAdded: number;
  reviewsAdded: number;
  /** Milliseconds of each step: reading and decrypting, linking (the engine's phases), writing. */
  timings: Record<string, number>;
}

/** Rows of name frequencies written per statement. */
const FREQUENCY_BULK = 5_000;

/**
 * Stores the run's name frequencies (keys held by two persons or more, by blind index) and drops
 * those of earlier runs: the intake look-up reads the latest finished run's only.
 */
async function storeNameFrequencies(ctx: Ctx, crypto: FieldCrypto, runId: string, f: NameFrequencies) {
  await ctx.trx.deleteFrom('linkage_name_frequencies').where('run_id', '<>', runId).execute();
  const index = nameIndex(crypto);
  const rows: { family: 'given' | 'surname'; token: string; persons: number }[] = [];
  for (const family of ['given', 'surname'] as const)
    for (const [key, persons] of f[family]) rows.push({ family, token: index(key), persons });
  for (let i = 0; i < rows.length; i += FREQUENCY_BULK) {
    const part = rows.slice(i, i + FREQUENCY_BULK);
    await sql`insert into linkage_name_frequencies (run_id, family, token, persons)
      select ${runId}::uuid, f, t, n
      from unnest(${part.map((r) => r.family)}::text[], ${part.map((r) => r.token)}::text[],
        ${part.map((r) => r.persons)}::int[]) as x(f, t, n)`.execute(ctx.trx);
  }
}

/** A batch's run row (its thresholds and model) and the name frequencies it weighed names by. */
export async function recordRun(
  ctx: Ctx,
  crypto: FieldCrypto,
  thresholds: Thresholds,
  model: { lambda: number; comparisons: unknown },
  frequencies: NameFrequencies,
): Promise<{ id: string }> {
  const run = await ctx.trx
    .insertInto('linkage_runs')
    .values({
      started_by: ctx.actor.userId,
      match_threshold: thresholds.match,
      review_threshold: thresholds.review,
      model: JSON.stringify({
        lambda: model.lambda,
        comparisons: model.comparisons,
        nameFrequencies: frequencies.totals,
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await storeNameFrequencies(ctx, crypto, run.id, frequencies);
  return run;
}

/** Runs the national batch; returns what it added. */
export async function runLinkage(
  ctx: Ctx,
  crypto: FieldCrypto,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Promise<RunSummary> {
  let at = performance.now();
  const lap = () => {
    const ms = Math.round(performance.now() - at);
    at = performance.now();
    return ms;
  };
  const persons = await loadPersons(ctx, crypto);
  const read = lap();
  const result = await linkPersonsParallel(persons, { thresholds });
  const link = lap();
  // The name frequencies the batch weighed names by, for the intake look-up (name-frequencies.ts).
  const frequencies = frequenciesOf(result.names);
  const frequenciesMs = lap();
  // The writing needs only the ids: the decrypted persons are let go before it (memory, and no
  // personal field held longer than the linking needs it).
  const count = persons.length;
  const ids = persons.map((p) => p.id);
  persons.length = 0;
  const run = await recordRun(ctx, crypto, thresholds, result.model, frequencies);
  // Written in bulk: per-pair statements made a batch over a few thousand similar persons take
  // minutes (each link recomputed its whole component).
  const different = await pairsDecidedDifferent(ctx.trx);
  const pairOf = (pair: { left: number; right: number; probability: number }) => {
    const [a, b] = orderedPair(ids[pair.left]!, ids[pair.right]!);
    return { a, b, probability: pair.probability };
  };
  const links = result.matches.map(pairOf).filter((p) => !different.has(`${p.a}|${p.b}`));
  const linksAdded = await insertBatchLinks(ctx.trx, links, run.id, ctx.actor.userId);
  const clusters = await recomputeAllClusters(ctx.trx);
  // A pair already in one cluster, or declared different, needs no review.
  const uncertain = result.review
    .map(pairOf)
    .filter((p) => !different.has(`${p.a}|${p.b}`))
    .filter((p) => clusters.get(p.a) === undefined || clusters.get(p.a) !== clusters.get(p.b));
  const reviewsAdded = await insertReviews(ctx.trx, uncertain, run.id);
  await ctx.trx
    .updateTable('linkage_runs')
    .set({
      finished_at: new Date(),
      persons: count,
      candidate_pairs: result.candidates,
      links_added: linksAdded,
      reviews_added: reviewsAdded,
    })
    .where('id', '=', run.id)
    .execute();
  await auditOperation(ctx, 'runLinkage', 'linkage_run', run.id);
  const timings = { read, link, frequencies: frequenciesMs, write: lap(), ...result.timings };
  return {
    id: run.id,
    persons: count,
    candidatePairs: result.candidates,
    linksAdded,
    reviewsAdded,
    timings,
  };
}

/**
 * A reviewer's decision on a pending review: "same" links the two (a reversible link), "different"
 * is remembered so no batch links them. The caller has checked the reviewer may decide this review.
 */
export async function decideReview(
  ctx: Ctx,
  reviewId: string,
  decision: 'same' | 'different',
): Promise<boolean> {
  const review = await ctx.trx
    .selectFrom('match_reviews')
    .select(['person_a', 'person_b', 'probability'])
    .where('id', '=', reviewId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!review) return false;
  await ctx.trx
    .updateTable('match_reviews')
    .set({
      status: decision === 'same' ? 'confirmed' : 'rejected',
      decided_by: ctx.actor.userId,
      decided_at: new Date(),
    })
    .where('id', '=', reviewId)
    .execute();
  await recordDecision(ctx.trx, review.person_a, review.person_b, decision, ctx.actor.userId);
  if (decision === 'same')
    await addLink(ctx.trx, review.person_a, review.person_b, {
      origin: 'review',
      probability: review.probability,
      runId: null,
      userId: ctx.actor.userId,
    });
  await auditOperation(ctx, 'decideMatchReview', 'match_review', reviewId, ['status']);
  return true;
}

/** Detaches a person from its cluster (unlinkPersons); returns how many links were removed. */
export async function unlinkPerson(ctx: Ctx, personId: string): Promise<number> {
  const removed = await detachPerson(ctx.trx, personId, ctx.actor.userId);
  await auditOperation(ctx, 'unlinkPersons', 'person', personId, ['cluster']);
  return removed;
}
