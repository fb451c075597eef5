/**
 * Clustering options compared on one scoring per seed: `npx tsx bench/linkage/cluster-options.ts
 * [setting] [persons] [plain|clk] [seeds, e.g. 11,23] ['{"aloneJoinsMetShare":0}' …]` links each
 * seed's population once (CLK with the secret 5a…5a, as `case.ts --secret-hex`) and prints cluster
 * P / R / F1 under `DEFAULT_CLUSTER_OPTIONS` and under each JSON object of options laid over them
 * (`ClusterOptions`, cluster.ts), with the safeguard, at the default threshold.
 */
import { clusterLinks, type ClusterOptions } from '../../src/server/linkage-engine/cluster.js';
import { clusterQuality } from '../../src/server/linkage-engine/evaluate.js';
import { DEFAULT_CLUSTER_OPTIONS, DEFAULT_THRESHOLDS } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';
import { scoreOnce } from './scoring.js';

const [setting = 'hard', persons = '16400', mode = 'plain', seeds = '11,23', ...variants] =
  process.argv.slice(2);
const pct = (x: number) => (x * 100).toFixed(2);
const lowest = new Map<string, number>();
for (const seed of seeds.split(',').map(Number)) {
  const data = hardPopulation(Number(persons), setting, seed);
  const { result, evidence } = scoreOnce(data.records, mode, false, Buffer.from('5a'.repeat(32), 'hex'));
  for (const variant of ['{}', ...variants]) {
    const options: ClusterOptions = {
      ...DEFAULT_CLUSTER_OPTIONS,
      ...(JSON.parse(variant) as ClusterOptions),
    };
    const { labels } = clusterLinks(
      data.records.length,
      result.left,
      result.right,
      result.probabilities,
      DEFAULT_THRESHOLDS.match,
      evidence,
      options,
    );
    const q = clusterQuality(labels, data.entities);
    lowest.set(variant, Math.min(lowest.get(variant) ?? 1, q.f1));
    console.log(
      `${setting} ${mode} seed ${seed} ${variant}: clusters ${pct(q.precision)} / ${pct(q.recall)} / ${pct(q.f1)}`,
    );
  }
}
for (const [variant, f1] of lowest) console.log(`${variant}: lowest clusters F1 ${pct(f1)}`);
