/**
 * Where CLK mode loses against plain on the same records: `npx tsx bench/linkage/clk-gap.ts
 * [setting] [persons]` links a setting of the harder generator in both modes and tallies, for the
 * true pairs plain links (p ≥ 0.85) and CLK does not, the two modes' level vectors side by side
 * (and the reverse), so that the comparison losing information shows.
 */
import { randomBytes } from 'node:crypto';
import { clkComparisons, encodeClk, linkClk } from '../../src/server/linkage-engine/clk.js';
import { personComparisons } from '../../src/server/linkage-engine/comparisons.js';
import { linkPersons, preparePersons, type LinkageResult } from '../../src/server/linkage-engine/linkage.js';
import { hardPopulation } from './hard.js';

const setting = process.argv[2] ?? 'hard';
const persons = Number(process.argv[3] ?? 10_000);
const data = hardPopulation(persons, setting);
const plain = linkPersons(data.records);
const encoded = encodeClk(data.records, randomBytes(32));
const clk = linkClk(encoded);
const { vocab, records } = preparePersons(data.records);
const pc = personComparisons(vocab, records);
const cc = clkComparisons(encoded);
const key = (i: number, j: number) => Math.min(i, j) * 1e6 + Math.max(i, j);
const probs = (r: LinkageResult) => {
  const m = new Map<number, number>();
  for (let k = 0; k < r.candidates; k++) m.set(key(r.left[k]!, r.right[k]!), r.probabilities[k]!);
  return m;
};
const pp = probs(plain);
const cp = probs(clk);
const tally = new Map<string, number>();
const count = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
let lostInClk = 0;
let gainedInClk = 0;
const short = (levels: readonly string[], l: number) => (l < 0 ? '∅' : levels[l]!);
for (const [k, p] of pp) {
  const i = Math.floor(k / 1e6);
  const j = k % 1e6;
  if (data.entities[i] !== data.entities[j]) continue;
  const q = cp.get(k) ?? 0;
  const lost = p >= 0.85 && q < 0.85;
  const gained = p < 0.85 && q >= 0.85;
  if (!lost && !gained) continue;
  if (lost) lostInClk++;
  else gainedInClk++;
  const parts: string[] = [];
  for (let x = 0; x < pc.length; x++) {
    const a = short(pc[x]!.levels, pc[x]!.compare(records[i]!, records[j]!));
    const b = short(cc[x]!.levels, cc[x]!.compare(encoded[i]!, encoded[j]!));
    if (a !== b || x < 3) parts.push(`${pc[x]!.name}: ${a} → ${b}`);
  }
  count(`${lost ? 'lost' : 'gained'} | ${parts.join(' | ')}`);
}
console.log(`${setting}: true pairs linked in plain, not in CLK ${lostInClk}; the reverse ${gainedInClk}`);
for (const [k, n] of [...tally].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(n, k);
const show = (r: LinkageResult, label: string) => {
  console.log(`${label}: lambda ${r.model.lambda.toFixed(4)} prior ${r.prior.toFixed(2)}`);
  for (const c of r.model.comparisons)
    console.log(
      `  ${c.name}: ${c.levels.map((l, x) => `${l} ${Math.log2(c.m[x]! / c.u[x]!).toFixed(1)}`).join(', ')}`,
    );
};
show(plain, 'plain');
show(clk, 'clk');
