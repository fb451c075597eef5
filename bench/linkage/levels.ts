/**
 * Whether EM's m is the m of the labels, per comparison level, for a setting of the harder
 * generator: `npx tsx bench/linkage/levels.ts [setting] [persons] [seed]` prints, per level, EM's m
 * and u and its weight beside the share of the true pairs among the candidates at that level
 * (labelled m) and the weight it would give with EM's u, and the distance in years between the birth
 * intervals of candidate pairs with an estimated age, for one person's pairs and for two persons'.
 */
import { birthDistance } from '../../src/server/linkage-engine/comparisons.js';
import { linkedSet } from './linked-set.js';

const { setting, data, result, records, comparisons } = linkedSet(process.argv);
const counts = comparisons.map((c) => c.levels.map(() => ({ same: 0, different: 0 })));
const distance = new Map<number, { same: number; different: number }>();
let same = 0;
for (let k = 0; k < result.candidates; k++) {
  const a = records[result.left[k]!]!;
  const b = records[result.right[k]!]!;
  const one = data.entities[a.index] === data.entities[b.index];
  if (one) same++;
  comparisons.forEach((c, x) => {
    const level = c.compare(a, b);
    if (level >= 0) counts[x]![level]![one ? 'same' : 'different']++;
  });
  if ((a.estimated || b.estimated) && a.birthMid !== null && b.birthMid !== null) {
    const d = Math.min(12, Math.ceil(birthDistance(a, b)));
    const row = distance.get(d) ?? { same: 0, different: 0 };
    row[one ? 'same' : 'different']++;
    distance.set(d, row);
  }
}
console.log(`${setting}: ${result.candidates} candidates, ${same} of one person`);
result.model.comparisons.forEach((c, x) => {
  const total = counts[x]!.reduce((s, l) => s + l.same, 0);
  console.log(c.name);
  c.levels.forEach((label, y) => {
    const labelled = counts[x]![y]!.same / Math.max(1, total);
    console.log(
      `  ${label}: EM m ${c.m[y]!.toFixed(4)} u ${c.u[y]!.toExponential(2)} weight ${Math.log2(c.m[y]! / c.u[y]!).toFixed(2)} · labelled m ${labelled.toFixed(4)} weight ${Math.log2(labelled / c.u[y]!).toFixed(2)} · candidates ${counts[x]![y]!.same} one person, ${counts[x]![y]!.different} two`,
    );
  });
});
console.log('years between birth intervals, a side estimated (ceil, 12 = 12 or more): one person / two');
for (const d of [...distance.keys()].sort((a, b) => a - b))
  console.log(`  ${d}: ${distance.get(d)!.same} / ${distance.get(d)!.different}`);
