/**
 * The intake look-up: an index of prepared records by blocking key, so that one new person is
 * compared only with the records that share a key, and scored with a model trained by the batch.
 */
import type { BlockingRule } from './blocking.js';
import type { Comparison } from './comparisons.js';
import { levelWeights, matchWeight, NULL_LEVEL, probabilityOf, type Model } from './model.js';
import type { Prepared } from './record.js';

/** A likely match of a query: the record's index and its match probability. */
export interface Candidate {
  index: number;
  probability: number;
}

export class LinkageIndex {
  private readonly blocks: Map<number, number[]>[];
  private readonly weights: Float64Array[];
  private readonly prior: number;

  /** `prior` is the match weight of a pair before any comparison (from the batch's λ). */
  constructor(
    private readonly records: readonly Prepared[],
    private readonly comparisons: readonly Comparison<Prepared>[],
    private readonly rules: readonly BlockingRule<Prepared>[],
    model: Model,
    prior: number,
    /** Blocks larger than this are not searched, as in the batch (candidatePairs' maxBlock). */
    private readonly maxBlock = 5_000,
  ) {
    this.weights = levelWeights(model);
    this.prior = prior;
    this.blocks = rules.map((rule) => {
      const map = new Map<number, number[]>();
      records.forEach((r, i) => {
        for (const k of rule.keys(r)) {
          const list = map.get(k);
          if (list) list.push(i);
          else map.set(k, [i]);
        }
      });
      return map;
    });
  }

  /** Records sharing a blocking key with `query`, scored, best first, at or above `minimum`. */
  find(query: Prepared, minimum: number, limit = 20): Candidate[] {
    const seen = new Set<number>();
    this.rules.forEach((rule, r) => {
      for (const k of rule.keys(query)) {
        // A bipartite rule's records meet those on the other side of their block (blocking.ts).
        const block = this.blocks[r]!.get(rule.bipartite ? (k % 2 === 0 ? k + 1 : k - 1) : k) ?? [];
        if (block.length <= this.maxBlock) for (const i of block) seen.add(i);
      }
    });
    const vector = new Uint8Array(this.comparisons.length);
    const found: Candidate[] = [];
    for (const i of seen) {
      const other = this.records[i]!;
      if (other.id === query.id) continue;
      let tf = 0;
      this.comparisons.forEach((c, x) => {
        const level = c.compare(query, other);
        vector[x] = level < 0 ? NULL_LEVEL : level;
        if (level >= 0 && c.tfAdjust && c.tfLevels?.includes(level)) tf += c.tfAdjust(query, other);
      });
      const probability = probabilityOf(matchWeight(this.weights, this.prior, vector, tf));
      if (probability >= minimum) found.push({ index: i, probability });
    }
    return found.sort((a, b) => b.probability - a.probability).slice(0, limit);
  }
}
