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
import { personRank, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import type { Prepared } from '../../src/server/linkage-engine/record.js';
import { hardPopulation } from './hard.js';
import { missedTruePairs } from './missed-pairs.js';

const setting = process.argv[2] ?? 'hard';
const size = Number(process.argv[3] ?? 37_000);
const seed = Number(process.argv[4] ?? 11);
const wanted = process.argv[5]?.split(',');
const all = hardPopulation(Math.ceil(size / 2.2) + 10, setting, seed);
const { vocab, records } = preparePersons(all.records.slice(0, size));
const entities = all.entities.slice(0, size);
const rank = personRank(vocab, records);
// Every bipartite rule's cap made explicit (the default 100 of `maxBipartitePairs` otherwise bounds
// every cap), so that a variant can raise one rule's cap above it; the same blocks as the batch's.
const base = personBlockingRules(vocab).map((r) =>
  r.bipartite ? { ...r, maxPairs: Math.min(100, r.maxPairs ?? 100) } : r,
);

/** The loose rules whose blocks the caps and budgets pass over at scale (bench/README.md). */
const SEX_RULES = ['year+given+sex', 'year+surname+sex', 'year+given+sex+region', 'year+surname+sex+region'];
type Rules = BlockingRule<Prepared>[];
const scaled =
  (names: readonly string[], cap: (c: number) => number, budget: (b: number) => number) =>
  (rules: Rules): Rules =>
    rules.map((r) =>
      names.includes(r.name)
        ? { ...r, maxPairs: cap(r.maxPairs ?? 100), perRecord: budget(r.perRecord ?? Infinity) }
        : r,
    );

const variants: Record<string, (rules: Rules) => Rules> = {
  base: (r) => r,
  // The four rules with the sex: caps and budgets raised together.
  'sex-cap100': scaled(
    SEX_RULES,
    () => 100,
    (b) => b,
  ),
  'sex-budget2x': scaled(
    SEX_RULES,
    (c) => c,
    (b) => 2 * b,
  ),
  'sex-cap100-budget2x': scaled(
    SEX_RULES,
    () => 100,
    (b) => 2 * b,
  ),
  'sex-cap400-budget4x': scaled(
    SEX_RULES,
    () => 400,
    (b) => 4 * b,
  ),
  'sex-cap2000-budget8x': scaled(
    SEX_RULES,
    () => 2000,
    (b) => 8 * b,
  ),
  'sex-cap2000': scaled(
    SEX_RULES,
    () => 2000,
    (b) => b,
  ),
  'sex-cap2000-budget2x': scaled(
    SEX_RULES,
    () => 2000,
    (b) => 2 * b,
  ),
  'sex-cap10000-budget2x': scaled(
    SEX_RULES,
    () => 10_000,
    (b) => 2 * b,
  ),
  'given-sex-cap2000-budget8x': scaled(
    SEX_RULES.filter((n) => n.includes('given')),
    () => 2000,
    (b) => 8 * b,
  ),
  'surname-sex-cap2000-budget8x': scaled(
    SEX_RULES.filter((n) => n.includes('surname')),
    () => 2000,
    (b) => 8 * b,
  ),
  'given-sex-cap2000-budget4x+nosurname-cap1000': (r) =>
    scaled(
      ['no-surname+given'],
      () => 1000,
      () => Infinity,
    )(
      scaled(
        SEX_RULES.filter((n) => n.includes('given')),
        () => 2000,
        (b) => 4 * b,
      )(r),
    ),
  'given-sex-cap2000-budget8x+nosurname-cap1000': (r) =>
    scaled(
      ['no-surname+given'],
      () => 1000,
      () => Infinity,
    )(
      scaled(
        SEX_RULES.filter((n) => n.includes('given')),
        () => 2000,
        (b) => 8 * b,
      )(r),
    ),
  // no-surname+given has no cap of its own (the default 100) and no budget.
  'nosurname-cap400': scaled(
    ['no-surname+given'],
    () => 400,
    () => Infinity,
  ),
  'nosurname-cap1000': scaled(
    ['no-surname+given'],
    () => 1000,
    () => Infinity,
  ),
  'nosurname-cap1000-budget50': scaled(
    ['no-surname+given'],
    () => 1000,
    () => 50,
  ),
  'nosurname-cap400-budget8': scaled(
    ['no-surname+given'],
    () => 400,
    () => 8,
  ),
  'nosurname-cap2000-budget16': scaled(
    ['no-surname+given'],
    () => 2000,
    () => 16,
  ),
  'all-cap400': (r) =>
    scaled(
      ['no-surname+given'],
      () => 400,
      () => 8,
    )(
      scaled(
        SEX_RULES,
        () => 400,
        (b) => 4 * b,
      )(r),
    ),
  'all-cap2000': (r) =>
    scaled(
      ['no-surname+given'],
      () => 2000,
      () => 16,
    )(
      scaled(
        SEX_RULES,
        () => 2000,
        (b) => 8 * b,
      )(r),
    ),
  'all-uncapped': (r) =>
    scaled(
      ['no-surname+given', ...SEX_RULES],
      () => Infinity,
      () => Infinity,
    )(r),
};

const measure = (name: string, rules: Rules) => {
  const t0 = process.cpuUsage();
  const c = candidatePairs(records, rules, { rank, maxBipartitePairs: Infinity });
  const t = process.cpuUsage(t0);
  const { total, missed } = missedTruePairs(entities, c);
  const parent = Int32Array.from(records, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let k = 0; k < c.count; k++) {
    const a = c.left[k]!;
    const b = c.right[k]!;
    if (entities[a] === entities[b]) parent[find(a)] = find(b);
  }
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
for (const [name, make] of Object.entries(variants)) {
  if (wanted && !wanted.includes(name)) continue;
  rows.push(measure(name, make(base)));
  console.log(JSON.stringify(rows.at(-1)));
}
console.table(rows);
