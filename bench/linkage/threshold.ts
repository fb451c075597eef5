/**
 * The match threshold alone, on one scoring of a generated population: `npx tsx
 * bench/linkage/threshold.ts [setting] [persons] [plain|clk]` prints pair and cluster P / R / F1
 * with the cluster safeguard at several thresholds (the scores do not change, only where links start).
 */
import { hardPopulation } from './hard.js';
import { readFebrl } from './febrl.js';
import { qualityAt, scoreOnce } from './scoring.js';

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
const { result, evidence } = scoreOnce(data.records, mode, linkOnly);
const pct = (x: number) => (x * 100).toFixed(2);
console.log(`${setting} ${mode} ${data.records.length} records, ${result.candidates} candidates`);
for (const threshold of thresholds) {
  const { pairs, clusters: q } = qualityAt(result, evidence, data.entities, threshold);
  console.log(
    `threshold ${threshold}: pairs ${pct(pairs.precision)} / ${pct(pairs.recall)} / ${pct(pairs.f1)}, clusters ${pct(q.precision)} / ${pct(q.recall)} / ${pct(q.f1)}`,
  );
}
