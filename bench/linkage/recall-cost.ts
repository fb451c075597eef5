/**
 * What more blocking recall costs: `npx tsx bench/linkage/recall-cost.ts [setting] [records] [seed]
 * [variant,variant…]` blocks `records` registrations as the batch does (the rules, caps and budgets
 * of `personBlockingRules`), then once per variant — the loose rules' caps and budgets raised, or
 * a rule added — and prints for each the candidate pairs (per record), blocking recall pair by
 * pair and through chains of true candidates (as reach.ts), and the blocking CPU seconds. The
 * variants are measurements, not engine options: a kept one goes into blocking.ts.
 */
import {
  candidatePairs,
  personBlockingRules,
  type BlockingRule,
} from '../../src/server/linkage-engine/blocking.js';
import type { Prepared } from '../../src/server/linkage-engine/record.js';
import { missedTruePairs } from './missed-pairs.js';
import { registrations, trueChains } from './true-chains.js';

const setting = process.argv[2] ?? 'hard';
const size = Number(process.argv[3] ?? 37_000);
const seed = Number(process.argv[4] ?? 11);
const wanted = process.argv[5]?.split(',');
const { vocab, records, entities, rank } = registrations(setting, size, seed);
// Every bipartite rule's cap made explicit (the default 100 of `maxBipartitePairs` otherwise bounds
// every cap), so that a variant can raise one rule's cap above it; the same blocks as the batch's.
const base = personBlockingRules(vocab).map((r) =>
  r.bipartite ? { ...r, maxPairs: Math.min(100, r.maxPairs ?? 100) } : r,
);

/** The loose rules whose blocks the caps and budgets pass over at scale (bench/README.md). */
const SEX = ['year+given+sex', 'year+surname+sex', 'year+given+sex+region', 'year+surname+sex+region'];
const GIVEN_SEX = SEX.filter((n) => n.includes('given'));
const SURNAME_SEX = SEX.filter((n) => n.includes('surname'));
const NO_SURNAME = ['no-surname+given'];
/**
 * One change of a variant: the named rules' cap (pairs per block) set to `cap`, and their budget
 * (records per record) multiplied by `times` or set to `budget` (Infinity: none).
 */
interface Change {
  rules: readonly string[];
  cap?: number;
  times?: number;
  budget?: number;
}
const variants: Record<string, Change[]> = {
  base: [],
  // The four rules with the sex: caps and budgets raised together.
  'sex-cap100': [{ rules: SEX, cap: 100 }],
  'sex-cap2000': [{ rules: SEX, cap: 2000 }],
  'sex-budget2x': [{ rules: SEX, times: 2 }],
  'sex-cap100-budget2x': [{ rules: SEX, cap: 100, times: 2 }],
  'sex-cap2000-budget2x': [{ rules: SEX, cap: 2000, times: 2 }],
  'sex-cap10000-budget2x': [{ rules: SEX, cap: 10_000, times: 2 }],
  'sex-cap400-budget4x': [{ rules: SEX, cap: 400, times: 4 }],
  'sex-cap2000-budget8x': [{ rules: SEX, cap: 2000, times: 8 }],
  'given-sex-cap2000-budget8x': [{ rules: GIVEN_SEX, cap: 2000, times: 8 }],
  'surname-sex-cap2000-budget8x': [{ rules: SURNAME_SEX, cap: 2000, times: 8 }],
  // no-surname+given has no cap of its own (the default 100) and no budget.
  'nosurname-cap400': [{ rules: NO_SURNAME, cap: 400 }],
  'nosurname-cap1000': [{ rules: NO_SURNAME, cap: 1000 }],
  'nosurname-cap1000-budget50': [{ rules: NO_SURNAME, cap: 1000, budget: 50 }],
  'nosurname-cap400-budget8': [{ rules: NO_SURNAME, cap: 400, budget: 8 }],
  'nosurname-cap2000-budget16': [{ rules: NO_SURNAME, cap: 2000, budget: 16 }],
  'given-sex-cap2000-budget4x+nosurname-cap1000': [
    { rules: GIVEN_SEX, cap: 2000, times: 4 },
    { rules: NO_SURNAME, cap: 1000 },
  ],
  'given-sex-cap2000-budget8x+nosurname-cap1000': [
    { rules: GIVEN_SEX, cap: 2000, times: 8 },
    { rules: NO_SURNAME, cap: 1000 },
  ],
  'all-cap400': [
    { rules: SEX, cap: 400, times: 4 },
    { rules: NO_SURNAME, cap: 400, budget: 8 },
  ],
  'all-cap2000': [
    { rules: SEX, cap: 2000, times: 8 },
    { rules: NO_SURNAME, cap: 2000, budget: 16 },
  ],
  'all-uncapped': [{ rules: [...SEX, ...NO_SURNAME], cap: Infinity, budget: Infinity }],
};
type Rules = BlockingRule<Prepared>[];
const apply = (rules: Rules, changes: readonly Change[]): Rules =>
  rules.map((r) => {
    let out = r;
    for (const c of changes)
      if (c.rules.includes(r.name)) {
        const budget = c.budget ?? (out.perRecord === undefined ? undefined : out.perRecord * (c.times ?? 1));
        out = {
          ...out,
          maxPairs: c.cap ?? out.maxPairs,
          perRecord: budget === Infinity ? undefined : budget,
        };
      }
    return out;
  });

const measure = (name: string, rules: Rules) => {
  const t0 = process.cpuUsage();
  const c = candidatePairs(records, rules, { rank, maxBipartitePairs: Infinity });
  const t = process.cpuUsage(t0);
  const { total, missed } = missedTruePairs(entities, c);
  const find = trueChains(entities, c);
  let chained = 0;
  for (const [i, j] of missed) if (find(i) === find(j)) chained++;
  return {
    variant: name,
    pairs: c.count,
    perRecord: +(c.count / records.length).toFixed(2),
    missed: missed.length,
    recallPct: +((100 * (total - missed.length)) / total).toFixed(2),
    chainRecallPct: +((100 * (total - missed.length + chained)) / total).toFixed(2),
    blockCpuS: +((t.user + t.system) / 1e6).toFixed(1),
  };
};

console.log(`${setting} seed ${seed}, ${records.length} records`);
const rows = [];
for (const [name, changes] of Object.entries(variants)) {
  if (wanted && !wanted.includes(name)) continue;
  rows.push(measure(name, apply(base, changes)));
  console.log(JSON.stringify(rows.at(-1)));
}
console.table(rows);
