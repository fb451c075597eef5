/**
 * Whether the model's probabilities mean what they say, for a setting of the harder generator:
 * `npx tsx bench/linkage/calibration.ts [setting] [persons] [seed] [--match-count-em]` prints the number
 * of matches the prior was taken from beside the true number of matching pairs, and, per band of
 * probability, the candidate pairs in it and the share of them that are one person's.
 */
import { linkPersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';

const setting = process.argv[2] ?? 'moderate';
// `[seed]` after the persons: another draw of the setting (11 by default).
const seed = /^\d+$/.test(process.argv[4] ?? '') ? Number(process.argv[4]) : 11;
const data = hardPopulation(Number(process.argv[3] ?? 10_000), setting, seed);
const result = linkPersons(
  data.records,
  process.argv.includes('--match-count-em') ? { matchCount: 'em' } : {},
);
const sizes = new Map<string, number>();
for (const e of data.entities) sizes.set(e, (sizes.get(e) ?? 0) + 1);
let truePairs = 0;
for (const k of sizes.values()) truePairs += (k * (k - 1)) / 2;
const bands = Array.from({ length: 10 }, () => ({ pairs: 0, same: 0, sum: 0 }));
let found = 0;
for (let k = 0; k < result.candidates; k++) {
  const same = data.entities[result.left[k]!] === data.entities[result.right[k]!];
  const p = result.probabilities[k]!;
  const band = bands[Math.min(9, Math.floor(p * 10))]!;
  band.pairs++;
  band.sum += p;
  if (same) {
    band.same++;
    found++;
  }
}
console.log(
  `${setting}: ${data.records.length} records, matches of the prior ${Math.round(result.model.lambda * result.candidates)}, true pairs ${truePairs} (${found} among the candidates), prior ${result.prior.toFixed(2)} bits`,
);
bands.forEach((b, i) =>
  console.log(
    `p ${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}: ${b.pairs} pairs, one person's ${(b.same / Math.max(1, b.pairs)).toFixed(3)}, mean p ${(b.sum / Math.max(1, b.pairs)).toFixed(3)}`,
  ),
);
