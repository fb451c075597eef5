/**
 * Linkage of small files (a new installation, an institution's short list): pairs and clusters F1
 * averaged over `--seeds N` generated populations (default 10) per size and setting, plain mode.
 * `npx tsx bench/linkage/small.ts [--sizes 5,10,20,40,100] [--settings moderate,hard] [--seeds 10]`.
 * Only synthetic records (the harder generator, hard.ts).
 */
import { parseArgs } from 'node:util';
import { clusterQuality, pairQuality } from '../../src/server/linkage-engine/evaluate.js';
import { linkPersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5,10,20,40,100' },
    settings: { type: 'string', default: 'moderate,hard' },
    seeds: { type: 'string', default: '10' },
  },
});
const seeds = Number(values.seeds);
console.log('| Setting | Persons | Pairs F1 % (mean) | Clusters F1 % (mean) |');
console.log('|---|---|---|---|');
for (const setting of values.settings.split(',')) {
  for (const persons of values.sizes.split(',').map(Number)) {
    let pairs = 0;
    let clusters = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const data = hardPopulation(persons, setting, seed);
      const result = linkPersons(data.records);
      pairs += pairQuality(result.matches, data.entities).f1;
      clusters += clusterQuality(result.clusters, data.entities).f1;
    }
    const pct = (x: number) => ((100 * x) / seeds).toFixed(1);
    console.log(`| ${setting} | ${persons} | ${pct(pairs)} | ${pct(clusters)} |`);
  }
}
