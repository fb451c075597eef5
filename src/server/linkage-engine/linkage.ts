/**
 * The whole national batch over plaintext records: prepare, block, compare, estimate the model
 * (random-pair u, then EM), score every candidate pair, cluster above the match threshold and keep
 * the uncertain band for review. The privacy-preserving mode (clk.ts) runs the same steps on
 * Bloom-filter encodings instead.
 */
import {
  blockingWorkspace,
  candidatePairs,
  bucketPairs,
  findPairs,
  mergeBuckets,
  personBlockingRules,
  personTrainingRules,
  type BlockingRule,
  type CandidateOptions,
  type Candidates,
} from './blocking.js';
import { personRank } from './blocking-rank.js';
import { clusterLinks, type ClusterOptions, type HardEvidence } from './cluster.js';
import { columnEvidence, personColumnComparer, personColumns } from './columns.js';
import { personComparisons, personTermTables, type Comparison, type TermTable } from './comparisons.js';
import {
  combineSessions,
  comparePairs,
  estimateU,
  flatWeights,
  levelWeights,
  matchWeightAt,
  probabilityOf,
  scoreRange,
  trainModel,
  type Model,
} from './model.js';
import { comparisonThreads, sharedTake, startComparers, type Segment } from './parallel.js';
import { prepare, Vocabulary, type LinkPerson, type Prepared } from './record.js';
import { referenceShare, withReferenceM } from './reference-u.js';

/** Where a pair counts as a match, and where it goes to review. */
export interface Thresholds {
  /** Probability at or above which two records are linked automatically. */
  match: number;
  /** Probability at or above which (and below `match`) a pair is queued for review. */
  review: number;
}

/**
 * 0.85 (0.9 until 6 Dec 2026): on every setting of the harder generator, FEBRL 3 and 4, in both
 * modes, cluster F1 is as high or higher, and cluster precision at 100,000 registrations stays above
 * 98 % (bench/README.md, "Threshold, names and ages").
 */
export const DEFAULT_THRESHOLDS: Thresholds = { match: 0.85, review: 0.3 };

/**
 * Clustering by default: connected components under the safeguard; two clusters of several
 * records each join only when the pairs between them score 0.5 or more on average, and two records
 * no link joined are paired from 0.5 (cluster.ts; bench/README.md, "Clustering: groups by their
 * average, records alone by their probability"); a record no link joined joins a cluster through a
 * pair from 0.5 when it is a candidate pair with at least half the members and its pairs with them
 * average 0.4 or more (bench/README.md, "Records alone joining a cluster; two estimated ages" and
 * "A record alone joins a cluster it meets", 7 Dec 2026). Pairs scored apart as cannot-link constraints
 * (`apartBelow`) are off: with the prior made consistent (expectedMatches) they cost more recall
 * than they gain precision.
 */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  groupsMeanAbove: 0.5,
  pairsAloneAbove: 0.5,
  aloneJoinsMeanAbove: 0.4,
  aloneJoinsMetShare: 0.5,
};

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
  /** Pairs in the review band, and pairs above it that the cluster safeguard refused. */
  review: ScoredPair[];
  /** Pairs above the match threshold refused by the cluster safeguard (cluster.ts). */
  refused: number;
  candidates: number;
  /** The candidate pairs (record indexes) and their probabilities, for evaluation. */
  left: Uint32Array;
  right: Uint32Array;
  probabilities: Float64Array;
  perRule: Record<string, number>;
  skippedBlocks: number;
  /** Milliseconds spent in each phase (prepare, block, compare, estimate, score, cluster). */
  timings: Record<string, number>;
}

/**
 * A person batch's result with the name-key frequencies its comparisons weighed names by, and the
 * vocabulary's words their ids stand for: kept with a national run for the intake look-up
 * (modules/linkage/name-frequencies.ts).
 */
export interface PersonLinkageResult extends LinkageResult {
  names: PersonNameTables;
}

/** A person batch's term tables of given names and surnames, by vocabulary id (`words[id]`). */
export interface PersonNameTables {
  words: readonly string[];
  givenTf: TermTable;
  surnameTf: TermTable;
}

