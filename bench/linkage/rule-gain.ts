/**
 * What each blocking rule pays for itself, as the batch blocks (default maximum block, caps and
 * budgets): `npx tsx bench/linkage/rule-gain.ts [setting] [persons] [seed] [rule,rule…]` blocks with
 * every rule, then once without each rule (or only the rules named), and prints the candidate pairs
 * and the true pairs that dropping it loses — the rule's added recall against its added pairs, after
 * the other rules (unlike rules.ts, which counts each rule alone with a larger maximum block).
 */
import { candidatePairs, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { personRank, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';
import { missedTruePairs } from './missed-pairs.js';

const setting = process.argv[2] ?? 'moderate';
const persons = Number(process.argv[3] ?? 10_000);
const seed = Number(process.argv[4] ?? 11);
const only = process.argv[5]?.split(',');
const data = hardPopulation(persons, setting, seed);
const { vocab, records } = preparePersons(data.records);
const rank = personRank(vocab, records);
const rules = personBlockingRules(vocab);
const block = (without: string | null) => {
  const c = candidatePairs(
    records,
    rules.filter((r) => r.name !== without),
    { rank },
  );
  const { total, missed } = missedTruePairs(data.entities, c);
  return { pairs: c.count, found: total - missed.length, total };
};
const all = block(null);
console.log(
  `${setting} seed ${seed}, ${records.length} records: ${all.pairs} candidates (${(all.pairs / records.length).toFixed(2)} per record), ` +
    `recall ${((100 * all.found) / all.total).toFixed(2)} % (${all.total - all.found} of ${all.total} true pairs missed)`,
);
const rows = rules
  .filter((r) => !only || only.includes(r.name))
  .map((rule) => {
    const without = block(rule.name);
    return {
      rule: rule.name,
      addedPairs: all.pairs - without.pairs,
      addedTruePairs: all.found - without.found,
      addedRecallPoints: Math.round((10_000 * (all.found - without.found)) / all.total) / 100,
      pairsPerTruePair: Math.round((all.pairs - without.pairs) / Math.max(1, all.found - without.found)),
    };
  });
console.table(rows);
