/**
 * Which links join different persons, for a setting of the harder generator:
 * `npx tsx bench/linkage/false-links.ts [setting] [persons] [samples]` prints the comparison levels
 * of the false links (pairs linked, persons different), most common first, and a sample of pairs.
 */
import { personComparisons } from '../../src/server/linkage-engine/comparisons.js';
import { linkPersons, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';

const setting = process.argv[2] ?? 'moderate';
const persons = Number(process.argv[3] ?? 45_000);
const data = hardPopulation(persons, setting);
const result = linkPersons(data.records);
const { vocab, records } = preparePersons(data.records);
const comparisons = personComparisons(vocab, records);
const tally = new Map<string, number>();
const wrong = result.matches.filter((p) => data.entities[p.left] !== data.entities[p.right]);
for (const p of wrong) {
  const levels = comparisons
    .map((c) => {
      const l = c.compare(records[p.left]!, records[p.right]!);
      return l < 0 ? null : `${c.name}=${c.levels[l]}`;
    })
    .filter((x) => x !== null)
    .join(', ');
  tally.set(levels, (tally.get(levels) ?? 0) + 1);
}
console.log(`${setting}: ${result.matches.length} links, ${wrong.length} between different persons`);
for (const [levels, n] of [...tally].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(n, levels);
const show = (k: number) => {
  const r = data.records[k]!;
  return `${r.givenNames} | ${r.firstSurname ?? ''} | ${r.secondSurname ?? ''} | ${r.dateOfBirth ?? (r.estimatedAge !== null && r.estimatedAge !== undefined ? `~${r.estimatedAge}@${r.ageRecordedOn}` : (r.birthYear ?? ''))} | ${r.documentNumber ?? ''}`;
};
for (const p of wrong.slice(0, Number(process.argv[4] ?? 15)))
  console.log(`${p.probability.toFixed(3)} ${show(p.left)}\n      ${show(p.right)}`);
