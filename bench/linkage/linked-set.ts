/**
 * A generated set linked once, with its records prepared and compared again as the engine does:
 * what the diagnostic scripts (levels.ts, splits.ts) read. Arguments as they take them:
 * `[setting] [persons] [seed]`.
 */
import { personComparisons } from '../../src/server/linkage-engine/comparisons.js';
import { linkPersons, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';

export function linkedSet(argv: readonly string[]) {
  const setting = argv[2] ?? 'hard';
  const seed = Number(argv[4] ?? 11);
  const data = hardPopulation(Number(argv[3] ?? 10_000), setting, seed);
  const result = linkPersons(data.records);
  const { vocab, records } = preparePersons(data.records);
  return { setting, seed, data, result, records, comparisons: personComparisons(vocab, records) };
}
