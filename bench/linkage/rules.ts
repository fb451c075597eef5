/**
 * What each blocking rule contributes, for a setting of the harder generator:
 * `npx tsx bench/linkage/rules.ts [setting] [persons]` prints, per rule, the pairs it proposes on its
 * own, the true pairs among them, and the true pairs no other rule finds (what dropping it costs).
 */
import { candidatePairs, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { personRank, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';
import { paraguayanPopulation } from './population.js';

const setting = process.argv[2] ?? 'moderate';
const persons = Number(process.argv[3] ?? 10_000);
const data = setting === 'paraguay' ? paraguayanPopulation(persons) : hardPopulation(persons, setting);
const { vocab, records } = preparePersons(data.records);
const rank = personRank(vocab, records);
const rules = personBlockingRules(vocab);
const span = 2 ** 21;
const truth = new Map<number, number>();
const byEntity = new Map<string, number[]>();
data.entities.forEach((e, i) => byEntity.set(e, [...(byEntity.get(e) ?? []), i]));
for (const members of byEntity.values())
  for (let x = 0; x < members.length; x++)
    for (let y = x + 1; y < members.length; y++) truth.set(members[x]! * span + members[y]!, 0);
const finders = new Map<number, number[]>();
const rows: { rule: string; pairs: number; truePairs: number; only: number }[] = [];
rules.forEach((rule, r) => {
  const c = candidatePairs(records, [rule], { maxBlock: 50, rank });
  let truePairs = 0;
  for (let k = 0; k < c.count; k++) {
    const code = c.left[k]! * span + c.right[k]!;
    if (!truth.has(code)) continue;
    truePairs++;
    const list = finders.get(code);
    if (list) list.push(r);
    else finders.set(code, [r]);
  }
  rows.push({ rule: rule.name, pairs: c.count, truePairs, only: 0 });
});
for (const list of finders.values()) if (list.length === 1) rows[list[0]!]!.only++;
const all = candidatePairs(records, rules, { maxBlock: 50, rank });
console.log(
  `${setting}, ${records.length} records: ${truth.size} true pairs, ${finders.size} found (recall ${(finders.size / truth.size).toFixed(4)}), ${all.count} candidates (${(all.count / records.length).toFixed(2)} per record)`,
);
console.table(rows);
// `--only RULE [samples]`: the true pairs only RULE finds, as written.
const onlyAt = process.argv.indexOf('--only');
if (onlyAt > 0) {
  const r = rules.findIndex((rule) => rule.name === process.argv[onlyAt + 1]);
  const samples = Number(process.argv[onlyAt + 2] ?? 30);
  const show = (k: number) => {
    const p = data.records[k]!;
    const birth =
      p.dateOfBirth ??
      (p.estimatedAge !== null && p.estimatedAge !== undefined
        ? `~${p.estimatedAge}@${p.ageRecordedOn}`
        : String(p.birthYear ?? ''));
    return `${p.givenNames} | ${p.firstSurname ?? ''} | ${p.secondSurname ?? ''} | ${birth} | ${p.documentNumber ?? ''}`;
  };
  let shown = 0;
  for (const [code, list] of finders)
    if (list.length === 1 && list[0] === r && shown++ < samples)
      console.log(`${show(Math.floor(code / span))}\n   ${show(code % span)}`);
}
