/**
 * The candidate pairs of a setting by how their births were recorded (two dates, a date and an
 * estimated age, two estimated ages, ...) and the years between their birth intervals: how many are
 * one person's, and how many of those the engine linked.
 * `npx tsx bench/linkage/birth-kinds.ts [setting] [persons] [seed]`
 */
import { birthDistance } from '../../src/server/linkage-engine/comparisons.js';
import { linkPersons, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import type { Prepared } from '../../src/server/linkage-engine/record.js';
import { hardPopulation } from './hard.js';

const setting = process.argv[2] ?? 'hard';
const persons = Number(process.argv[3] ?? 10_000);
const seed = Number(process.argv[4] ?? 11);
const data = hardPopulation(persons, setting, seed);
const result = linkPersons(data.records);
const { records } = preparePersons(data.records);
const linked = new Set(result.matches.map((p) => p.left * 2 ** 21 + p.right));
const kind = (r: Prepared) =>
  r.dob !== null ? 'date' : r.estimated ? 'estimate' : r.birthMid !== null ? 'year' : 'none';
const rows = new Map<string, { all: number; same: number; linked: number; falseLinked: number }>();
for (let k = 0; k < result.candidates; k++) {
  const a = records[result.left[k]!]!;
  const b = records[result.right[k]!]!;
  const kinds = [kind(a), kind(b)].sort().join('+');
  if (kinds.includes('none') || kinds === 'date+date') continue;
  const d = Math.min(10, Math.floor(birthDistance(a, b)));
  const key = `${kinds} ${String(d).padStart(2)}`;
  const row = rows.get(key) ?? { all: 0, same: 0, linked: 0, falseLinked: 0 };
  const same = data.entities[result.left[k]!] === data.entities[result.right[k]!];
  const isLinked = linked.has(result.left[k]! * 2 ** 21 + result.right[k]!);
  row.all++;
  if (same) row.same++;
  if (same && isLinked) row.linked++;
  if (!same && isLinked) row.falseLinked++;
  rows.set(key, row);
}
console.log(
  `${setting} ${persons} persons seed ${seed}: ${data.records.length} records, ${result.candidates} candidates`,
);
for (const c of result.model.comparisons)
  console.log(c.name, c.levels.map((l, y) => `${l}: ${Math.log2(c.m[y]! / c.u[y]!).toFixed(2)}`).join(' · '));
console.log(`prior ${result.prior.toFixed(2)} bits, lambda ${result.model.lambda.toFixed(4)}`);
for (const [key, r] of [...rows].sort())
  console.log(
    `${key}: ${r.all} pairs, ${r.same} one person's (${((100 * r.same) / r.all).toFixed(1)} %), linked ${r.linked}, false links ${r.falseLinked}`,
  );
