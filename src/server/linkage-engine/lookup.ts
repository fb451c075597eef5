/**
 * The intake look-up: an index of prepared records by blocking key, so that one new person is
 * compared only with the records that share a key, and scored with a model trained by the batch.
 * A query meets the records it would meet if it were added to the batch (blocking.ts): the same
 * maximum block (with the sorted neighbourhood beyond it), the same cap on bipartite blocks and the
 * same budget per record, so that a name common at national scale does not cost it hundreds of
 * comparisons.
 */
import {
  blocksOf,
  DEFAULT_MAX_BIPARTITE_PAIRS,
  DEFAULT_MAX_BLOCK,
  DEFAULT_WINDOW,
  keepClosest,
  keysOf,
  Workspace,
  type BlockingRule,
} from './blocking.js';
import type { Comparison } from './comparisons.js';
import { levelWeights, matchWeight, NULL_LEVEL, probabilityOf, type Model } from './model.js';
import type { Prepared } from './record.js';

/** A likely match of a query: the record's index and its match probability. */
export interface Candidate {
  index: number;
  probability: number;
}

/** How a query meets the index's blocks: the batch's options (blocking.ts, `CandidateOptions`). */
export interface LookupOptions {
  /** Blocks larger than this are searched by sorted neighbourhood (default `DEFAULT_MAX_BLOCK`). */
  maxBlock?: number;
  /** Width of the sorted neighbourhood (default `DEFAULT_WINDOW`). */
  window?: number;
  /** A bipartite block making more pairs than this is passed over (`DEFAULT_MAX_BIPARTITE_PAIRS`). */
  maxBipartitePairs?: number;
  /** Each record's place in the sorted neighbourhood's order (`personOrder`); none: record order. */
  order?: (record: Prepared) => number;
}

/**
 * One rule's blocks as typed columns (no object or array per block: at 1,000,000 registrations
 * the rules make tens of millions of entries): block `b` has the key `high[b] · 2^32 + low[b]`
 * (sorted by `low`, then `high`) and the records `members[start[b]] … members[start[b + 1] − 1]`,
 * in record order, or in the sorted neighbourhood's order when the block is over `maxBlock`.
 */
interface Table {
  low: Uint32Array;
  high: Uint32Array;
  start: Uint32Array;
  members: Uint32Array;
}

const TWO_32 = 4_294_967_296;

export class LinkageIndex {
  private readonly tables: Table[];
  private readonly weights: Float64Array[];
  private readonly prior: number;
  private readonly maxBlock: number;
  private readonly window: number;
  private readonly maxBipartite: number;
  private readonly order: ((record: Prepared) => number) | undefined;
  /** Each record's order key (for the sorted neighbourhood), when there is an order. */
  private readonly orderKeys: Float64Array | undefined;
  /** Per record, the last query (`met`) and the last query and rule (`metByRule`) that met it. */
  private readonly met: Uint32Array;
  private readonly metByRule: Uint32Array;
  private stamp = 0;

  /** `prior` is the match weight of a pair before any comparison (from the batch's λ). */
  constructor(
    private readonly records: readonly Prepared[],
    private readonly comparisons: readonly Comparison<Prepared>[],
    private readonly rules: readonly BlockingRule<Prepared>[],
    model: Model,
    prior: number,
    options: LookupOptions = {},
  ) {
    this.weights = levelWeights(model);
    this.prior = prior;
    this.maxBlock = options.maxBlock ?? DEFAULT_MAX_BLOCK;
    this.window = options.window ?? DEFAULT_WINDOW;
    this.maxBipartite = options.maxBipartitePairs ?? DEFAULT_MAX_BIPARTITE_PAIRS;
    this.order = options.order;
    const order = options.order;
    this.orderKeys = order ? Float64Array.from(records, (r) => order(r)) : undefined;
    this.met = new Uint32Array(records.length);
    this.metByRule = new Uint32Array(records.length);
    const space = new Workspace();
    this.tables = rules.map((rule) => this.tableOf(rule, space));
  }

  /** The rule's blocks copied out of the batch's block building (whose arrays are reused). */
  private tableOf(rule: BlockingRule<Prepared>, space: Workspace): Table {
    const t = blocksOf(this.records, rule, false, space);
    const table = {
      low: t.low.slice(0, t.blocks),
      high: t.high.slice(0, t.blocks),
      start: t.blockStart.slice(0, t.blocks + 1),
      members: t.members.slice(0, t.blockStart[t.blocks]),
    };
    const keys = this.orderKeys;
    if (!rule.bipartite && keys)
      for (let b = 0; b < t.blocks; b++) {
        const from = table.start[b]!;
        const to = table.start[b + 1]!;
        // A block of `maxBlock` records is over it once a query joins it.
        if (to - from + 1 > this.maxBlock)
          table.members.subarray(from, to).sort((p, q) => keys[p]! - keys[q]!);
      }
    return table;
  }

