/**
 * The Fellegi–Sunter model: for each comparison level, m = P(level | same person) and
 * u = P(level | different persons). u starts from random pairs (Splink's
 * estimate_u_using_random_sampling); m, u and the share of matches λ among the candidate pairs are
 * then estimated without labels by expectation–maximisation. Comparison vectors are compressed to
 * distinct patterns first, so EM costs the number of patterns, not of pairs.
 */
import type { Comparison } from './comparisons.js';
import { REFERENCE_PAIRS, referenceU } from './reference-u.js';

/** A missing value on either side: the comparison adds no evidence. */
export const NULL_LEVEL = 255;

export interface Model {
  comparisons: { name: string; levels: readonly string[]; m: number[]; u: number[] }[];
  /** Share of matches among candidate pairs (the prior of the scores). */
  lambda: number;
  iterations: number;
}

/**
 * Comparison vectors of the pairs (left[k], right[k]), one byte per comparison, and tf bits; into
 * `out` from its pair `at` on when given (the batch's threads each write their share of one shared
 * array), else into new arrays.
 */
export function comparePairs<R>(
  records: readonly R[],
  comparisons: readonly Comparison<R>[],
  left: Uint32Array,
  right: Uint32Array,
  count: number,
  out?: { vectors: Uint8Array; tf: Float32Array; at: number },
): { vectors: Uint8Array; tf: Float32Array } {
  const c = comparisons.length;
  const vectors = out ? out.vectors.subarray(out.at * c, (out.at + count) * c) : new Uint8Array(count * c);
  const tf = out ? out.tf.subarray(out.at, out.at + count) : new Float32Array(count);
  for (let k = 0; k < count; k++) {
    const a = records[left[k]!]!;
    const b = records[right[k]!]!;
    let bits = 0;
    for (let x = 0; x < c; x++) {
      const cmp = comparisons[x]!;
      const level = cmp.compare(a, b);
      vectors[k * c + x] = level < 0 ? NULL_LEVEL : level;
      if (level >= 0 && cmp.tfAdjust && cmp.tfLevels?.includes(level)) bits += cmp.tfAdjust(a, b);
    }
    tf[k] = bits;
  }
  return { vectors, tf };
}

/**
 * u of every level from `samples` random pairs (different records). A small file's random pairs
 * include its own duplicates (in a list of three records where two are one person, a third of the
 * pairs agree exactly), so that agreement would look common and weigh almost nothing: the sample
 * counts as the distinct pairs it stands for, and each comparison with a reference (reference-u.ts:
 * how two different persons of the population compare) starts from it, worth up to
 * REFERENCE_PAIRS pairs and fading as the file's own pairs grow. Every level also counts one pair
 * more, so that none is zero.
 */
export function estimateU<R>(
  records: readonly R[],
  comparisons: readonly Comparison<R>[],
  random: () => number,
  samples = 100_000,
): number[][] {
  const references = comparisons.map((c) => referenceU(c));
  const n = records.length;
  if (n < 2) return comparisons.map((c, x) => references[x] ?? c.levels.map(() => 1 / c.levels.length));
  const counts = comparisons.map((c) => new Array<number>(c.levels.length).fill(0));
  for (let s = 0; s < samples; s++) {
    const i = Math.floor(random() * n);
    let j = Math.floor(random() * (n - 1));
    if (j >= i) j++;
    comparisons.forEach((c, x) => {
      const level = c.compare(records[i]!, records[j]!);
      if (level >= 0) counts[x]![level]!++;
    });
  }
  const distinctPairs = (n * (n - 1)) / 2;
  const referenceWeight = (REFERENCE_PAIRS * REFERENCE_PAIRS) / (REFERENCE_PAIRS + distinctPairs);
  return counts.map((row, x) => {
    const reference = references[x];
    const sampled = row.reduce((a, b) => a + b, 0);
    const scale = sampled === 0 ? 0 : Math.min(sampled, distinctPairs) / sampled;
    const weighted = row.map((v, l) => v * scale + 1 + (reference ? reference[l]! * referenceWeight : 0));
    const total = weighted.reduce((a, b) => a + b, 0);
    return weighted.map((v) => v / total);
  });
}

