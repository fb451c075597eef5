/**
 * Clusters ("the same person") as connected components of the pairs scored at or above the match
 * threshold; pairs in the uncertain band below it are not linked but kept for human review.
 */
import { datesConflict, sameDocumentShape } from './comparisons.js';
import { damerauWithin } from './strings.js';

export { datesConflict };

/** Union–find with path halving and union by size. */
export class DisjointSets {
  private readonly parent: Uint32Array;
  private readonly size: Uint32Array;

  constructor(n: number) {
    this.parent = new Uint32Array(n);
    this.size = new Uint32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }

  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
  }

  /** The number of members of the set rooted at `root`. */
  sizeOf(root: number): number {
    return this.size[root]!;
  }
}

/**
 * Hard evidence that two records are different persons, read by the cluster safeguard: the
 * document number and the full date of birth of a record (null when it has none).
 */
export interface HardEvidence {
  document(record: number): string | null;
  dob(record: number): string | null;
  /** Whether two of these values cannot be one person's (default: `documentsConflict`, `datesConflict`). */
  documentsClash?: (a: string, b: string) => boolean;
  datesClash?: (a: string, b: string) => boolean;
}

/** Same characters in another order (a transposition, however far apart the digits). */
function anagrams(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/**
 * Two document numbers that cannot be one person's: of the same kind (`documentShape`: a person
 * may hold a cédula and a passport), more than two edits apart (a wrong, skipped, extra or swapped
 * digit each; two registrations may each carry one error) and not the same digits in another order.
 */
export function documentsConflict(a: string, b: string): boolean {
  return a !== b && sameDocumentShape(a, b) && damerauWithin(a, b, 2) > 2 && !anagrams(a, b);
}

export interface ClusterOptions {
  /**
   * A candidate pair scored below this probability is evidence that its two records are different
   * persons: two clusters are not joined while such a pair lies between them (a "cannot-link"
   * constraint). Only pairs between records that some link may join are kept.
   */
  apartBelow?: number;
  /**
   * Two clusters of several records each are joined only when the candidate pairs between them
   * score at least this probability on average (average linkage). The strongest of many pairs
   * between two groups is the likeliest to be high by chance: a link is chosen as the best of them.
   */
  groupsMeanAbove?: number;
  /**
   * After the links at the threshold, two records that no link has joined to anyone are linked
   * at this lower probability (strongest first, so each record joins one other): a pair of two
   * otherwise unlinked records cannot chain other persons, so it is linked where it is more likely
   * than not one person's, as the probability says.
   */
  pairsAloneAbove?: number;
  /**
   * With `pairsAloneAbove`: a record that no link joined to anyone may also join a cluster through
   * a pair in that band, when its candidate pairs with the cluster's members score at least this
   * on average (and no hard evidence conflicts, as at the threshold). The record joins one cluster
   * at most, so it cannot chain two; the cluster's own pairs were scored at the threshold.
   */
  aloneJoinsMeanAbove?: number;
  /**
   * With `aloneJoinsMeanAbove`: the record joins only a cluster with at least this share of whose
   * members it is a candidate pair. Blocking pairs most registrations of one person with each
   * other (a shared name, date or document key), so a record that meets one member of three
   * resembles that registration, not the person the cluster holds (hard setting: most records
   * joined wrongly met one member of their cluster only; bench/README.md, "A record alone joins a
   * cluster it meets", 7 Dec 2026).
   */
  aloneJoinsMetShare?: number;
}

/**
 * The candidate pairs that can lie between two clusters of several records: pairs inside one
 * connected component of three or more records under the links at or above `from` (two clusters
 * are only ever joined inside such a component, and a cluster of one has no other pair), as
 * adjacency lists with their probabilities; and the members of each cluster as linked lists, so
 * that a join looks only at the smaller cluster's members (small into large). At national scale
 * most persons have one to three registrations, so this keeps a small share of the candidates.
 */
function crossPairs(
  n: number,
  left: Uint32Array,
  right: Uint32Array,
  probabilities: Float64Array,
  from: number,
) {
  const components = new DisjointSets(n);
  for (let k = 0; k < probabilities.length; k++)
    if (probabilities[k]! >= from) components.union(left[k]!, right[k]!);
  // The component of each record, read from the sets once (not twice for each of the pairs).
  const component = new Uint32Array(n);
  const componentSize = new Uint32Array(n);
  for (let i = 0; i < n; i++) componentSize[(component[i] = components.find(i))]!++;
  // Which pairs are kept, found once (the second pass reads the flags, not the sets again).
  const kept = new Uint8Array(probabilities.length);
  const keep = (k: number) => kept[k] === 1;
  const degree = new Uint32Array(n + 1);
  for (let k = 0; k < probabilities.length; k++) {
    const root = component[left[k]!]!;
    if (root === component[right[k]!] && componentSize[root]! >= 3) {
      kept[k] = 1;
      degree[left[k]! + 1]!++;
      degree[right[k]! + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) degree[i + 1]! += degree[i]!;
  const start = degree;
  const fill = start.slice(0, n);
  const others = new Uint32Array(start[n]!);
  const scores = new Float32Array(start[n]!);
  for (let k = 0; k < probabilities.length; k++)
    if (keep(k)) {
      others[fill[left[k]!]!] = right[k]!;
      scores[fill[left[k]!]!++] = probabilities[k]!;
      others[fill[right[k]!]!] = left[k]!;
      scores[fill[right[k]!]!++] = probabilities[k]!;
    }
  // Members of each cluster: a linked list from its root (head, next, tail), and its size.
  const NONE = 0xffffffff;
  const next = new Uint32Array(n).fill(NONE);
  const tail = new Uint32Array(n);
  for (let i = 0; i < n; i++) tail[i] = i;
  const head = tail.slice();
  const size = new Uint32Array(n).fill(1);
  return {
    size: (root: number) => size[root]!,
    /** The candidate pairs between clusters `ra` and `rb` (roots): how many, their mean and lowest probability. */
    between(sets: DisjointSets, ra: number, rb: number): { count: number; mean: number; lowest: number } {
      const [small, other] = size[ra]! <= size[rb]! ? [ra, rb] : [rb, ra];
      let count = 0;
      let sum = 0;
      let lowest = 1;
      for (let m = head[small]!; m !== NONE; m = next[m]!)
        for (let e = start[m]!; e < start[m + 1]!; e++)
          if (sets.find(others[e]!) === other) {
            count++;
            sum += scores[e]!;
            if (scores[e]! < lowest) lowest = scores[e]!;
          }
      return { count, mean: count === 0 ? 0 : sum / count, lowest };
    },
    /** Clusters `ra` and `rb` became one, rooted at `root`. */
    joined(ra: number, rb: number, root: number): void {
      const other = root === ra ? rb : ra;
      next[tail[root]!] = head[other]!;
      tail[root] = tail[other]!;
      size[root]! += size[other]!;
    },
  };
}

/** The clusters of the records and which candidate pairs were links in them. */
export interface Clustering {
  /** The cluster of every record: the smallest record index in it. */
  labels: Uint32Array;
  /**
   * Per candidate pair: 1 linked (at or above the threshold, and joined its records or found them
   * already together), 2 refused by the safeguard (above the threshold, but its two clusters
   * held conflicting hard evidence), 0 below the threshold.
   */
  decision: Uint8Array;
}

/**
 * Clusters as connected components of the pairs at or above `threshold`, with a safeguard when
 * `evidence` is given: pairs are taken strongest first, and a pair whose two clusters hold
 * conflicting hard evidence (two documents, or two dates of birth, that cannot be one person's:
 * `documentsConflict`, `datesConflict`) is refused, so that links through a common name cannot
 * chain two persons who are known to differ. The pair's own two values are not held against it
 * (its score already weighed them): only values that other members bring, which no score saw.
 * Every refusal can be explained by the two conflicting values.
 */
export function clusterLinks(
  n: number,
  left: Uint32Array,
  right: Uint32Array,
  probabilities: Float64Array,
  threshold: number,
  evidence?: HardEvidence,
  options: ClusterOptions = {},
): Clustering {
  const sets = new DisjointSets(n);
  const decision = new Uint8Array(probabilities.length);
  const above = strongestFirst(probabilities, threshold, Infinity);
  const alone = options.pairsAloneAbove;
  const grouped =
    options.apartBelow !== undefined || options.groupsMeanAbove !== undefined
      ? crossPairs(n, left, right, probabilities, threshold)
      : null;
  if (!evidence && !grouped && alone === undefined) {
    for (const k of above) {
      sets.union(left[k]!, right[k]!);
      decision[k] = 1;
    }
    return { labels: labelsOf(sets, n), decision };
  }
  // The distinct documents and dates of each cluster, held by its root (records without any hold
  // nothing, so most singletons cost no allocation).
  // Each root's list found through a typed array of slots, not a map: at 1M records a map keyed by
  // a million roots cost a tenth of the phase (bench/README.md, "The 1M batch: the cluster phase").
  const held = () => ({ slot: new Int32Array(n).fill(-1), lists: [] as string[][] });
  const documents = held();
  const dates = held();
  const valuesOf = (
    { slot, lists }: ReturnType<typeof held>,
    root: number,
    value: (i: number) => string | null,
  ) => {
    if (slot[root]! >= 0) return lists[slot[root]!]!;
    const v = value(root);
    const values = v === null ? [] : [v];
    slot[root] = lists.push(values) - 1;
    return values;
  };
  const hold = ({ slot, lists }: ReturnType<typeof held>, root: number, values: string[]) => {
    if (slot[root]! >= 0) lists[slot[root]!] = values;
    else slot[root] = lists.push(values) - 1;
  };
  // The pair's own two values were weighed by its score; the safeguard looks for a conflict the
  // score never saw, brought by the other members of either cluster.
  // (The pair's own values are read only when both clusters hold some: most hold none.)
  const conflict = (
    xs: string[],
    ys: string[],
    k: number,
    value: (i: number) => string | null,
    clash: (a: string, b: string) => boolean,
  ) => {
    if (xs.length === 0 || ys.length === 0) return false;
    const ownA = value(left[k]!);
    const ownB = value(right[k]!);
    for (const x of xs) for (const y of ys) if (!(x === ownA && y === ownB) && clash(x, y)) return true;
    return false;
  };
  const merge = (xs: string[], ys: string[]) => {
    for (const y of ys) if (!xs.includes(y)) xs.push(y);
    return xs;
  };
  const documentClash = evidence?.documentsClash ?? documentsConflict;
  const dateClash = evidence?.datesClash ?? datesConflict;
  /** Whether the clusters `ra` and `rb` hold hard evidence that conflicts (not the pair k's own). */
  const clash = (k: number, ra: number, rb: number): boolean => {
    if (!evidence) return false;
    const docA = valuesOf(documents, ra, evidence.document);
    const docB = valuesOf(documents, rb, evidence.document);
    const dobA = valuesOf(dates, ra, evidence.dob);
    const dobB = valuesOf(dates, rb, evidence.dob);
    return (
      conflict(docA, docB, k, evidence.document, documentClash) ||
      conflict(dobA, dobB, k, evidence.dob, dateClash)
    );
  };
  /** Joins the clusters `ra` and `rb` through the pair k, their hard evidence merged. */
  const join = (k: number, ra: number, rb: number): number => {
    const docs = evidence
      ? merge(valuesOf(documents, ra, evidence.document), valuesOf(documents, rb, evidence.document))
      : null;
    const dobs = evidence
      ? merge(valuesOf(dates, ra, evidence.dob), valuesOf(dates, rb, evidence.dob))
      : null;
    sets.union(ra, rb);
    decision[k] = 1;
    const root = sets.find(ra);
    if (docs && dobs) {
      hold(documents, root, docs);
      hold(dates, root, dobs);
    }
    return root;
  };
  for (const k of above) {
    const ra = sets.find(left[k]!);
    const rb = sets.find(right[k]!);
    if (ra === rb) {
      decision[k] = 1;
      continue;
    }
    if (clash(k, ra, rb)) {
      decision[k] = 2;
      continue;
    }
    if (grouped !== null) {
      const between = grouped.between(sets, ra, rb);
      const several = grouped.size(ra) > 1 && grouped.size(rb) > 1;
      if (
        (options.apartBelow !== undefined && between.lowest < options.apartBelow) ||
        (options.groupsMeanAbove !== undefined && several && between.mean < options.groupsMeanAbove)
      ) {
        decision[k] = 2;
        continue;
      }
    }
    const root = join(k, ra, rb);
    grouped?.joined(ra, rb, root);
  }
  if (alone !== undefined && alone < threshold)
    linkRecordsAlone(n, sets, left, right, probabilities, alone, threshold, decision, {
      mean: options.aloneJoinsMeanAbove ?? Infinity,
      metShare: options.aloneJoinsMetShare ?? 0,
      clash,
      join,
    });
  return { labels: labelsOf(sets, n), decision };
}

/**
 * Links, strongest first, the pairs scored in [from, below) of which one record at least is still
 * alone (no link joined it to anyone): two records alone are paired; a record alone joins the other's
 * cluster when it is a candidate pair with at least `metShare` of that cluster's members, its pairs
 * with them score `mean` or more on average, and no hard evidence conflicts. Each record alone
 * joins once, so no chain forms through it.
 */
function linkRecordsAlone(
  n: number,
  sets: DisjointSets,
  left: Uint32Array,
  right: Uint32Array,
  probabilities: Float64Array,
  from: number,
  below: number,
  decision: Uint8Array,
  how: {
    mean: number;
    metShare: number;
    clash: (k: number, ra: number, rb: number) => boolean;
    join: (k: number, ra: number, rb: number) => number;
  },
): void {
  const taken = new Uint8Array(n);
  for (let k = 0; k < decision.length; k++)
    if (decision[k] === 1) {
      taken[left[k]!] = 1;
      taken[right[k]!] = 1;
    }
  const band = strongestFirst(probabilities, from, below);
  // The candidate pairs of each record alone that has a pair in the band (both ends; only such a
  // record is ever weighed against a cluster), to average its pairs with a cluster (none when
  // records alone only pair with each other).
  const joins = Number.isFinite(how.mean);
  const weighed = new Uint8Array(joins ? n : 0);
  for (let x = 0; joins && x < band.length; x++) {
    const k = band[x]!;
    if (taken[left[k]!] === 0) weighed[left[k]!] = 1;
    if (taken[right[k]!] === 0) weighed[right[k]!] = 1;
  }
  const start = new Uint32Array(joins ? n + 1 : 1);
  for (let k = 0; joins && k < decision.length; k++) {
    if (weighed[left[k]!] === 1) start[left[k]! + 1]!++;
    if (weighed[right[k]!] === 1) start[right[k]! + 1]!++;
  }
  for (let i = 0; joins && i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const others = new Uint32Array(start[start.length - 1]!);
  const scores = new Float64Array(start[start.length - 1]!);
  for (let k = 0; joins && k < decision.length; k++) {
    const a = left[k]!;
    const b = right[k]!;
    if (weighed[a] === 1) {
      others[fill[a]!] = b;
      scores[fill[a]!++] = probabilities[k]!;
    }
    if (weighed[b] === 1) {
      others[fill[b]!] = a;
      scores[fill[b]!++] = probabilities[k]!;
    }
  }
  /** The mean of the record's pairs with the cluster's members; −1 when it meets too few of them. */
  const meanWith = (record: number, root: number): number => {
    let sum = 0;
    let count = 0;
    for (let e = start[record]!; e < start[record + 1]!; e++)
      if (sets.find(others[e]!) === root) {
        sum += scores[e]!;
        count++;
      }
    return count === 0 || count < how.metShare * sets.sizeOf(root) ? -1 : sum / count;
  };
  for (const k of band) {
    const a = left[k]!;
    const b = right[k]!;
    if (taken[a] === 1 && taken[b] === 1) continue;
    const ra = sets.find(a);
    const rb = sets.find(b);
    if (ra === rb) continue;
    if (taken[a] === 0 && taken[b] === 0) {
      taken[a] = 1;
      taken[b] = 1;
      how.join(k, ra, rb);
      continue;
    }
    const [record, root] = taken[a] === 0 ? [a, rb] : [b, ra];
    if (!joins || meanWith(record, root) < how.mean || how.clash(k, ra, rb)) continue;
    taken[record] = 1;
    how.join(k, ra, rb);
  }
}

/**
 * The cluster of every record (the smallest record index in its component, so the labels do not
 * depend on the order the pairs come in), linking pairs with probability ≥ threshold.
 */
export function clusterPairs(
  n: number,
  left: Uint32Array,
  right: Uint32Array,
  probabilities: Float64Array,
  threshold: number,
): Uint32Array {
  return clusterLinks(n, left, right, probabilities, threshold).labels;
}

/**
 * The pairs k with `from` ≤ probabilities[k] < `below`, strongest first, ties in the order of k: a
 * stable radix sort on the probabilities' bits (for numbers ≥ 0 their order as integers is their
 * order as numbers), four passes of 16 bits, instead of a sort with a comparison function.
 */
export function strongestFirst(probabilities: Float64Array, from: number, below: number): Uint32Array {
  let count = 0;
  for (let k = 0; k < probabilities.length; k++) {
    const p = probabilities[k]!;
    if (p >= from && p < below) count++;
  }
  let order = new Uint32Array(count);
  let hi = new Uint32Array(count);
  let lo = new Uint32Array(count);
  const bits = new Uint32Array(2);
  const value = new Float64Array(bits.buffer);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const [L, H] = littleEndian ? [0, 1] : [1, 0];
  count = 0;
  for (let k = 0; k < probabilities.length; k++) {
    const p = probabilities[k]!;
    if (p >= from && p < below) {
      // −0 sorts as 0 (p − 0 − p is 0 for both in a comparison); flipped so that stronger is smaller.
      value[0] = p === 0 ? 0 : p;
      order[count] = k;
      hi[count] = ~bits[H]! >>> 0;
      lo[count] = ~bits[L]! >>> 0;
      count++;
    }
  }
  if (count < 2) return order;
  let nextOrder = new Uint32Array(count);
  let nextHi = new Uint32Array(count);
  let nextLo = new Uint32Array(count);
  const buckets = new Uint32Array(65_536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    buckets.fill(0);
    for (let x = 0; x < count; x++) buckets[(word[x]! >>> shift) & 0xffff]!++;
    // A digit every entry shares changes nothing.
    if (buckets[(word[0]! >>> shift) & 0xffff] === count) continue;
    let sum = 0;
    for (let d = 0; d < 65_536; d++) {
      const c = buckets[d]!;
      buckets[d] = sum;
      sum += c;
    }
    for (let x = 0; x < count; x++) {
      const at = buckets[(word[x]! >>> shift) & 0xffff]!++;
      nextOrder[at] = order[x]!;
      nextHi[at] = hi[x]!;
      nextLo[at] = lo[x]!;
    }
    [order, nextOrder] = [nextOrder, order];
    [hi, nextHi] = [nextHi, hi];
    [lo, nextLo] = [nextLo, lo];
  }
  return order;
}

function labelsOf(sets: DisjointSets, n: number): Uint32Array {
  const smallest = new Uint32Array(n).fill(0xffffffff);
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    if (i < smallest[root]!) smallest[root] = i;
  }
  const labels = new Uint32Array(n);
  for (let i = 0; i < n; i++) labels[i] = smallest[sets.find(i)]!;
  return labels;
}
