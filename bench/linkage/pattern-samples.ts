/**
 * Samples of the candidate pairs of one comparison pattern: `npx tsx bench/linkage/pattern-samples.ts
 * [setting] [persons] [seed] [pattern] [true|false] [count]` links the set, and prints `count` pairs
 * whose levels (given · surnames · birth, as cluster-errors.ts names them, `|`-separated) match
 * `pattern` and that are (`true`) or are not (`false`) one person's, each with its probability.
 */
import { linkedSet } from './linked-set.js';

const { data, result, records, comparisons } = linkedSet(process.argv);
const pattern = (process.argv[5] ?? 'different|different|exact').split('|').map((x) => x.trim());
const want = (process.argv[6] ?? 'true') === 'true';
const count = Number(process.argv[7] ?? 20);
const show = (i: number) => {
  const r = data.records[i]!;
  const birth =
    r.dateOfBirth ?? (r.birthYear ? String(r.birthYear) : `~${r.estimatedAge}@${r.ageRecordedOn}`);
  return [
    r.givenNames,
    r.firstSurname ?? '',
    r.secondSurname ?? '',
    birth,
    r.documentNumber ?? '',
    r.sex ?? '',
  ].join(' | ');
};
let shown = 0;
for (let k = 0; k < result.left.length && shown < count; k++) {
  const i = result.left[k]!;
  const j = result.right[k]!;
  if ((data.entities[i] === data.entities[j]) !== want) continue;
  const levels = comparisons.slice(0, 3).map((c) => {
    const l = c.compare(records[i]!, records[j]!);
    return l < 0 ? '-' : c.levels[l]!;
  });
  if (levels.some((l, x) => pattern[x] !== '*' && l !== pattern[x])) continue;
  shown++;
  console.log(`p ${result.probabilities[k]!.toFixed(3)}\n   ${show(i)}\n   ${show(j)}`);
}
