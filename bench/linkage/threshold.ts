/**
 * The match threshold alone, on one scoring of a generated population: `npx tsx
 * bench/linkage/threshold.ts [setting] [persons] [plain|clk]` prints pair and cluster P / R / F1
 * with the cluster safeguard at several thresholds (the scores do not change, only where links start).
 */
import { randomBytes } from 'node:crypto';
import { encodeClk, linkClk, clkEvidence } from '../../src/server/linkage-engine/clk.js';
import { clusterLinks } from '../../src/server/linkage-engine/cluster.js';
import { clusterQuality, pairQuality } from '../../src/server/linkage-engine/evaluate.js';
import {
  DEFAULT_CLUSTER_OPTIONS,
  linkPersons,
  personEvidence,
  preparePersons,
} from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';
import { readFebrl } from './febrl.js';

const setting = process.argv[2] ?? 'moderate';
const persons = Number(process.argv[3] ?? 10_000);
const mode = process.argv[4] ?? 'plain';
const thresholds = (process.argv[5] ?? '0.5,0.6,0.7,0.8,0.85,0.9,0.95').split(',').map(Number);
const febrl4 = () => {
  const a = readFebrl('febrl_dataset4a.csv', 'a');
  const b = readFebrl('febrl_dataset4b.csv', 'b');
  return { records: [...a.records, ...b.records], entities: [...a.entities, ...b.entities] };
};
const data =
  setting === 'febrl4'
    ? febrl4()
    : setting === 'febrl3'
      ? readFebrl('febrl_dataset3.csv', 'a')
      : hardPopulation(persons, setting);
const linkOnly = setting === 'febrl4';
let result;
let evidence;
if (mode === 'clk') {
  const encoded = encodeClk(data.records, randomBytes(32));
  result = linkClk(encoded, { linkOnly });
  evidence = clkEvidence(encoded);
} else {
  result = linkPersons(data.records, { linkOnly });
  evidence = personEvidence(preparePersons(data.records).records);
}
const pct = (x: number) => (x * 100).toFixed(2);
console.log(`${setting} ${mode} ${data.records.length} records, ${result.candidates} candidates`);
for (const threshold of thresholds) {
  const { labels, decision } = clusterLinks(
    data.records.length,
    result.left,
    result.right,
    result.probabilities,
    threshold,
    evidence,
    DEFAULT_CLUSTER_OPTIONS,
  );
  const linked = [];
  for (let k = 0; k < decision.length; k++) if (decision[k] === 1) linked.push(k);
  const pairs = pairQuality(
    linked.map((k) => ({ left: result.left[k]!, right: result.right[k]! })),
    data.entities,
  );
  const q = clusterQuality(labels, data.entities);
  console.log(
    `threshold ${threshold}: pairs ${pct(pairs.precision)} / ${pct(pairs.recall)} / ${pct(pairs.f1)}, clusters ${pct(q.precision)} / ${pct(q.recall)} / ${pct(q.f1)}`,
  );
}
