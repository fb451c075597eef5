/**
 * Blocking alone at scale: `npx tsx bench/linkage/blocks.ts [setting] [records] [--max-block N]
 * [--window W] [--max-bipartite P] [--per-record rule=N,rule=N]` (`N` 0: no budget)
 * generates `records` registrations of the harder generator's setting, prepares and blocks them, and
 * prints the time of each step, the candidate pairs per rule and per record, and blocking recall.
 * `--hash`: also a hash of the candidate pairs and of every rule's keys for every record (the same
 * before and after a change that is only about speed).
 */
import { createHash } from 'node:crypto';
import { candidatePairs, keysOf, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { blockingRecall } from '../../src/server/linkage-engine/evaluate.js';
import { personRank, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';

const [, , setting = 'moderate', size = '200000', ...rest] = process.argv;
const flag = (key: string) => {
  const at = rest.indexOf(`--${key}`);
  return at >= 0 ? Number(rest[at + 1]) : undefined;
};
const n = Number(size);
const all = hardPopulation(Math.ceil(n / 2.2) + 10, setting);
const records0 = all.records.slice(0, n);
const entities = all.entities.slice(0, n);
let t = performance.now();
let cpu = process.cpuUsage();
/** Wall and CPU milliseconds since the last lap (the machine is shared: CPU says more). */
const lap = () => {
  const used = process.cpuUsage(cpu);
  const ms = { wall: Math.round(performance.now() - t), cpu: Math.round((used.user + used.system) / 1000) };
  t = performance.now();
  cpu = process.cpuUsage();
  return ms;
};
const { vocab, records } = preparePersons(records0);
const prepareMs = lap();
const rank = personRank(vocab, records);
// `--per-record`: each named bipartite rule's budget per record instead of its own.
const budgets = new Map(
  (rest[rest.indexOf('--per-record') + 1] ?? '')
    .split(',')
    .filter(() => rest.includes('--per-record'))
    .map((x) => [x.split('=')[0]!, Number(x.split('=')[1])] as const),
);
const rules = personBlockingRules(vocab).map((rule) =>
  budgets.has(rule.name) ? { ...rule, perRecord: budgets.get(rule.name) || undefined } : rule,
);
const c = candidatePairs(records, rules, {
  rank,
  maxBlock: flag('max-block'),
  window: flag('window'),
  maxBipartitePairs: flag('max-bipartite'),
});
const blockMs = lap();
let hashes: { pairs: string; keys: string } | undefined;
if (rest.includes('--hash')) {
  const pairs = createHash('sha256')
    .update(new Uint8Array(c.left.buffer, 0, c.count * 4))
    .update(new Uint8Array(c.right.buffer, 0, c.count * 4))
    .update(JSON.stringify(c.perRule))
    .update(String(c.skippedBlocks))
    .digest('hex')
    .slice(0, 16);
  const keys = createHash('sha256');
  for (const rule of rules)
    for (const r of records) keys.update(Float64Array.from(keysOf(rule, r))).update('|');
  hashes = { pairs, keys: keys.digest('hex').slice(0, 16) };
}
console.log(
  JSON.stringify({
    setting,
    records: n,
    prepareMs,
    blockMs,
    candidates: c.count,
    perRecord: Math.round((c.count / n) * 100) / 100,
    blockingRecall: Math.round(blockingRecall(c.left, c.right, c.count, entities) * 10_000) / 10_000,
    skippedBlocks: c.skippedBlocks,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    perRule: c.perRule,
    ...hashes,
  }),
);
