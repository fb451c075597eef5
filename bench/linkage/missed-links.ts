/**
 * Which true pairs blocking found but the model did not link, for a setting of the harder
 * generator: `npx tsx bench/linkage/missed-links.ts [setting] [persons] [samples]` prints the
 * comparison levels of the unlinked true pairs (most common first) beside how many pairs of
 * different persons among the candidates share those levels, the weight of each level, and the
 * true pairs the cluster safeguard refused.
 */
import { personComparisons } from '../../src/server/linkage-engine/comparisons.js';
import { linkPersons, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';

const setting = process.argv[2] ?? 'moderate';
const persons = Number(process.argv[3] ?? 10_000);
const data = hardPopulation(persons, setting);
const result = linkPersons(
  data.records,
  process.argv.includes('--match-count-em') ? { matchCount: 'em' } : {},
);
const { vocab, records } = preparePersons(data.records);
const comparisons = personComparisons(vocab, records);
const linked = new Set(result.matches.map((p) => `${p.left},${p.right}`));
const levelsOf = (i: number, j: number) =>
  comparisons
    .map((c) => {
      const l = c.compare(records[i]!, records[j]!);
      return l < 0 ? null : `${c.name}=${c.levels[l]}`;
    })
    .filter((x) => x !== null)
    .join(', ');
const missed = new Map<string, number>();
const apart = new Map<string, number>();
const probability = new Map<string, number>();
let unlinked = 0;
for (let k = 0; k < result.candidates; k++) {
  const i = result.left[k]!;
  const j = result.right[k]!;
  const same = data.entities[i] === data.entities[j];
  if (same && linked.has(`${i},${j}`)) continue;
  const levels = levelsOf(i, j);
  if (same) {
    unlinked++;
    missed.set(levels, (missed.get(levels) ?? 0) + 1);
    probability.set(levels, result.probabilities[k]!);
  } else apart.set(levels, (apart.get(levels) ?? 0) + 1);
}
console.log(
  `${setting}: ${result.candidates} candidates, ${unlinked} true pairs not linked, ${result.refused} refused`,
);
console.log('lambda', result.model.lambda, 'prior (log2 odds)', result.prior.toFixed(2));
for (const c of result.model.comparisons)
  console.log(c.name, c.levels.map((l, y) => `${l}: ${Math.log2(c.m[y]! / c.u[y]!).toFixed(1)}`).join(' · '));
for (const [levels, n] of [...missed].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[4] ?? 30)))
  console.log(n, `(${apart.get(levels) ?? 0} different)`, `p=${probability.get(levels)!.toFixed(3)}`, levels);
// True pairs the safeguard refused (scored at or above the threshold, not linked), with the other
// registrations of the same person: the values that made the two clusters conflict.
const show = (k: number) => {
  const r = data.records[k]!;
  return `${r.givenNames} | ${r.firstSurname ?? ''} | ${r.secondSurname ?? ''} | ${r.dateOfBirth ?? (r.estimatedAge !== null && r.estimatedAge !== undefined ? `~${r.estimatedAge}@${r.ageRecordedOn}` : (r.birthYear ?? ''))} | ${r.documentNumber ?? ''}`;
};
const refusedTrue = result.review.filter(
  (p) => p.probability >= 0.9 && data.entities[p.left] === data.entities[p.right],
);
console.log(`${refusedTrue.length} true pairs refused by the safeguard; samples:`);
for (const p of refusedTrue.slice(0, Number(process.argv[5] ?? 8))) {
  console.log(`${show(p.left)}  ×  ${show(p.right)}`);
  data.entities.forEach((e, k) => {
    if (e === data.entities[p.left] && k !== p.left && k !== p.right) console.log(`     ${show(k)}`);
  });
}