/**
 * The distinct vectors and how many pairs have each, in order of first appearance. Up to 8
 * comparisons of at most 15 levels (a missing level as 15) are one 32-bit key, so the map is keyed
 * by a number; more, or more levels, by the vector's text.
 */
function patterns(vectors: Uint8Array, c: number): { rows: Uint8Array[]; weights: number[] } {
  const rows: Uint8Array[] = [];
  const weights: number[] = [];
  const n = vectors.length / c;
  const packed = c <= 8 && vectors.every((level) => level < 15 || level === NULL_LEVEL);
  const seen = new Map<number | string, number>();
  for (let k = 0; k < n; k++) {
    let key: number | string;
    if (packed) {
      key = 0;
      for (let x = 0; x < c; x++) {
        const level = vectors[k * c + x]!;
        key = (key << 4) | (level === NULL_LEVEL ? 15 : level);
      }
    } else key = vectors.subarray(k * c, k * c + c).join(',');
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, rows.length);
      rows.push(vectors.slice(k * c, k * c + c));
      weights.push(1);
    } else weights[at]!++;
  }
  return { rows, weights };
}

/** How many matching pairs the prior on m (agreement more likely at better levels) is worth. */
const PRIOR_PAIRS = 10;

/**
 * EM over the candidate pairs' vectors. `u0` (from random pairs) anchors the non-match component;
 * m starts strongly increasing with the level, so the match component is the agreeing one.
 */
export function trainModel(
  /** The comparisons' names and levels (EM reads no record). */
  comparisons: readonly Pick<Comparison<never>, 'name' | 'levels'>[],
  vectors: Uint8Array,
  u0: number[][],
  options: {
    iterations?: number;
    lambda0?: number;
    tolerance?: number;
    /** Re-estimate u too (classic FS–EM); by default u stays at the random-pair estimate. */
    estimateU?: boolean;
    /** Comparisons left out (those the training pairs were blocked on: their m would be biased). */
    ignore?: ReadonlySet<number>;
  } = {},
): Model {
  const c = comparisons.length;
  const { rows, weights } = patterns(vectors, c);
  const m0 = comparisons.map((cmp) => {
    const raw = cmp.levels.map((_, l) => 4 ** l);
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => v / total);
  });
  // The prior on m rises with the level less steeply than the start: a level between agreement and
  // disagreement (an estimated age within two years) keeps a share worth a fraction of a pair, so
  // that in a file of a few dozen persons one pair of two namesakes at that level cannot turn it
  // into evidence against a match (it did: −2.7 bits where it weighs +2 with that pair absent).
  const prior = comparisons.map((cmp) => {
    const raw = cmp.levels.map((_, l) => 2 ** l);
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => (v / total) * PRIOR_PAIRS);
  });
  let m = m0.map((row) => [...row]);
  let u = u0.map((row) => [...row]);
  let lambda = options.lambda0 ?? 0.1;
  const maxIterations = options.iterations ?? 50;
  const ignore = options.ignore ?? new Set<number>();
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // m is estimated with the starting values as a prior worth PRIOR_PAIRS matching pairs: a few
    // dozen records (a new installation) would otherwise give a level no pair showed an m of
    // almost 0 (agreeing exactly on the names would weigh against a match); thousands of pairs
    // outweigh it.
    const mCounts = prior.map((row) => [...row]);
    const uCounts = comparisons.map((cmp) => new Array<number>(cmp.levels.length).fill(1e-3));
    let matchMass = 0;
    let total = 0;
    rows.forEach((row, p) => {
      let pm = lambda;
      let pu = 1 - lambda;
      for (let x = 0; x < c; x++) {
        const level = row[x]!;
        if (level === NULL_LEVEL || ignore.has(x)) continue;
        pm *= m[x]![level]!;
        pu *= u[x]![level]!;
      }
      const posterior = pm / (pm + pu);
      const w = weights[p]!;
      matchMass += posterior * w;
      total += w;
      for (let x = 0; x < c; x++) {
        const level = row[x]!;
        if (level === NULL_LEVEL) continue;
        mCounts[x]![level]! += posterior * w;
        uCounts[x]![level]! += (1 - posterior) * w;
      }
    });
    const normalise = (rowsIn: number[][]) =>
      rowsIn.map((row) => {
        const s = row.reduce((a, b) => a + b, 0);
        return row.map((v) => v / s);
      });
    const nextLambda = Math.min(Math.max(matchMass / total, 1e-9), 1 - 1e-9);
    const change = Math.abs(nextLambda - lambda);
    m = normalise(mCounts);
    if (options.estimateU) u = normalise(uCounts);
    lambda = nextLambda;
    if (change < (options.tolerance ?? 1e-6)) break;
  }
  return {
    comparisons: comparisons.map((cmp, x) => ({ name: cmp.name, levels: cmp.levels, m: m[x]!, u: u[x]! })),
    lambda,
    iterations,
  };
}

