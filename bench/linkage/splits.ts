/**
 * Sub-cases of comparison levels among the candidate pairs, one person's against two persons',
 * with how many of each are linked: `npx tsx bench/linkage/splits.ts [setting] [persons] [seed]`.
 * A sub-case whose share of one person's pairs differs much from its level's is a candidate for a
 * level of its own (EM then weighs it without labels).
 */
import { anyShared, isSubset } from '../../src/server/linkage-engine/comparisons.js';
import type { Prepared } from '../../src/server/linkage-engine/record.js';
import { linkedSet } from './linked-set.js';

const { setting, seed, data, result, records, comparisons } = linkedSet(process.argv);
const linked = new Set(result.matches.map((p) => `${p.left},${p.right}`));
type Row = { same: number; two: number; sameLinked: number; twoLinked: number };
const table = new Map<string, Row>();
const add = (key: string, one: boolean, isLinked: boolean) => {
  const row = table.get(key) ?? { same: 0, two: 0, sameLinked: 0, twoLinked: 0 };
  if (one) {
    row.same++;
    if (isLinked) row.sameLinked++;
  } else {
    row.two++;
    if (isLinked) row.twoLinked++;
  }
  table.set(key, row);
};
const level = (x: number, a: Prepared, b: Prepared) => comparisons[x]!.compare(a, b);
for (let k = 0; k < result.candidates; k++) {
  const i = result.left[k]!;
  const j = result.right[k]!;
  const a = records[i]!;
  const b = records[j]!;
  const one = data.entities[a.index] === data.entities[b.index];
  const isLinked = linked.has(`${i},${j}`) || linked.has(`${j},${i}`);
  // By the levels' names (the numbering changes when a level is added).
  const g = comparisons[0]!.levels[level(0, a, b)] ?? 'missing';
  const s = comparisons[1]!.levels[level(1, a, b)] ?? 'missing';
  const birth = level(2, a, b);
  const words = (x: readonly number[], y: readonly number[]) =>
    `${Math.min(x.length, y.length)}/${Math.max(x.length, y.length)}`;
  if (g === 'nickname') {
    const direct =
      anyShared(a.givenForms, b.given) || anyShared(b.givenForms, a.given)
        ? 'resolves to the other'
        : 'aliases only';
    add(`given nickname: ${direct}`, one, isLinked);
    add(
      `given nickname: ${anyShared(a.given, b.given) ? 'a written name shared' : 'no written name shared'}`,
      one,
      isLinked,
    );
  }
  if (g === 'exact' || g === 'phonetic')
    add(`given ${g}: words ${Math.min(a.given.length, b.given.length)}`, one, isLinked);
  if (g === 'first or subset') {
    const sub = isSubset(a.given, b.given) || isSubset(b.given, a.given);
    add(
      `given first/subset: ${sub ? 'subset' : 'same first, second differs'} ${a.given[0] === b.given[0] ? 'first same' : 'first differs'}`,
      one,
      isLinked,
    );
  }
  if (s === 'same (any order)' || s === 'the same, one surname each')
    add(`surnames ${s}: words ${words(a.surnames, b.surnames)}`, one, isLinked);
  if (s === 'one missing' || s === 'one missing, the first kept') {
    const sub = isSubset(a.surnames, b.surnames) || isSubset(b.surnames, a.surnames);
    add(`surnames ${s}: ${sub ? 'subset' : 'both two, other similar/married'}`, one, isLinked);
  }
  if (birth === 0) {
    const kind =
      a.dob !== null && b.dob !== null
        ? 'two dates'
        : a.estimated || b.estimated
          ? 'estimate far'
          : 'years far';
    add(`birth different: ${kind}`, one, isLinked);
  }
  if (birth >= 1 && birth <= 3) {
    const kind = a.estimated && b.estimated ? 'both estimated' : 'one estimated';
    add(`birth ${comparisons[2]!.levels[birth]}: ${kind}`, one, isLinked);
  }
  if (s === 'similar') add(`surnames similar: words ${words(a.surnames, b.surnames)}`, one, isLinked);
  if (birth === 5 || birth === 6) {
    const kind =
      a.dob !== null && b.dob !== null
        ? a.dob.slice(0, 4) === b.dob.slice(0, 4) &&
          a.dob.slice(4) === b.dob.slice(6) + b.dob.slice(4, 6) &&
          a.dob !== b.dob
          ? 'swapped'
          : 'typo'
        : a.dob !== null || b.dob !== null
          ? 'date and year'
          : 'two years';
    add(`birth ${comparisons[2]!.levels[birth]}: ${kind}`, one, isLinked);
  }
  if (g === 'similar')
    add(
      `given similar: first words ${a.givenWords[0] === b.givenWords[0] ? 'same' : 'differ'}`,
      one,
      isLinked,
    );
  if (g === 'different') add(`given different: surnames ${s}`, one, isLinked);
  const doc = level(5, a, b);
  add(`document ${doc < 0 ? 'missing/other kind' : comparisons[5]!.levels[doc]}`, one, isLinked);
  const sex = level(3, a, b);
  if (g === 'exact' || g === 'phonetic')
    add(
      `given exact/phonetic & sex ${sex < 0 ? 'missing' : sex === 1 ? 'same' : 'different'}`,
      one,
      isLinked,
    );
}
console.log(`${setting} seed ${seed}: ${result.candidates} candidates`);
for (const [key, r] of [...table].sort((x, y) => x[0].localeCompare(y[0])))
  console.log(
    `${key}: one ${r.same} (linked ${r.sameLinked}) · two ${r.two} (linked ${r.twoLinked}) · share ${(r.same / (r.same + r.two)).toFixed(3)}`,
  );
