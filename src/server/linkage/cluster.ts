/**
 * Clusters ("the same person") as connected components of the pairs scored at or above the match
 * threshold; pairs in the uncertain band below it are not linked but kept for human review.
 */

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
  const sets = new DisjointSets(n);
  for (let k = 0; k < probabilities.length; k++) {
    if (probabilities[k]! >= threshold) sets.union(left[k]!, right[k]!);
  }
  const smallest = new Uint32Array(n).fill(0xffffffff);
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    if (i < smallest[root]!) smallest[root] = i;
  }
  const labels = new Uint32Array(n);
  for (let i = 0; i < n; i++) labels[i] = smallest[sets.find(i)]!;
  return labels;
}
