/**
 * Records alone joining a cluster (`ClusterOptions.aloneJoinsMeanAbove`) at several averages and two
 * thresholds, on one scoring per seed: `npx tsx bench/linkage/alone-joins.ts [setting] [persons]
 * [plain|clk] [seeds, e.g. 11,23,37]` prints cluster P / R / F1 for each ("-": records alone pair
 * only with each other).
 */
import { clusterLinks } from '../../src/server/linkage-engine/cluster.js';
import { clusterQuality } from '../../src/server/linkage-engine/evaluate.js';
import { hardPopulation } from './hard.js';
import { scoreOnce } from './scoring.js';
const [setting = 'hard', persons = '16400', mode = 'plain', seeds = '11,23,37'] = process.argv.slice(2);
const pct = (x: number) => (x * 100).toFixed(2);
for (const seed of seeds.split(',').map(Number)) {
  const data = hardPopulation(Number(persons), setting, seed);
  const { result, evidence } = scoreOnce(data.records, mode);
  for (const threshold of [0.85, 0.8])
    for (const mean of [undefined, 0.5, 0.6, 0.7, 0.8]) {
      const { labels } = clusterLinks(
        data.records.length,
        result.left,
        result.right,
        result.probabilities,
        threshold,
        evidence,
        {
          groupsMeanAbove: 0.5,
          pairsAloneAbove: 0.5,
          aloneJoinsMeanAbove: mean,
        },
      );
      const q = clusterQuality(labels, data.entities);
      console.log(
        `${setting} ${mode} seed ${seed} t ${threshold} aloneJoins ${mean ?? '-'}: ${pct(q.precision)} / ${pct(q.recall)} / ${pct(q.f1)}`,
      );
    }
}