/** Runs `step`, adding its duration in ms to `timings[name]`. */
function timed<T>(timings: Record<string, number>, name: string, step: () => T): T {
  const start = performance.now();
  try {
    return step();
  } finally {
    timings[name] = Math.round((timings[name] ?? 0) + performance.now() - start);
  }
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

/** The pairs of records a batch could link: all of them, or only across sources when linking. */
function allPairs(records: readonly { source: string }[], linkOnly: boolean): number {
  const n = records.length;
  let pairs = (n * (n - 1)) / 2;
  if (linkOnly) {
    const perSource = new Map<string, number>();
    for (const r of records) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
    for (const s of perSource.values()) pairs -= (s * (s - 1)) / 2;
  }
  return pairs;
}

/** λ/(1−λ) for `matches` expected matches among `pairs` (`allPairs`). */
function globalLambda(pairs: number, matches: number): number {
  const lambda = Math.min(Math.max(matches / Math.max(pairs, 1), 1e-12), 1 - 1e-9);
  return lambda / (1 - lambda);
}

export type LinkOptions = CandidateOptions & {
  thresholds?: Thresholds;
  seed?: number;
  uSamples?: number;
  /** At most this many pairs per training session (sampled). */
  trainingPairs?: number;
  /** Training sessions run on a random sample of this many records at most (default 200,000). */
  trainingRecords?: number;
  /**
   * Refuse a link whose two clusters hold conflicting documents or dates of birth (cluster.ts;
   * default true where records carry them: plaintext persons).
   */
  safeguard?: boolean;
  /**
   * The number of matches the prior is taken from: `consistent` (default) with the prior itself
   * (expectedMatches), or `em`, EM's share among the candidates (more links: higher recall, lower
   * precision; bench/README.md).
   */
  matchCount?: 'consistent' | 'em';
  /** Draw m towards the reference where the batch expects few matches (default true; reference-u.ts). */
  referenceM?: boolean;
  /** How clusters are formed (cluster.ts; default `DEFAULT_CLUSTER_OPTIONS`). */
  cluster?: ClusterOptions;
};

/**
 * A training session (Splink's estimate_parameters_using_expectation_maximisation): EM on the pairs
 * of one blocking rule, leaving out the comparisons that rule blocks on, whose m would be biased.
 */
export interface TrainingRule<R> {
  rule: BlockingRule<R>;
  ignore: readonly string[];
}

/** The pairs of one training session (indexes into the sample it was drawn from). */
export interface SessionPairs {
  left: Uint32Array;
  right: Uint32Array;
  count: number;
  /** The comparisons the session's rule blocks on (left out of its EM). */
  ignore: ReadonlySet<number>;
}

/**
 * The training sessions' pairs: each rule's pairs among a random sample of the records, a uniform
 * sample of them kept. Sessions with too few pairs to learn from are left out.
 */
export function trainingSessions<R extends { source: string }>(
  records: readonly R[],
  comparisons: readonly Comparison<R>[],
  training: readonly TrainingRule<R>[],
  options: LinkOptions,
): { sample: readonly R[]; sessions: SessionPairs[] } {
  if (training.length === 0) return { sample: records, sessions: [] };
  const random = seededRandom((options.seed ?? 1) + 1);
  // A large batch trains on a random sample of its records: the pairs of a training rule grow with
  // the square of the population, and a few hundred thousand records estimate m as well.
  const limit = options.trainingRecords ?? 200_000;
  const sample = records.length <= limit ? records : records.filter(() => random() < limit / records.length);
  const sessions = training.flatMap((t) => {
    const pairs = candidatePairs(sample, [t.rule], { ...options, maxBlock: 1_000, rank: undefined });
    const keep = Math.min(pairs.count, options.trainingPairs ?? 1_000_000);
    // A uniform sample of the pairs (partial Fisher–Yates), so large blocks do not dominate.
    for (let k = 0; k < keep; k++) {
      const j = k + Math.floor(random() * (pairs.count - k));
      [pairs.left[k], pairs.left[j]] = [pairs.left[j]!, pairs.left[k]!];
      [pairs.right[k], pairs.right[j]] = [pairs.right[j]!, pairs.right[k]!];
    }
    // Too few pairs to learn from: the session would only return its starting values.
    if (keep < 50) return [];
    const ignore = new Set(t.ignore.map((name) => comparisons.findIndex((c) => c.name === name)));
    return [
      { left: pairs.left.subarray(0, keep), right: pairs.right.subarray(0, keep), count: keep, ignore },
    ];
  });
  return { sample, sessions };
}

/** A training session's comparison vectors. */
export interface SessionVectors {
  vectors: Uint8Array;
  ignore: ReadonlySet<number>;
}

/** The sessions' vectors, compared on this thread. */
function compareSessions<R>(
  comparisons: readonly Comparison<R>[],
  { sample, sessions }: { sample: readonly R[]; sessions: readonly SessionPairs[] },
): SessionVectors[] {
  return sessions.map((s) => ({
    vectors: comparePairs(sample, comparisons, s.left, s.right, s.count).vectors,
    ignore: s.ignore,
  }));
}

/**
 * m from the training sessions (each EM on one rule's pairs, leaving out what it blocks on),
 * combined; λ among the candidate pairs from EM over them with u and m fixed.
 */
function train(
  comparisons: readonly Levels[],
  sessions: readonly SessionVectors[],
  u0: number[][],
  candidateVectors: Uint8Array,
): Model {
  if (sessions.length === 0) return trainModel(comparisons, candidateVectors, u0);
  const combined = combineSessions(
    sessions.map(({ vectors, ignore }) => ({
      model: trainModel(comparisons, vectors, u0, { ignore }),
      ignore,
    })),
  );
  const lambda = estimateLambda(combined, candidateVectors, comparisons.length);
  return { ...combined, lambda };
}

/** The share of matches among candidate vectors under fixed m and u (EM on λ alone). */
function estimateLambda(model: Model, vectors: Uint8Array, c: number): number {
  const weights = levelWeights(model);
  // An evenly spaced sample of at most 1,000,000 candidates estimates one proportion well enough.
  const all = vectors.length / c;
  const step = Math.max(1, Math.floor(all / 1_000_000));
  const n = Math.floor(all / step);
  const bf = new Float64Array(n);
  for (let k = 0; k < n; k++) bf[k] = 2 ** matchWeightAt(weights, 0, vectors, k * step * c, 0);
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
  timings: Record<string, number> = {},
  evidence?: HardEvidence,
  /** The candidates' vectors and tf bits, when not from `comparisons` on the records (columns.ts). */
  compare: (
    left: Uint32Array,
    right: Uint32Array,
    count: number,
  ) => { vectors: Uint8Array; tf: Float32Array } = (left, right, count) =>
    comparePairs(records, comparisons, left, right, count),
): LinkageResult {
  const candidates = timed(timings, 'block', () => candidatePairs(records, rules, options));
  const compared = timed(timings, 'compare', () =>
    compare(candidates.left, candidates.right, candidates.count),
  );
  return scoreAndCluster(records, comparisons, training, candidates, compared, options, timings, evidence);
}

/** The hard evidence of prepared persons for the cluster safeguard: document and date of birth. */
export function personEvidence(records: readonly Prepared[]): HardEvidence {
  return { document: (i) => records[i]!.document, dob: (i) => records[i]!.dob };
}

/**
 * The number of matches among the candidates, consistent with the prior the pairs are scored with:
 * EM's λ among the candidates scores each pair with the odds of a match among candidates (a
 * quarter or more), far above the odds among all pairs that the scores use, and so counts too
 * many matches (at 10,000 persons of the moderate setting 2.7 times the true number). Here the
 * count M is a fixed point of M = Σ P(match | pair, prior(M)) over the candidates (an evenly
 * spaced sample of at most 1,000,000), starting from EM's count.
 */
function expectedMatches(
  weights: readonly Float64Array[],
  vectors: Uint8Array,
  tf: Float32Array,
  c: number,
  count: number,
  start: number,
  priorOf: (matches: number) => number,
): number {
  const step = Math.max(1, Math.floor(count / 1_000_000));
  const n = Math.floor(count / step);
  if (n === 0) return start;
  const base = new Float64Array(n);
  for (let k = 0; k < n; k++) base[k] = matchWeightAt(weights, 0, vectors, k * step * c, tf[k * step]!);
  let matches = start;
  for (let it = 0; it < 100; it++) {
    const prior = priorOf(matches);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += probabilityOf(base[k]! + prior);
    const next = (sum * count) / n;
    if (Math.abs(next - matches) <= Math.max(0.5, matches * 1e-5)) return next;
    matches = next;
  }
  return matches;
}

/** The steps after comparison: estimate the model, score every candidate pair, cluster. */
function scoreAndCluster<R extends { source: string }>(
  records: readonly R[],
  comparisons: readonly Comparison<R>[],
  training: readonly TrainingRule<R>[],
  candidates: Candidates,
  compared: { vectors: Uint8Array; tf: Float32Array },
  options: LinkOptions,
  timings: Record<string, number>,
  evidence?: HardEvidence,
): LinkageResult {
  const estimated = estimateScoring(
    comparisons,
    candidates.count,
    compared,
    options,
    timings,
    () => ({
      u0: estimateU(records, comparisons, seededRandom(options.seed ?? 1), options.uSamples),
      sessions: compareSessions(comparisons, trainingSessions(records, comparisons, training, options)),
    }),
    allPairs(records, options.linkOnly ?? false),
  );
  // Blocking is over (the candidates and the training sessions): its arrays can go.
  options.space?.release();
  const probabilities = timed(timings, 'score', () => {
    const out = new Float64Array(candidates.count);
    const { vectors, tf } = compared;
    const c = comparisons.length;
    scoreRange(flatWeights(estimated.weights), c, estimated.prior, vectors, tf, 0, candidates.count, out);
    return out;
  });
  return clusterScored(records.length, candidates, probabilities, estimated, options, timings, evidence);
}

/** The model and the prior the candidate pairs are scored with. */
interface Scoring {
  model: Model;
  weights: Float64Array[];
  prior: number;
}

/** A comparison's name and levels: what estimating and scoring read of it (not its records). */
type Levels = Pick<Comparison<never>, 'name' | 'levels'>;

/** Estimates the model from the candidates' vectors (and the training sessions'), and the prior. */
function estimateScoring(
  comparisons: readonly Levels[],
  count: number,
  { vectors, tf }: { vectors: Uint8Array; tf: Float32Array },
  options: LinkOptions,
  timings: Record<string, number>,
  /**
   * u from random pairs (`estimateU`) and the training sessions' vectors; timed as the estimate
   * (linkPersonsParallel has them ready: drawn before its prepared records were dropped, the
   * sessions compared on every thread).
   */
  inputs: () => { u0: number[][]; sessions: readonly SessionVectors[] },
  /** The pairs the prior is a share of (`allPairs`). */
  pairs: number,
): Scoring {
  let model = timed(timings, 'estimate', () => {
    const { u0, sessions } = inputs();
    return train(comparisons, sessions, u0, vectors);
  });
  let weights = levelWeights(model);
  const c = comparisons.length;
  // EM's λ is the share of matches among the candidates; the scores use the share among all pairs
  // (Splink's probability_two_random_records_match), since blocking kept nearly every match. The
  // number of matches is then made consistent with that prior (expectedMatches).
  const priorOf = (matches: number) => Math.log2(globalLambda(pairs, matches));
  const countMatches = (start: number) =>
    options.matchCount === 'em'
      ? model.lambda * count
      : timed(timings, 'estimate', () => expectedMatches(weights, vectors, tf, c, count, start, priorOf));
  const emCount = model.lambda * count;
  let matchCount = countMatches(emCount);
  // Levels the batch's few matches cannot inform take the reference m (reference-u.ts
  // `withReferenceM`); the count is then made consistent with the weights again. Below a share of
  // 0.1 % (about 1,000 expected matches) no weight moves by more than a few thousandths of a bit,
  // and a national batch is left exactly as the data make it.
  if (options.referenceM !== false && referenceShare(matchCount) >= 1e-3) {
    model = withReferenceM(model, matchCount);
    weights = levelWeights(model);
    matchCount = countMatches(emCount);
  }
  if (count > 0) model = { ...model, lambda: Math.min(Math.max(matchCount / count, 1e-9), 1 - 1e-9) };
  return { model, weights, prior: priorOf(matchCount) };
}

/** Clusters the scored candidates and sorts them into links and review. */
function clusterScored(
  n: number,
  candidates: Candidates,
  probabilities: Float64Array,
  { model, prior }: Scoring,
  options: LinkOptions,
  timings: Record<string, number>,
  evidence?: HardEvidence,
): LinkageResult {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const { left, right, count } = candidates;
  const { labels, decision } = timed(timings, 'cluster', () =>
    clusterLinks(
      n,
      left.subarray(0, count),
      right.subarray(0, count),
      probabilities,
      thresholds.match,
      options.safeguard === false ? undefined : evidence,
      options.safeguard === false ? {} : (options.cluster ?? DEFAULT_CLUSTER_OPTIONS),
    ),
  );
  // A pair the safeguard refused is not a link: a person decides it, in the review queue.
  const matches: ScoredPair[] = [];
  const review: ScoredPair[] = [];
  let refused = 0;
  for (let k = 0; k < count; k++) {
    const p = probabilities[k]!;
    if (decision[k] === 1) matches.push({ left: left[k]!, right: right[k]!, probability: p });
    else if (p >= thresholds.review) review.push({ left: left[k]!, right: right[k]!, probability: p });
    if (decision[k] === 2) refused++;
  }
  return {
    model,
    prior,
    clusters: labels,
    refused,
    matches,
    review,
    candidates: count,
    left: left.subarray(0, count),
    right: right.subarray(0, count),
    probabilities,
    perRule: candidates.perRule,
    skippedBlocks: candidates.skippedBlocks,
    timings,
  };
}

export { personRank };

/** Links plaintext person records with the person comparisons and blocking rules. */
export function linkPersons(persons: readonly LinkPerson[], options: LinkOptions = {}): PersonLinkageResult {
  const timings: Record<string, number> = {};
  const prepared = timed(timings, 'prepare', () => preparePersons(persons));
  return linkPreparedPersons(prepared, options, timings);
}

/**
 * `linkPersons` on records already prepared (`preparePersons`, or `prepare` record by record into
 * one vocabulary, in order): `nanduti link` prepares each row as it reads it, so that the file's
 * persons are not held beside the linkage.
 */
export function linkPreparedPersons(
  { vocab, records }: { vocab: Vocabulary; records: readonly Prepared[] },
  options: LinkOptions = {},
  timings: Record<string, number> = {},
): PersonLinkageResult {
  const tables = personTermTables(records);
  // The candidates compared over typed columns (columns.ts): the same levels and tf bits.
  const comparer = timed(timings, 'prepare', () =>
    personColumnComparer(vocab, personColumns(records), tables),
  );
  const rank = timed(timings, 'block', () => options.rank ?? personRank(vocab, records));
  // One set of blocking's arrays for the candidates and the training sessions (bench/README.md,
  // "`nanduti link` within a tenth of Splink's memory").
  const space = options.space ?? blockingWorkspace(records.length);
  const result = linkPrepared(
    records,
    personComparisons(vocab, records, tables),
    personBlockingRules(vocab),
    personTrainingRules(vocab),
    { ...options, rank, space },
    timings,
    personEvidence(records),
    (left, right, count) => comparer.compare(left, right, count),
  );
  return { ...result, names: { words: vocab.words, ...tables } };
}

/**
 * What the parallel batch keeps of its prepared records once it has blocked and drawn the training
 * sessions (`blockAndDraw`): no prepared object, vocabulary or closure over them, so that the
 * collector can free them before the comparisons. At 1M they were most of a heap of some 1.5 GB
 * that every full collection of the compare phase traced (40 % of the calling thread's compare
 * samples were the collector; bench/README.md, "The 1M batch: records dropped before the
 * comparisons"). The batch's peak memory is in the block phase, before they can go.
 */
interface Blocked {
  n: number;
  words: readonly string[];
  tables: { givenTf: TermTable; surnameTf: TermTable };
  /** The comparisons' names and levels. */
  comparisons: readonly Levels[];
  candidates: Candidates;
  /** The training sessions' pairs, by their records' indexes in the whole population. */
  sessions: SessionPairs[];
  /** u from random pairs (`estimateU`), drawn while the records were there. */
  u0: number[][];
  /** The pairs the prior is a share of (`allPairs`). */
  pairs: number;
}

/**
 * The parallel batch up to the comparisons: prepare, block on every thread (rules from a shared
 * counter), merge the pairs; while the workers finish their last rules, the training sessions'
 * pairs and u from random pairs, on this thread. Nothing it returns refers to a prepared record.
 */
async function blockAndDraw(
  persons: readonly LinkPerson[],
  comparers: ReturnType<typeof startComparers>,
  options: LinkOptions,
  timings: Record<string, number>,
): Promise<Blocked> {
  const { vocab, records } = timed(timings, 'prepare', () => preparePersons(persons));
  const tables = personTermTables(records);
  const comparisons = personComparisons(vocab, records, tables);
  // Blocking on every thread: each takes the next rule from a shared counter until none is left.
  const blockStart = performance.now();
  const rules = personBlockingRules(vocab);
  const blockOptions = { ...options, rank: options.rank ?? personRank(vocab, records) };
  const mine = bucketPairs(
    records.length,
    findPairs(records, rules, blockOptions, sharedTake(comparers.counter, rules.length)),
  );
  // While the workers finish their last rules: the training sessions' pairs and u, on this thread.
  const sessionStart = performance.now();
  const { sample, sessions } = trainingSessions(records, comparisons, personTrainingRules(vocab), options);
  const u0 = estimateU(records, comparisons, seededRandom(options.seed ?? 1), options.uSamples);
  const sessionMs = performance.now() - sessionStart;
  const candidates = mergeBuckets(
    records.length,
    [mine, ...(await comparers.block())],
    rules.map((rule) => rule.name),
  );
  timings.block = Math.round(performance.now() - blockStart - sessionMs);
  timings.estimate = Math.round(sessionMs);
  // The sessions' pairs by their records' indexes in the whole population.
  const global = (ids: Uint32Array) => {
    if (sample === records) return ids;
    const out = new Uint32Array(ids.length);
    for (let k = 0; k < ids.length; k++) out[k] = sample[ids[k]!]!.index;
    return out;
  };
  return {
    n: records.length,
    words: vocab.words,
    tables,
    comparisons: comparisons.map(({ name, levels }) => ({ name, levels })),
    candidates,
    sessions: sessions.map((s) => ({ ...s, left: global(s.left), right: global(s.right) })),
    u0,
    pairs: allPairs(records, options.linkOnly ?? false),
  };
}

/**
 * linkPersons on several threads: the same result, with the comparisons of a large batch split
 * between this thread and `threads − 1` workers (parallel.ts). Small batches stay on this thread.
 */
export async function linkPersonsParallel(
  persons: readonly LinkPerson[],
  options: LinkOptions & { threads?: number; parallelFrom?: number } = {},
): Promise<PersonLinkageResult> {
  const threads = options.threads ?? comparisonThreads();
  // Below this many persons starting workers (each prepares every record) costs more than it saves.
  if (threads < 2 || persons.length < (options.parallelFrom ?? 50_000)) return linkPersons(persons, options);
  const timings: Record<string, number> = {};
  const comparers = startComparers(persons, threads - 1, options);
  try {
    const { n, words, tables, comparisons, candidates, sessions, u0, pairs } = await blockAndDraw(
      persons,
      comparers,
      options,
      timings,
    );
    // Written once, in shared memory, by the first worker while this thread merged the pairs, and
    // read by every thread's comparisons (columns.ts) and by the cluster safeguard.
    const columnsStart = performance.now();
    const columns = await comparers.columns();
    timings.prepare = Math.round(timings.prepare! + performance.now() - columnsStart);
    const comparer = personColumnComparer({ words }, columns, tables);
    // The candidate pairs and the training sessions' pairs compared in one pass split between the
    // threads: the sessions no longer run on this thread alone while the workers wait.
    const segments: Segment[] = [
      { left: candidates.left, right: candidates.right, count: candidates.count },
      ...sessions.map((s) => ({ left: s.left, right: s.right, count: s.count })),
    ];
    const start = performance.now();
    const all = await comparers.compare(
      segments,
      columns,
      (left, right, count, out) => comparer.compare(left, right, count, out),
      comparisons.length,
    );
    timings.compare = Math.round(performance.now() - start);
    const c = comparisons.length;
    let at = candidates.count;
    const sessionVectors = sessions.map((s) => {
      const vectors = all.vectors.subarray(at * c, (at + s.count) * c);
      at += s.count;
      return { vectors, ignore: s.ignore };
    });
    const compared = {
      vectors: all.vectors.subarray(0, candidates.count * c),
      tf: all.tf.subarray(0, candidates.count),
    };
    const estimated = estimateScoring(
      comparisons,
      candidates.count,
      compared,
      options,
      timings,
      () => ({ u0, sessions: sessionVectors }),
      pairs,
    );
    // Scored on every thread too, each its share of the pairs into one shared array.
    const scoreStart = performance.now();
    const probabilities = await comparers.score(
      flatWeights(estimated.weights),
      estimated.prior,
      compared,
      candidates.count,
      c,
    );
    await comparers.stop();
    timings.score = Math.round(performance.now() - scoreStart);
    const result = clusterScored(
      n,
      candidates,
      probabilities,
      estimated,
      options,
      timings,
      columnEvidence(columns),
    );
    return { ...result, names: { words, ...tables } };
  } finally {
    await comparers.stop();
  }
}

/** Prepares a population with one vocabulary (its name-key frequencies drive the tf adjustment). */
export function preparePersons(persons: readonly LinkPerson[]): { vocab: Vocabulary; records: Prepared[] } {
  const vocab = new Vocabulary();
  return { vocab, records: persons.map((p, i) => prepare(p, i, vocab)) };
}
