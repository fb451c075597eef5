/**
 * Where cluster recall is lost, for a setting of the harder generator: `npx tsx
 * bench/linkage/missed-clusters.ts [setting] [persons]` counts the true pairs left in different
 * clusters, split into those blocking never proposed and those it proposed but the model or the
 * safeguard did not join, and tallies what the blocking-missed ones carry.
 */
import { candidatePairs, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { personRank } from '../../src/server/linkage-engine/blocking-rank.js';
import { linkPersons, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';

const setting = process.argv[2] ?? 'hard';
const persons = Number(process.argv[3] ?? 10_000);
const data = hardPopulation(persons, setting);
const result = linkPersons(data.records);
const { vocab, records } = preparePersons(data.records);
const c = candidatePairs(records, personBlockingRules(vocab), {
  maxBlock: 20,
  rank: personRank(vocab, records),
});
const found = new Set<string>();
for (let k = 0; k < c.count; k++)
  found.add(`${Math.min(c.left[k]!, c.right[k]!)},${Math.max(c.left[k]!, c.right[k]!)}`);
const byEntity = new Map<string, number[]>();
data.entities.forEach((e, i) => byEntity.set(e, [...(byEntity.get(e) ?? []), i]));
const tally = new Map<string, number>();
const count = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
let total = 0;
for (const members of byEntity.values())
  for (let x = 0; x < members.length; x++)
    for (let y = x + 1; y < members.length; y++) {
      total++;
      const i = members[x]!;
      const j = members[y]!;
      if (result.clusters[i] === result.clusters[j]) continue;
      const blocked = found.has(`${Math.min(i, j)},${Math.max(i, j)}`);
      count(blocked ? 'apart, blocked' : 'apart, never blocked');
      if (blocked) continue;
      const a = records[i]!;
      const b = records[j]!;
      if (a.estimated || b.estimated) count('  never blocked: an estimated age');
      if (a.surnames.length === 0 || b.surnames.length === 0) count('  never blocked: no surname on one');
      if (!a.surnames.some((s) => b.surnames.includes(s))) count('  never blocked: no surname key shared');
      if (!a.givenForms.some((g) => b.givenForms.includes(g)) && !a.given.some((g) => b.given.includes(g)))
        count('  never blocked: no given name shared');
    }
console.log(`${setting}: ${total} true pairs`);
for (const [k, n] of tally) console.log(k, n);
