/**
 * The block phase's mechanics alone, on synthetic keys: `npx tsx bench/linkage/block-build.ts
 * [rounds]` builds one rule's blocks (`blocksOf`) from 1,000,000 records × 12 keys drawn from 4 M
 * keys over 52 bits, without and with the entries (a budgeted rule's), and merges two threads'
 * bucketed pairs (`mergeBuckets`, about 17 M pairs of 1,000,000 records), printing the CPU ms of
 * each round and a hash of what it built (the same before and after a change that is only about
 * speed). Run it on two checkouts, alternating, to compare them.
 */
import {
  blocksOf,
  mergeBuckets,
  Workspace,
  type BlockingRule,
  type BucketedPairs,
} from '../../src/server/linkage-engine/blocking.js';
import { xorshift32 } from './xorshift.js';

const rounds = Number(process.argv[2] ?? 4);
const n = 1_000_000;
const perRecord = 12;
const random = xorshift32();
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};
const mixIn = (h: number, x: number) => (Math.imul(h, 31) + x) >>> 0;

const pool = Float64Array.from(
  { length: 4_000_000 },
  () => (random() % 1_048_576) * 4_294_967_296 + random(),
);
const keys = Float64Array.from({ length: n * perRecord }, () => pool[random() % pool.length]!);
const records = Array.from({ length: n }, (_, i) => ({ i }));
const rule: BlockingRule<{ i: number }> = {
  name: 'drawn',
  keys: (r, out) => {
    for (let k = 0; k < perRecord; k++) out.add(keys[r.i * perRecord + k]!);
  },
};
const space = new Workspace(n * 16);

// Two threads' pairs as `bucketPairs` leaves them: each record's partners (larger record · 32 +
// rule) sorted, each once, a record's partners within 200 records of it.
const part = (rule0: number): BucketedPairs => {
  const starts = new Uint32Array(n + 1);
  const list: number[] = [];
  for (let i = 0; i < n; i++) {
    starts[i] = list.length;
    const partners = new Set<number>();
    for (let x = random() % 19; x > 0; x--) {
      const j = i + 1 + (random() % 200);
      if (j < n) partners.add(j);
    }
    for (const j of [...partners].sort((p, q) => p - q)) list.push(j * 32 + rule0 + (random() % 3));
  }
  starts[n] = list.length;
  return { starts, partners: Uint32Array.from(list), skippedBlocks: 0 };
};
const parts = [part(0), part(10)];
const names = Array.from({ length: 25 }, (_, r) => `rule${r}`);

for (let round = 0; round < rounds; round++) {
  const withEntries = round % 2 === 1;
  let since = process.cpuUsage();
  const t = blocksOf(records, rule, withEntries, space);
  const blocksMs = cpuMs(since);
  let blocksHash = 0;
  for (let b = 0; b < t.blocks; b++)
    blocksHash = mixIn(blocksHash, t.blockStart[b]! ^ t.low[b]! ^ t.high[b]!);
  for (let x = 0; x < t.blockStart[t.blocks]!; x++) blocksHash = mixIn(blocksHash, t.members[x]!);
  since = process.cpuUsage();
  const c = mergeBuckets(n, parts, names);
  const mergeMs = cpuMs(since);
  let pairsHash = 0;
  for (let k = 0; k < c.count; k++) pairsHash = mixIn(pairsHash, c.left[k]! * 7 + c.right[k]!);
  console.log(
    JSON.stringify({
      round,
      withEntries,
      blocksOfCpuMs: blocksMs,
      blocks: t.blocks,
      blocksHash,
      mergeCpuMs: mergeMs,
      pairs: c.count,
      pairsHash,
      perRule: Object.values(c.perRule).join(','),
    }),
  );
}
