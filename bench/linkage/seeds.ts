/**
 * One setting over several draws: `npx tsx bench/linkage/seeds.ts [setting] [persons] [plain|clk]
 * [seeds, e.g. 11,23,37] [thresholds, e.g. 0.8,0.85]` links each seed's population once (one process,
 * one after the other) and prints blocking recall, pairs and clusters P / R / F1 at each threshold
 * (the engine's default threshold first), clustered as the engine does (safeguard and
 * `DEFAULT_CLUSTER_OPTIONS`), and the mean and the lowest cluster F1
 * over the seeds: a change should hold on every draw, not on one.
 */
import { blockingRecall } from '../../src/server/linkage-engine/evaluate.js';
import { DEFAULT_THRESHOLDS } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';
import { qualityAt, scoreOnce } from './scoring.js';

const setting = process.argv[2] ?? 'hard';
const persons = Number(process.argv[3] ?? 10_000);
const mode = process.argv[4] ?? 'plain';
const seeds = (process.argv[5] ?? '11,23,37').split(',').map(Number);
const thresholds = [
  DEFAULT_THRESHOLDS.match,
  ...(process.argv[6] ?? '').split(',').filter(Boolean).map(Number),
].filter((t, i, all) => all.indexOf(t) === i);
const pct = (x: number) => (x * 100).toFixed(2);
const f1s = new Map<number, number[]>(thresholds.map((t) => [t, []]));
for (const seed of seeds) {
  const data = hardPopulation(persons, setting, seed);
  const cpu = process.cpuUsage();
  const { result, evidence } = scoreOnce(data.records, mode);
  const used = process.cpuUsage(cpu);
  const recall = blockingRecall(result.left, result.right, result.candidates, data.entities);
  console.log(
    `${setting} ${mode} seed ${seed}: ${data.records.length} records, ${result.candidates} candidates, blocking recall ${pct(recall)}, CPU ${((used.user + used.system) / 1e6).toFixed(1)} s`,
  );
  for (const threshold of thresholds) {
    const { pairs, clusters: q } = qualityAt(result, evidence, data.entities, threshold);
    f1s.get(threshold)!.push(q.f1);
    console.log(
      `  threshold ${threshold}: pairs ${pct(pairs.precision)} / ${pct(pairs.recall)} / ${pct(pairs.f1)}, clusters ${pct(q.precision)} / ${pct(q.recall)} / ${pct(q.f1)}`,
    );
  }
}
for (const [threshold, values] of f1s)
  console.log(
    `threshold ${threshold}: clusters F1 mean ${pct(values.reduce((a, b) => a + b, 0) / values.length)}, lowest ${pct(Math.min(...values))}`,
  );