  /** The block of `key` in `table`, or −1 (a binary search on the low bits, then the high bits). */
  private static blockOf(table: Table, key: number): number {
    const low = key >>> 0;
    const high = Math.floor(key / TWO_32) >>> 0;
    let lo = 0;
    let hi = table.low.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table.low[mid]! < low) lo = mid + 1;
      else hi = mid;
    }
    for (let b = lo; b < table.low.length && table.low[b] === low; b++) if (table.high[b] === high) return b;
    return -1;
  }

  /** Indexes of the records `query` meets under the rules, as the batch would pair them. */
  candidates(query: Prepared): number[] {
    const found: number[] = [];
    // Stamps instead of sets: one per query, one per query and rule (what the query's budget
    // under that rule has already met, as the batch's `seen`).
    const queryStamp = ++this.stamp;
    const add = (i: number) => {
      if (this.met[i] === queryStamp) return;
      this.met[i] = queryStamp;
      found.push(i);
    };
    this.rules.forEach((rule, r) => {
      const table = this.tables[r]!;
      const keys = keysOf(rule, query);
      if (!rule.bipartite) {
        for (const k of keys) {
          const b = LinkageIndex.blockOf(table, k);
          if (b < 0) continue;
          this.meetBlock(table, b, query, add);
        }
        return;
      }
      const ruleStamp = ++this.stamp;
      const cap = Math.min(this.maxBipartite, rule.maxPairs ?? Infinity);
      const filed = new Set(keys);
      let used = 0;
      // The other sides of the over-cap blocks a budgeted rule looks inside (`nearest`), in order.
      const near = rule.perRecord !== undefined ? rule.nearest : undefined;
      const over: number[] = [];
      for (const k of keys) {
        // A bipartite rule's records meet those on the other side of their block (blocking.ts).
        const side = k % 2;
        const otherKey = side === 0 ? k + 1 : k - 1;
        const other = LinkageIndex.blockOf(table, otherKey);
        if (other < 0) continue;
        const own = LinkageIndex.blockOf(table, k);
        const ownSize = own < 0 ? 0 : table.start[own + 1]! - table.start[own]!;
        const from = table.start[other]!;
        const to = table.start[other + 1]!;
        // The block with the query on its side (and on the other too when filed there, as an
        // estimated record is under its own year): over the cap, the batch skips it.
        if ((ownSize + 1) * (to - from + (filed.has(otherKey) ? 1 : 0)) > cap) {
          if (near && side === 1 && to - from <= near.scan) over.push(other);
          continue;
        }
        if (rule.perRecord !== undefined && side === 1) {
          // The query's budget, its keys in the rule's order: whole blocks while they fit.
          let fresh = 0;
          for (let x = from; x < to; x++) if (this.metByRule[table.members[x]!] !== ruleStamp) fresh++;
          if (used + fresh > rule.perRecord) continue;
          used += fresh;
          for (let x = from; x < to; x++) this.metByRule[table.members[x]!] = ruleStamp;
        }
        for (let x = from; x < to; x++) add(table.members[x]!);
      }
      if (near && over.length > 0) this.meetNearest(table, over, query, near, ruleStamp, add);
    });
    return found;
  }

  /**
   * The `near.count` records of the blocks `over` closest to `query` (a tie: the earlier block,
   * then the earlier record), not one its budget under the rule met: the batch's look inside the
   * blocks its cap passes over (blocking.ts, `BlockingRule.nearest`).
   */
  private meetNearest(
    table: Table,
    over: readonly number[],
    query: Prepared,
    near: NonNullable<BlockingRule<Prepared>['nearest']>,
    ruleStamp: number,
    add: (i: number) => void,
  ): void {
    const best: number[] = [];
    const scores: number[] = [];
    for (const b of over)
      for (let x = table.start[b]!; x < table.start[b + 1]!; x++) {
        const j = table.members[x]!;
        if (this.metByRule[j] === ruleStamp || best.includes(j)) continue;
        keepClosest(best, scores, j, near.closeness(query, this.records[j]!), near.count);
      }
    for (const j of best) add(j);
  }

  /** A block's records, or, when the query would make it larger than `maxBlock`, its neighbours. */
  private meetBlock(table: Table, b: number, query: Prepared, add: (i: number) => void): void {
    const from = table.start[b]!;
    const to = table.start[b + 1]!;
    if (to - from + 1 <= this.maxBlock) {
      for (let x = from; x < to; x++) add(table.members[x]!);
      return;
    }
    // The query's place in the block's order, and the window − 1 records on either side of it.
    let at = from;
    if (this.order && this.orderKeys) {
      const key = this.order(query);
      let hi = to;
      while (at < hi) {
        const mid = (at + hi) >>> 1;
        if (this.orderKeys[table.members[mid]!]! <= key) at = mid + 1;
        else hi = mid;
      }
    }
    const reach = this.window - 1;
    for (let x = Math.max(from, at - reach); x < Math.min(to, at + reach); x++) add(table.members[x]!);
  }

  /** Records sharing a blocking key with `query`, scored, best first, at or above `minimum`. */
  find(query: Prepared, minimum: number, limit = 20): Candidate[] {
    const vector = new Uint8Array(this.comparisons.length);
    const found: Candidate[] = [];
    for (const i of this.candidates(query)) {
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
