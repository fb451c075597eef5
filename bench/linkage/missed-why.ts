/**
 * Which true pairs blocking misses, grouped by the phenomena that separate the two records:
 * `npx tsx bench/linkage/missed-why.ts [setting] [persons] [seed] [samples per group]` blocks as the
 * batch does (default maximum block) and, for each missed true pair, names what differs — the birth
 * (an estimate several years off, a year alone, day and month swapped, another date), the given
 * names (none shared even through nicknames; a compound name cut), the surnames (none shared,
 * one dropped, swapped) and the document — then counts the combinations and shows samples of each.
 */
import { candidatePairs, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { personRank, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';
import { missedTruePairs } from './missed-pairs.js';

const setting = process.argv[2] ?? 'hard';
const persons = Number(process.argv[3] ?? 10_000);
const seed = Number(process.argv[4] ?? 11);
const samples = Number(process.argv[5] ?? 3);
const data = hardPopulation(persons, setting, seed);
const { vocab, records } = preparePersons(data.records);
const c = candidatePairs(records, personBlockingRules(vocab), { rank: personRank(vocab, records) });
const { total, missed } = missedTruePairs(data.entities, c);

const overlap = (a: readonly number[], b: readonly number[]) => a.some((x) => b.includes(x));
function birth(i: number, j: number): string {
  const a = records[i]!;
  const b = records[j]!;
  if (a.year === null || b.year === null) return 'birth missing';
  if (a.estimated || b.estimated) {
    const gap = Math.abs(a.year - b.year);
    return `estimate ${gap <= 2 ? '≤2' : gap <= 4 ? '3-4' : gap <= 8 ? '5-8' : '>8'} y`;
  }
  if (a.dob && b.dob) {
    if (a.dob === b.dob) return 'same date';
    const swapped =
      a.dob.slice(0, 4) === b.dob.slice(0, 4) &&
      a.dob.slice(4, 6) === b.dob.slice(6, 8) &&
      a.dob.slice(6, 8) === b.dob.slice(4, 6);
    if (swapped) return 'day/month swapped';
    if (a.dob.slice(4) === b.dob.slice(4)) return 'year differs';
    return a.year === b.year ? 'same year, day differs' : 'dates differ';
  }
  const gap = Math.abs(a.year - b.year);
  return gap === 0 ? 'year only, same' : `year only, ${gap} off`;
}
function given(i: number, j: number): string {
  const a = records[i]!;
  const b = records[j]!;
  if (a.given.length === 0 || b.given.length === 0) return 'given missing';
  const all = (r: typeof a) => [...r.given, ...r.givenCanonical, ...r.givenForms];
  if (a.given[0] === b.given[0]) return 'given same';
  if (overlap(all(a), all(b))) return 'given related';
  return 'given unrelated';
}
function surname(i: number, j: number): string {
  const a = records[i]!;
  const b = records[j]!;
  if (a.surnames.length === 0 || b.surnames.length === 0) return 'surname missing';
  const shared = a.surnames.filter((s) => b.surnames.includes(s)).length;
  if (shared === 0) return 'no surname shared';
  if (shared >= 2) return a.surnames[0] === b.surnames[0] ? 'surnames same' : 'surnames swapped';
  return a.surnames.length === b.surnames.length ? 'one surname differs' : 'one surname dropped';
}
function document(i: number, j: number): string {
  const a = records[i]!.document;
  const b = records[j]!.document;
  if (!a || !b) return 'doc missing';
  return a === b ? 'doc same' : 'doc differs';
}
const groups = new Map<string, [number, number][]>();
const tally = new Map<string, number>();
const count = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
for (const [i, j] of missed) {
  const parts = [birth(i, j), given(i, j), surname(i, j), document(i, j)];
  parts.forEach(count);
  const key = parts.slice(0, 3).join(' · ');
  const list = groups.get(key);
  if (list) list.push([i, j]);
  else groups.set(key, [[i, j]]);
}
console.log(
  `${setting} seed ${seed}: ${records.length} records, ${total} true pairs, ${missed.length} missed (recall ${(100 * (1 - missed.length / total)).toFixed(2)} %), ${c.count} candidates (${(c.count / records.length).toFixed(2)} per record)`,
);
console.log(
  [...tally]
    .sort((x, y) => y[1] - x[1])
    .map(([k, n]) => `${k}: ${n}`)
    .join('\n'),
);
const show = (k: number) => {
  const r = data.records[k]!;
  const b =
    r.dateOfBirth ??
    (r.estimatedAge !== null && r.estimatedAge !== undefined
      ? `~${r.estimatedAge}@${r.ageRecordedOn}`
      : (r.birthYear ?? ''));
  return `${r.givenNames} | ${r.firstSurname ?? ''} | ${r.secondSurname ?? ''} | ${b} | ${r.documentNumber ?? ''} | ${r.sex ?? ''}`;
};
for (const [key, list] of [...groups].sort((x, y) => y[1].length - x[1].length)) {
  console.log(`\n${list.length}  ${key}`);
  for (const [i, j] of list.slice(0, samples)) console.log(`   ${show(i)}\n   ${show(j)}\n`);
}
