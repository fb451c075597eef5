/**
 * The cluster step alone under several settings, on one scoring of a generated population:
 * `npx tsx bench/linkage/apart.ts [setting] [persons] [plain|clk]` prints cluster P / R / F1 with the
 * safeguard as it is and with pairs scored apart as cannot-link constraints at several thresholds.
 */
import { clusterLinks } from '../../src/server/linkage-engine/cluster.js';
import { clusterQuality, truePairCount } from '../../src/server/linkage-engine/evaluate.js';
import { hardPopulation } from './hard.js';
import { scoreOnce } from './scoring.js';

const setting = process.argv[2] ?? 'moderate';
const persons = Number(process.argv[3] ?? 45_000);
const mode = process.argv[4] ?? 'plain';
const data = hardPopulation(persons, setting);
const start = performance.now();
const { result, evidence } = scoreOnce(data.records, mode);
console.log(
  `${setting} ${mode} ${data.records.length} records, scored in ${Math.round(performance.now() - start)} ms`,
);
const pct = (x: number) => (x * 100).toFixed(2);
console.log(
  `matches expected by the model ${Math.round(result.model.lambda * result.candidates)}, true pairs ${truePairCount(data.entities)}, prior ${result.prior.toFixed(2)} bits`,
);
for (const apartBelow of [undefined, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.05, 0.2]) {
  const t = performance.now();
  const { labels, decision } = clusterLinks(
    data.records.length,
    result.left,
    result.right,
    result.probabilities,
    0.9,
    evidence,
    { apartBelow },
  );
  const q = clusterQuality(labels, data.entities);
  let refused = 0;
  for (const d of decision) if (d === 2) refused++;
  console.log(
    `apartBelow ${apartBelow ?? '-'}: clusters ${pct(q.precision)} / ${pct(q.recall)} / ${pct(q.f1)}, refused ${refused}, ${Math.round(performance.now() - t)} ms`,
  );
}
