/**
 * The comparisons alone: `npx tsx bench/linkage/compare-speed.ts [setting] [registrations]` prepares
 * a population of the harder generator's setting, finds its candidate pairs on this thread, then
 * compares them (and a training session's worth of pairs again) and prints the CPU per pair and a
 * hash of the vectors (the same before and after a change that is only about speed). `npx tsx
 * bench/linkage/compare-speed.ts moderate 200000 3 columns` compares over typed columns (columns.ts).
 */
import { createHash } from 'node:crypto';
import {
  candidatePairs,
  DEFAULT_MAX_BLOCK,
  personBlockingRules,
} from '../../src/server/linkage-engine/blocking.js';
import { personComparisons, personTermTables } from '../../src/server/linkage-engine/comparisons.js';
import { personRank, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { comparePairs } from '../../src/server/linkage-engine/model.js';
import { personColumnComparer, personColumns } from '../../src/server/linkage-engine/columns.js';
import { hardPopulation } from './hard.js';

const setting = process.argv[2] ?? 'moderate';
const size = Number(process.argv[3] ?? 200_000);
const rounds = Number(process.argv[4] ?? 3);
const persons = hardPopulation(Math.ceil(size / 2.2) + 10, setting).records.slice(0, size);
const { vocab, records } = preparePersons(persons);
const candidates = candidatePairs(records, personBlockingRules(vocab), {
  maxBlock: DEFAULT_MAX_BLOCK,
  window: 8,
  rank: personRank(vocab, records),
});
const comparisons = personComparisons(vocab, records);
// `columns` (4th argument): the batch's comparisons over typed columns (columns.ts), else over the
// prepared objects; the hash is the same.
const columns = process.argv[5] === 'columns';
const columnStart = process.cpuUsage();
const comparer = columns
  ? personColumnComparer(vocab, personColumns(records), personTermTables(records))
  : undefined;
const columnMs = process.cpuUsage(columnStart);
if (comparer) console.log(`columns built in ${((columnMs.user + columnMs.system) / 1000).toFixed(0)} ms CPU`);
const times: number[] = [];
let digest = '';
for (let round = 0; round < rounds; round++) {
  const cpu = process.cpuUsage();
  const { vectors, tf } = comparer
    ? comparer.compare(candidates.left, candidates.right, candidates.count)
    : comparePairs(records, comparisons, candidates.left, candidates.right, candidates.count);
  const used = process.cpuUsage(cpu);
  times.push(((used.user + used.system) * 1000) / candidates.count);
  digest = createHash('sha256').update(vectors).update(new Uint8Array(tf.buffer)).digest('hex').slice(0, 16);
}
console.log(
  `${setting} ${size} ${columns ? 'columns' : 'objects'}: ${candidates.count} pairs, ns per pair ${times.map((t) => t.toFixed(0)).join(' / ')}, vectors ${digest}`,
);
