/**
 * The whole national batch over plaintext records: prepare, block, compare, estimate the model
 * (random-pair u, then EM), score every candidate pair, cluster above the match threshold and keep
 * the uncertain band for review. The privacy-preserving mode (clk.ts) runs the same steps on
 * Bloom-filter encodings instead.
 */
import {
  candidatePairs,
  personBlockingRules,
  personTrainingRules,
  type BlockingRule,
  type CandidateOptions,
} from './blocking.js';
import { clusterPairs } from './cluster.js';
import { personComparisons, type Comparison } from './comparisons.js';
import {
  combineSessions,
  comparePairs,
  estimateU,
  levelWeights,
  matchWeight,
  probabilityOf,
  trainModel,
  type Model,
} from './model.js';
import { prepare, Vocabulary, type LinkPerson, type Prepared } from './record.js';

/** Where a pair counts as a match, and where it goes to review. */
export interface Thresholds {
  /** Probability at or above which two records are linked automatically. */
  match: number;
  /** Probability at or above which (and below `match`) a pair is queued for review. */
  review: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { match: 0.9, review: 0.3 };

/** A scored candidate pair (record indexes). */
export interface ScoredPair {
  left: number;
  right: number;
  probability: number;
}

export interface LinkageResult {
  model: Model;
  /** Match weight of a pair before comparison (log2 of the prior odds among all pairs). */
  prior: number;
  /** Cluster label of every record: the index of its first record. */
  clusters: Uint32Array;
  /** Pairs at or above the match threshold. */
  matches: ScoredPair[];
  /** Pairs in the review band. */
  review: ScoredPair[];
  candidates: number;
  /** The candidate pairs (record indexes), for evaluation. */
  left: Uint32Array;
  right: Uint32Array;
  perRule: Record<string, number>;
  skippedBlocks: number;
}

/** A seeded generator for the random pairs (mulberry32), so a run is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** λ/(1−λ) for `matches` expected matches among all pairs (across sources only when linking). */
function globalLambda(records: readonly { source: string }[], matches: number, linkOnly: boolean): number {
  const n = records.length;
  let pairs = (n * (n - 1)) / 2;
  if (linkOnly) {
    const perSource = new Map<string, number>();
    for (const r of records) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
    for (const s of perSource.values()) pairs -= (s * (s - 1)) / 2;
  }
  const lambda = Math.min(Math.max(matches / Math.max(pairs, 1), 1e-12), 1 - 1e-9);
  return lambda / (1 - lambda);
}

export type LinkOptions = CandidateOptions & {
  thresholds?: Thresholds;
  seed?: number;
  uSamples?: number;
  /** At most this many pairs per training session (sampled). */
  trainingPairs?: number;
};

/**
 * A training session (Splink's estimate_parameters_using_expectation_maximisation): EM on the pairs
 * of one blocking rule, leaving out the comparisons that rule blocks on, whose m would be biased.
 */
export interface TrainingRule<R> {
  rule: BlockingRule<R>;
  ignore: readonly string[];
}

function train<R extends { source: string }>(
  records: readonly R[],
  comparisons: readonly Comparison<R>[],
  training: readonly TrainingRule<R>[],
  u0: number[][],
  candidateVectors: Uint8Array,
  options: LinkOptions,
): Model {
  // λ among the candidate pairs: from EM over them with u fixed, m from the sessions.
  if (training.length === 0) return trainModel(comparisons, candidateVectors, u0);
  const random = seededRandom((options.seed ?? 1) + 1);
  const sessions = training.flatMap((t) => {
    const pairs = candidatePairs(records, [t.rule], { ...options, maxBlock: 1_000 });
    const keep = Math.min(pairs.count, options.trainingPairs ?? 1_000_000);
    // A uniform sample of the pairs (partial Fisher–Yates), so large blocks do not dominate.
    for (let k = 0; k < keep; k++) {
      const j = k + Math.floor(random() * (pairs.count - k));
      [pairs.left[k], pairs.left[j]] = [pairs.left[j]!, pairs.left[k]!];
      [pairs.right[k], pairs.right[j]] = [pairs.right[j]!, pairs.right[k]!];
    }
    // Too few pairs to learn from: the session would only return its starting values.
    if (keep < 50) return [];
    const { vectors } = comparePairs(records, comparisons, pairs.left, pairs.right, keep);
    const ignore = new Set(t.ignore.map((name) => comparisons.findIndex((c) => c.name === name)));
    return [{ model: trainModel(comparisons, vectors, u0, { ignore }), ignore }];
  });
  if (sessions.length === 0) return trainModel(comparisons, candidateVectors, u0);
  const combined = combineSessions(sessions);
  const lambda = estimateLambda(combined, candidateVectors, comparisons.length);
  return { ...combined, lambda };
}

/** The share of matches among candidate vectors under fixed m and u (EM on λ alone). */
function estimateLambda(model: Model, vectors: Uint8Array, c: number): number {
  const weights = levelWeights(model);
  const n = vectors.length / c;
  const bf = new Float64Array(n);
  for (let k = 0; k < n; k++) bf[k] = 2 ** matchWeight(weights, 0, vectors.subarray(k * c, k * c + c), 0);
  let lambda = 0.1;
  for (let it = 0; it < 100; it++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += (lambda * bf[k]!) / (lambda * bf[k]! + 1 - lambda);
    const next = n === 0 ? lambda : Math.min(Math.max(sum / n, 1e-9), 1 - 1e-9);
    if (Math.abs(next - lambda) < 1e-7) return next;
    lambda = next;
  }
  return lambda;
}

/** Links records of any type given its comparisons and blocking rules (plaintext or encoded). */
export function linkPrepared<R extends { source: string }>(
  records: readonly R[],
  comparisons: readonly Comparison<R>[],
  rules: readonly BlockingRule<R>[],
  training: readonly TrainingRule<R>[],
  options: LinkOptions = {},
): LinkageResult {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const candidates = candidatePairs(records, rules, options);
  const { left, right, count } = candidates;
  const { vectors, tf } = comparePairs(records, comparisons, left, right, count);
  const u0 = estimateU(records, comparisons, seededRandom(options.seed ?? 1), options.uSamples);
  const model = train(records, comparisons, training, u0, vectors, options);
  const weights = levelWeights(model);
  // EM's λ is the share of matches among the candidates; the scores use the share among all pairs
  // (Splink's probability_two_random_records_match), since blocking kept nearly every match.
  const prior = Math.log2(globalLambda(records, model.lambda * count, options.linkOnly ?? false));
  const c = comparisons.length;
  const probabilities = new Float64Array(count);
  const matches: ScoredPair[] = [];
  const review: ScoredPair[] = [];
  for (let k = 0; k < count; k++) {
    const p = probabilityOf(matchWeight(weights, prior, vectors.subarray(k * c, k * c + c), tf[k]!));
    probabilities[k] = p;
    if (p >= thresholds.match) matches.push({ left: left[k]!, right: right[k]!, probability: p });
    else if (p >= thresholds.review) review.push({ left: left[k]!, right: right[k]!, probability: p });
  }
  return {
    model,
    prior,
    clusters: clusterPairs(
      records.length,
      left.subarray(0, count),
      right.subarray(0, count),
      probabilities,
      thresholds.match,
    ),
    matches,
    review,
    candidates: count,
    left: left.subarray(0, count),
    right: right.subarray(0, count),
    perRule: candidates.perRule,
    skippedBlocks: candidates.skippedBlocks,
  };
}

/** Links plaintext person records with the person comparisons and blocking rules. */
export function linkPersons(persons: readonly LinkPerson[], options: LinkOptions = {}): LinkageResult {
  const { vocab, records } = preparePersons(persons);
  return linkPrepared(
    records,
    personComparisons(vocab, records),
    personBlockingRules(vocab),
    personTrainingRules(vocab),
    options,
  );
}

/** Prepares a population with one vocabulary (its name-key frequencies drive the tf adjustment). */
export function preparePersons(persons: readonly LinkPerson[]): { vocab: Vocabulary; records: Prepared[] } {
  const vocab = new Vocabulary();
  return { vocab, records: persons.map((p, i) => prepare(p, i, vocab)) };
}
