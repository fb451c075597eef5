/**
 * Quality of a linkage against known truth (benchmarks and tests): precision, recall and F1 of the
 * linked pairs, of the pairs the clusters imply (transitive links included), and the blocking's
 * pair completeness.
 */

export interface Quality {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  actual: number;
}

function quality(truePositives: number, predicted: number, actual: number): Quality {
  const precision = predicted === 0 ? 1 : truePositives / predicted;
  const recall = actual === 0 ? 1 : truePositives / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predicted, actual };
}

const choose2 = (n: number) => (n * (n - 1)) / 2;

/** Number of true pairs: records with the same entity (Σ C(size, 2)). */
export function truePairCount(entities: readonly string[]): number {
  const sizes = new Map<string, number>();
  for (const e of entities) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  let total = 0;
  for (const s of sizes.values()) total += choose2(s);
  return total;
}

/** Quality of a list of predicted pairs (record indexes) against the records' entities. */
export function pairQuality(
  pairs: readonly { left: number; right: number }[],
  entities: readonly string[],
): Quality {
  let tp = 0;
  for (const p of pairs) if (entities[p.left] === entities[p.right]) tp++;
  return quality(tp, pairs.length, truePairCount(entities));
}

/** Quality of the pairs the clusters imply: every two records with the same label. */
export function clusterQuality(labels: ArrayLike<number>, entities: readonly string[]): Quality {
  const predictedSizes = new Map<number, number>();
  const both = new Map<string, number>();
  for (let i = 0; i < entities.length; i++) {
    const label = labels[i]!;
    predictedSizes.set(label, (predictedSizes.get(label) ?? 0) + 1);
    const key = `${label}|${entities[i]}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let predicted = 0;
  for (const s of predictedSizes.values()) predicted += choose2(s);
  let tp = 0;
  for (const s of both.values()) tp += choose2(s);
  return quality(tp, predicted, truePairCount(entities));
}

/** Share of true pairs among the candidate pairs (blocking recall, "pair completeness"). */
export function blockingRecall(
  left: Uint32Array,
  right: Uint32Array,
  count: number,
  entities: readonly string[],
): number {
  let found = 0;
  for (let k = 0; k < count; k++) if (entities[left[k]!] === entities[right[k]!]) found++;
  const actual = truePairCount(entities);
  return actual === 0 ? 1 : found / actual;
}
