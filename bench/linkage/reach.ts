/**
 * Which of the true pairs blocking misses the clusters can still hold: `npx tsx bench/linkage/reach.ts
 * [setting] [records] [seed]` blocks `records` registrations as the batch does and joins the records
 * of every candidate pair of one person (the true candidates). A missed true pair whose two records a
 * chain of true candidates joins is lost for pair-by-pair blocking recall, not for the clusters (the
 * person's other registrations link them); the others always involve a record that no true candidate
 * links to its person. Prints blocking recall pair by pair and counted through such chains.
 */
import { candidatePairs, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { missedTruePairs } from './missed-pairs.js';
import { registrations, trueChains } from './true-chains.js';

const setting = process.argv[2] ?? 'hard';
const size = Number(process.argv[3] ?? 37_000);
const seed = Number(process.argv[4] ?? 11);
const { vocab, records, entities, rank } = registrations(setting, size, seed);
const c = candidatePairs(records, personBlockingRules(vocab), { rank });
const { total, missed } = missedTruePairs(entities, c);
const find = trueChains(entities, c);
const linked = new Uint8Array(records.length);
for (let k = 0; k < c.count; k++)
  if (entities[c.left[k]!] === entities[c.right[k]!]) linked[c.left[k]!] = linked[c.right[k]!] = 1;
let chained = 0;
let alone = 0;
for (const [i, j] of missed) {
  if (find(i) === find(j)) chained++;
  else if (!linked[i] || !linked[j]) alone++;
}
const pct = (x: number) => ((100 * x) / total).toFixed(2);
console.log(
  `${setting} seed ${seed}, ${records.length} records: ${c.count} candidates (${(c.count / records.length).toFixed(2)} per record)\n` +
    `blocking recall pair by pair ${pct(total - missed.length)} % (${missed.length} of ${total} true pairs missed)\n` +
    `missed pairs a chain of true candidates joins: ${chained}; through such chains ${pct(total - missed.length + chained)} %\n` +
    `the other ${missed.length - chained}: with a record no true candidate links ${alone}`,
);
