/**
 * The records blocking leaves alone: `npx tsx bench/linkage/lonely.ts [setting] [records] [seed]`
 * blocks as the batch does and, for the missed true pairs no chain of true candidates joins (the
 * ones that cost the clusters, reach.ts), prints how many candidates the record that no true
 * candidate links has (its degree in the candidate graph) against the degrees of all records — how
 * well "few candidates" picks the records a second look should be spent on — and what those records
 * carry (an estimate, a surname, a full date).
 */
import { candidatePairs, keysOf, personBlockingRules } from '../../src/server/linkage-engine/blocking.js';
import { missedTruePairs } from './missed-pairs.js';
import { registrations, trueChains } from './true-chains.js';

const setting = process.argv[2] ?? 'hard';
const size = Number(process.argv[3] ?? 37_000);
const seed = Number(process.argv[4] ?? 11);
const { raw: registered, vocab, records, entities, rank } = registrations(setting, size, seed);
const rules = personBlockingRules(vocab);
const c = candidatePairs(records, rules, { rank });
const { total, missed } = missedTruePairs(entities, c);
const find = trueChains(entities, c);
const degree = new Int32Array(records.length);
const trueDegree = new Int32Array(records.length);
for (let k = 0; k < c.count; k++) {
  const a = c.left[k]!;
  const b = c.right[k]!;
  degree[a] = degree[a]! + 1;
  degree[b] = degree[b]! + 1;
  if (entities[a] === entities[b]) {
    trueDegree[a] = trueDegree[a]! + 1;
    trueDegree[b] = trueDegree[b]! + 1;
  }
}
// Records with another registration of their person.
const count = new Map<string, number>();
for (const e of entities) count.set(e, (count.get(e) ?? 0) + 1);
const lonely = new Set<number>();
let unchained = 0;
for (const [i, j] of missed) {
  if (find(i) === find(j)) continue;
  unchained++;
  if (trueDegree[i] === 0) lonely.add(i);
  if (trueDegree[j] === 0) lonely.add(j);
}
const bands = [0, 1, 2, 3, 5, 8, 13, 21, 1e9];
const band = (d: number) => bands.findIndex((b, x) => d <= b && (x === 0 || d > bands[x - 1]!));
const allBands = new Array(bands.length).fill(0);
const lonelyBands = new Array(bands.length).fill(0);
const withPartner = new Array(bands.length).fill(0);
for (let i = 0; i < records.length; i++) {
  allBands[band(degree[i]!)]++;
  if (count.get(entities[i]!)! > 1) withPartner[band(degree[i]!)]++;
}
for (const i of lonely) lonelyBands[band(degree[i]!)]++;
console.log(
  `${setting} seed ${seed}, ${records.length} records, ${c.count} candidates; ${missed.length} of ${total} true pairs missed, ${unchained} no chain joins; ${lonely.size} records no true candidate links (with a partner)`,
);
console.table(
  bands.map((b, x) => ({
    degreeUpTo: b,
    records: allBands[x],
    recordsWithAPartner: withPartner[x],
    lonelyRecords: lonelyBands[x],
  })),
);
let est = 0;
let noSurname = 0;
let oneSurname = 0;
let dob = 0;
for (const i of lonely) {
  const r = records[i]!;
  if (r.estimated) est++;
  if (r.surnames.length === 0) noSurname++;
  else if (r.ownSurnames < 2) oneSurname++;
  if (r.dob) dob++;
}
console.log(
  `lonely records: estimated ${est}, no surname ${noSurname}, one own surname ${oneSurname}, full date ${dob}`,
);

// Samples of the unchained missed pairs: the two records as registered and the rules under which
// they share a key (none: no rule's key reaches them).
const samples = Number(process.argv[5] ?? 0);
const raw = (i: number) => {
  const r = registered[i]!;
  const birth =
    r.dateOfBirth ??
    (r.estimatedAge !== null && r.estimatedAge !== undefined ? `~${r.estimatedAge}` : (r.birthYear ?? '?'));
  return `${r.givenNames ?? ''} / ${r.firstSurname ?? ''} / ${r.secondSurname ?? ''} ${r.sex ?? ''} ${birth} ${r.department ?? ''}`;
};
let shown = 0;
const byRule = new Map<string, number>();
let noKey = 0;
for (const [i, j] of missed) {
  if (find(i) === find(j)) continue;
  const shares: string[] = [];
  for (const rule of rules) {
    const a = keysOf(rule, records[i]!);
    const b = new Set(keysOf(rule, records[j]!));
    const hit = a.some((k) => (rule.bipartite ? b.has(k % 2 === 0 ? k + 1 : k - 1) : b.has(k)));
    if (hit) shares.push(rule.name);
  }
  for (const s of shares) byRule.set(s, (byRule.get(s) ?? 0) + 1);
  if (shares.length === 0) noKey++;
  if (shown++ < samples) console.log(`${raw(i)}  ||  ${raw(j)}  ||  ${shares.join(' ') || '(no key)'}`);
}
console.log(`unchained pairs sharing no key: ${noKey}; by rule:`, Object.fromEntries(byRule));
