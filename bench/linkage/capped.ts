/**
 * Which missed true pairs a rule's keys do reach, but whose block the caps passed over:
 * `npx tsx bench/linkage/capped.ts [setting] [records] [seed]` blocks `records` registrations as the
 * batch does, then, for every true pair blocking missed, finds the rules under which the two records
 * share a key (a bipartite rule: one record on each side) and the size of that block. What it prints
 * per rule: the missed pairs it reaches and how large their smallest shared block was (all against
 * all: records; bipartite: side 0 × side 1 pairs) — the pairs lost to the over-common blocks, and
 * the rules whose keys would need a rarer second component to keep them at scale.
 */
import { candidatePairs, keysOf, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { personRank, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';
import { missedTruePairs } from './missed-pairs.js';

const setting = process.argv[2] ?? 'moderate';
const size = Number(process.argv[3] ?? 100_000);
const seed = Number(process.argv[4] ?? 11);
const all = hardPopulation(Math.ceil(size / 2.2) + 10, setting, seed);
const { vocab, records } = preparePersons(all.records.slice(0, size));
const entities = all.entities.slice(0, size);
const rules = personBlockingRules(vocab);
const c = candidatePairs(records, rules, { rank: personRank(vocab, records) });
const { total, missed } = missedTruePairs(entities, c);
console.log(
  `${setting} seed ${seed}, ${records.length} records: ${c.count} candidates (${(c.count / records.length).toFixed(2)} per record), ` +
    `recall ${((100 * (total - missed.length)) / total).toFixed(2)} % (${missed.length} of ${total} missed)`,
);
const involved = new Set<number>();
for (const [i, j] of missed) {
  involved.add(i);
  involved.add(j);
}
const reachedBy = new Map<string, number[]>();
let reached = 0;
const reachedPair = new Set<number>();
for (const rule of rules) {
  const keysByRecord = new Map<number, readonly number[]>();
  for (const i of involved) keysByRecord.set(i, keysOf(rule, records[i]!));
  // The keys that matter: the shared ones of some missed pair.
  const shared: { pair: number; keys: number[] }[] = [];
  missed.forEach(([i, j], p) => {
    const a = keysByRecord.get(i)!;
    const b = new Set(keysByRecord.get(j)!);
    const keys: number[] = [];
    for (const k of a) {
      if (rule.bipartite) {
        const other = k % 2 === 0 ? k + 1 : k - 1;
        if (b.has(other)) keys.push(k % 2 === 0 ? k : other);
      } else if (b.has(k)) keys.push(k);
    }
    if (keys.length > 0) shared.push({ pair: p, keys });
  });
  if (shared.length === 0) continue;
  const wanted = new Set<number>();
  for (const s of shared)
    for (const k of s.keys) {
      wanted.add(k);
      if (rule.bipartite) wanted.add(k + 1);
    }
  const counts = new Map<number, number>();
  for (const r of records) {
    const seen = new Set<number>();
    for (const k of keysOf(rule, r))
      if (wanted.has(k) && !seen.has(k)) {
        seen.add(k);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
  }
  const sizes = shared.map((s) => {
    let smallest = Infinity;
    for (const k of s.keys) {
      const n = rule.bipartite ? (counts.get(k) ?? 0) * (counts.get(k + 1) ?? 0) : (counts.get(k) ?? 0);
      smallest = Math.min(smallest, n);
    }
    if (!reachedPair.has(s.pair)) {
      reachedPair.add(s.pair);
      reached++;
    }
    return smallest;
  });
  reachedBy.set(rule.name, sizes);
}
const rows = [...reachedBy].map(([rule, sizes]) => {
  sizes.sort((a, b) => a - b);
  const q = (f: number) => sizes[Math.min(sizes.length - 1, Math.floor(f * sizes.length))];
  return { rule, missedReached: sizes.length, smallest: sizes[0], median: q(0.5), p90: q(0.9) };
});
console.table(rows);
console.log(
  `${reached} of ${missed.length} missed pairs share a key of some rule; ${missed.length - reached} share none`,
);
