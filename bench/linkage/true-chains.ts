/**
 * Shared by the blocking-recall diagnostics (reach.ts, lonely.ts, recall-cost.ts): the first
 * `size` registrations of a generated setting, prepared as the batch prepares them, and the chains
 * of true candidates — the records of every candidate pair of one person joined — through which
 * the clusters can still hold a true pair blocking missed.
 */
import { personRank, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';

/** `size` registrations of `setting` (about 2.2 per person), prepared, with their entities and rank. */
export function registrations(setting: string, size: number, seed: number) {
  const all = hardPopulation(Math.ceil(size / 2.2) + 10, setting, seed);
  const { vocab, records } = preparePersons(all.records.slice(0, size));
  return {
    raw: all.records.slice(0, size),
    vocab,
    records,
    entities: all.entities.slice(0, size),
    rank: personRank(vocab, records),
  };
}

/** The records joined by chains of true candidates: `find(i) === find(j)` when a chain joins them. */
export function trueChains(
  entities: readonly string[],
  c: { left: ArrayLike<number>; right: ArrayLike<number>; count: number },
): (x: number) => number {
  const parent = Int32Array.from(entities, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let k = 0; k < c.count; k++) {
    const a = c.left[k]!;
    const b = c.right[k]!;
    if (entities[a] === entities[b]) parent[find(a)] = find(b);
  }
  return find;
}
