/**
 * Grouping 10 M blocking entries (1,000,000 records × 10 keys from a pool of 3 M keys), three ways:
 * `npx tsx bench/linkage/radix.ts` prints the CPU ms of each, twice. `packed`: key and record packed
 * in one double and sorted (blocking.ts before 6 Dec 2026); `radix16` / `radix11`: the key's low
 * 32 bits sorted by a stable radix sort carrying the high bits and the record (blocking.ts now).
 */
import { xorshift32 } from './xorshift.js';

const records = 1_000_000;
const perRecord = 10;
const m = records * perRecord;
const random = xorshift32();
const pool = Float64Array.from(
  { length: 3_000_000 },
  () => (random() % 1_048_576) * 4_294_967_296 + random(),
);
const keys = Float64Array.from({ length: m }, () => pool[random() % pool.length]!);
const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

function packed(): number {
  const span = 2 ** 20;
  const keySpace = 2 ** 33;
  const sorted = Float64Array.from(keys, (k, x) => (k % keySpace) * span + Math.floor(x / perRecord)).sort();
  const members = new Uint32Array(m);
  let blocks = 0;
  let previous = -1;
  for (let x = 0; x < m; x++) {
    const key = Math.floor(sorted[x]! / span);
    if (key !== previous) blocks++;
    previous = key;
    members[x] = sorted[x]! % span;
  }
  return blocks;
}

function radix(bits: number): number {
  let from = [new Uint32Array(m), new Uint32Array(m), new Uint32Array(m)] as const;
  let to = [new Uint32Array(m), new Uint32Array(m), new Uint32Array(m)] as const;
  for (let x = 0; x < m; x++) {
    from[0][x] = keys[x]! >>> 0;
    from[1][x] = Math.floor(keys[x]! / 4_294_967_296) >>> 0;
    from[2][x] = Math.floor(x / perRecord);
  }
  const mask = (1 << bits) - 1;
  const counts = new Uint32Array(mask + 2);
  for (let shift = 0; shift < 32; shift += bits) {
    counts.fill(0);
    const [low, high, record] = from;
    for (let x = 0; x < m; x++) counts[((low[x]! >>> shift) & mask) + 1]!++;
    for (let d = 1; d <= mask + 1; d++) counts[d]! += counts[d - 1]!;
    for (let x = 0; x < m; x++) {
      const at = counts[(low[x]! >>> shift) & mask]!++;
      to[0][at] = low[x]!;
      to[1][at] = high[x]!;
      to[2][at] = record[x]!;
    }
    [from, to] = [to, from];
  }
  const [low, high] = from;
  let blocks = 0;
  for (let x = 0; x < m; x++) if (x === 0 || low[x] !== low[x - 1] || high[x] !== high[x - 1]) blocks++;
  return blocks;
}

for (const round of [1, 2])
  for (const [name, run] of [
    ['packed', packed],
    ['radix16', () => radix(16)],
    ['radix11', () => radix(11)],
  ] as const) {
    const start = cpu();
    const blocks = run();
    console.log(`round ${round} ${name}: ${Math.round(cpu() - start)} ms CPU, ${blocks} blocks`);
  }
