/**
 * Robustness across the error model: `npx tsx bench/linkage/sweep.ts [base setting] [persons]
 * [plain|clk] [seed] [rates, e.g. estimatedAge,surnameDrop] [up]` links the base setting once (a
 * setting's name, or one with rates moved: `hard+documentMissing=0.8`), then each rate moved down
 * and up (`VARIANTS`; with `up`, only up) with every other rate as in the base, and prints
 * blocking recall, pairs F1 and clusters P / R / F1 for each, so a rate where the engine falls
 * sharply shows as one line. The engine is not tuned to one set of rates; this shows whether it
 * holds when an independent generator's rates differ from ours.
 */
import { blockingRecall } from '../../src/server/linkage-engine/evaluate.js';
import { DEFAULT_THRESHOLDS } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation, parseSetting, type Setting } from './hard.js';
import { qualityAt, scoreOnce } from './scoring.js';

/** The values tried for each rate, low to high (the base's own value is run once, first). */
const VARIANTS: Record<keyof Setting, number[]> = {
  estimatedAge: [0.1, 0.4],
  ageErrorSd: [1.5, 5],
  ageRoundTo5: [0.2, 1],
  birthYearOnly: [0.02, 0.2],
  dayMonthSwap: [0.01, 0.15],
  dateTypo: [0.01, 0.15],
  nickname: [0.05, 0.35],
  compoundCut: [0.1, 0.7],
  surnameDrop: [0.1, 0.45],
  noSurname: [0, 0.08],
  surnameSwap: [0.03, 0.3],
  marriedDe: [0.05, 0.4],
  phonetic: [0.03, 0.2],
  keyboardTypo: [0.02, 0.15],
  typoAtStart: [0.3, 1],
  accentsLost: [0.2, 1],
  documentMissing: [0.2, 0.8],
  documentTypo: [0.02, 0.2],
  otherDocument: [0.01, 0.15],
  nationalityDiffers: [0.02, 0.2],
  departmentDiffers: [0.05, 0.5],
  sexMissing: [0.01, 0.15],
  freeShortForm: [0, 0.2],
  secondInitial: [0, 0.3],
  fieldsSwapped: [0, 0.08],
  marriedReplaces: [0, 1],
  ageBias: [-2, 3],
  sexWrong: [0, 0.05],
  jyRespelling: [0, 0.8],
  documentPrefix: [0, 0.5],
};

const base = process.argv[2] ?? 'hard';
const persons = Number(process.argv[3] ?? 10_000);
const mode = process.argv[4] ?? 'plain';
const seed = Number(process.argv[5] ?? 11);
const only = (process.argv[6] ?? '').split(',').filter(Boolean) as (keyof Setting)[];
const upOnly = process.argv[7] === 'up';
const pct = (x: number) => (x * 100).toFixed(2);

function run(label: string, setting: Setting): void {
  const data = hardPopulation(persons, setting, seed);
  const { result, evidence } = scoreOnce(data.records, mode);
  const recall = blockingRecall(result.left, result.right, result.candidates, data.entities);
  const { pairs, clusters } = qualityAt(result, evidence, data.entities, DEFAULT_THRESHOLDS.match);
  console.log(
    `| ${label} | ${(result.candidates / data.records.length).toFixed(2)} | ${pct(recall)} | ${pct(pairs.f1)} | ${pct(clusters.precision)} / ${pct(clusters.recall)} / **${pct(clusters.f1)}** |`,
  );
}

const baseSetting = parseSetting(base);
console.log(`${base} ${mode}, ${persons} persons, seed ${seed}`);
console.log('| Rate moved | Pairs per record | Blocking recall % | Pairs F1 % | Clusters P / R / F1 % |');
console.log('|---|---|---|---|---|');
run(`${base} as documented`, baseSetting);
for (const key of only.length > 0 ? only : (Object.keys(VARIANTS) as (keyof Setting)[]))
  for (const value of upOnly ? VARIANTS[key].slice(-1) : VARIANTS[key])
    run(`${key} ${baseSetting[key] ?? 0} → ${value}`, { ...baseSetting, [key]: value });