/**
 * Combines training sessions as Splink does: each comparison's m is the mean of its m over the
 * sessions that did not ignore it (a comparison blocked on in every session keeps its start value).
 */
export function combineSessions(sessions: readonly { model: Model; ignore: ReadonlySet<number> }[]): Model {
  const first = sessions[0]!.model;
  return {
    lambda: first.lambda,
    iterations: Math.max(...sessions.map((s) => s.model.iterations)),
    comparisons: first.comparisons.map((cmp, x) => {
      const used = sessions.filter((s) => !s.ignore.has(x));
      const from = used.length > 0 ? used : sessions;
      const m = cmp.m.map(
        (_, l) => from.reduce((sum, s) => sum + s.model.comparisons[x]!.m[l]!, 0) / from.length,
      );
      return { ...cmp, m };
    }),
  };
}

/** log2(m/u) of every level of every comparison: the match weights, ready for scoring. */
export function levelWeights(model: Model): Float64Array[] {
  return model.comparisons.map((cmp) => Float64Array.from(cmp.m, (m, l) => Math.log2(m / cmp.u[l]!)));
}

/** Match weight (bits) of one comparison vector: prior + Σ level weights + tf adjustment. */
export function matchWeight(
  weights: readonly Float64Array[],
  prior: number,
  vector: ArrayLike<number>,
  tf: number,
): number {
  let w = prior + tf;
  for (let x = 0; x < weights.length; x++) {
    const level = vector[x]!;
    if (level !== NULL_LEVEL) w += weights[x]![level]!;
  }
  return w;
}

/** matchWeight of the vector starting at `offset` of a flat array of vectors (no view per pair). */
export function matchWeightAt(
  weights: readonly Float64Array[],
  prior: number,
  vectors: Uint8Array,
  offset: number,
  tf: number,
): number {
  let w = prior + tf;
  for (let x = 0; x < weights.length; x++) {
    const level = vectors[offset + x]!;
    if (level !== NULL_LEVEL) w += weights[x]![level]!;
  }
  return w;
}

/**
 * The level weights as one table, 256 entries per comparison (a missing level weighs 0 there):
 * `scoreRange` reads one number per comparison with no branch. Adding 0 for a missing level leaves
 * the sum exactly as `matchWeightAt` makes it.
 */
export function flatWeights(weights: readonly Float64Array[]): Float64Array {
  const table = new Float64Array(weights.length * 256);
  weights.forEach((row, x) => table.set(row, x * 256));
  for (let x = 0; x < weights.length; x++) table[x * 256 + NULL_LEVEL] = 0;
  return table;
}

/**
 * The match probabilities of pairs from..to (`probabilityOf(matchWeightAt(...))`, the same numbers)
 * into `out`, from a `flatWeights` table over c comparisons.
 */
export function scoreRange(
  table: Float64Array,
  c: number,
  prior: number,
  vectors: Uint8Array,
  tf: Float32Array,
  from: number,
  to: number,
  out: Float64Array,
): void {
  for (let k = from; k < to; k++) {
    let w = prior + tf[k]!;
    const at = k * c;
    for (let x = 0; x < c; x++) w += table[x * 256 + vectors[at + x]!]!;
    out[k] = 1 / (1 + 2 ** -w);
  }
}

/** Match probability from a match weight in bits. */
export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}
