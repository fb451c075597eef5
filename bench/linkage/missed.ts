/**
 * Which true pairs blocking misses, for a setting of the harder generator:
 * `npx tsx bench/linkage/missed.ts [setting] [persons]` prints counts by what the pair's records
 * carry (an estimated age, a nickname-like given name…) and a sample of missed pairs.
 */
import { candidatePairs, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { personRank, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';
import { missedTruePairs } from './missed-pairs.js';

const setting = process.argv[2] ?? 'hard';
const persons = Number(process.argv[3] ?? 5000);
const data = hardPopulation(persons, setting);
const { vocab, records } = preparePersons(data.records);
const c = candidatePairs(records, personBlockingRules(vocab), {
  maxBlock: 50,
  rank: personRank(vocab, records),
});
const { total, missed } = missedTruePairs(data.entities, c);
const tally = new Map<string, number>();
const count = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
for (const [i, j] of missed) {
  const a = records[i]!;
  const b = records[j]!;
  if (a.estimated || b.estimated) count('an estimated age');
  if (a.dob === null && b.dob === null) count('no full date on either');
  if (a.given[0] !== b.given[0] && a.givenCanonical[0] !== b.givenCanonical[0]) count('first given differs');
  if (!a.surnames.some((s) => b.surnames.includes(s))) count('no surname key shared');
}
console.log(
  `${setting}: ${total} true pairs, ${missed.length} missed (recall ${(1 - missed.length / total).toFixed(4)}), ${c.count} candidates`,
);
console.log(Object.fromEntries(tally));
for (const [i, j] of missed.slice(0, Number(process.argv[4] ?? 25))) {
  const show = (k: number) => {
    const r = data.records[k]!;
    return `${r.givenNames} | ${r.firstSurname ?? ''} | ${r.secondSurname ?? ''} | ${r.dateOfBirth ?? (r.estimatedAge !== null && r.estimatedAge !== undefined ? `~${r.estimatedAge}@${r.ageRecordedOn}` : (r.birthYear ?? ''))} | ${r.documentNumber ?? ''}`;
  };
  console.log(`${show(i)}\n   ${show(j)}`);
}
