/**
 * Where the clusters go wrong, for a setting of the harder generator: `npx tsx
 * bench/linkage/cluster-errors.ts [setting] [persons] [seed]` links the set once, clusters it as the
 * engine does, and prints (1) the patterns of given name · surnames · birth · document whose
 * candidate pairs are most miscalibrated (count, one person's, sum of probabilities); (2) the true
 * pairs left apart and the false pairs inside clusters by probability band and pattern; (3) the
 * fragments of split persons by their best pair and sizes (1 + g: a record apart from a group of its
 * person), and the clusters that mix persons by their sizes (5 + 1: a record of another person in a
 * cluster of five); (4) for the odd record of such clusters, how many of the members it met as
 * candidate pairs and their average, and for a record apart from its person's group the same.
 */
import { clusterLinks } from '../../src/server/linkage-engine/cluster.js';
import { clusterQuality } from '../../src/server/linkage-engine/evaluate.js';
import { DEFAULT_CLUSTER_OPTIONS, personEvidence } from '../../src/server/linkage-engine/linkage.js';
import { linkedSet } from './linked-set.js';
const { data, result, records, comparisons } = linkedSet(process.argv);
const ev = personEvidence(records);
const n = data.records.length;
const { labels } = clusterLinks(
  n,
  result.left,
  result.right,
  result.probabilities,
  0.85,
  ev,
  DEFAULT_CLUSTER_OPTIONS,
);
const q = clusterQuality(labels, data.entities);
console.log('clusters', q);
const ent = data.entities;
const key = (k: number) => {
  const a = records[result.left[k]!]!,
    b = records[result.right[k]!]!;
  return (
    comparisons
      .slice(0, 3)
      .map((c) => {
        const l = c.compare(a, b);
        return l < 0 ? '-' : c.levels[l];
      })
      .join(' | ') +
    ' | doc ' +
    comparisons[5]!.compare(a, b)
  );
};
// calibration by pattern
const groups = new Map<string, { n: number; t: number; p: number; linkedT: number; linkedF: number }>();
for (let k = 0; k < result.probabilities.length; k++) {
  const g = key(k);
  const e = groups.get(g) ?? { n: 0, t: 0, p: 0, linkedT: 0, linkedF: 0 };
  const t = ent[result.left[k]!] === ent[result.right[k]!];
  e.n++;
  if (t) e.t++;
  e.p += result.probabilities[k]!;
  const same = labels[result.left[k]!] === labels[result.right[k]!];
  if (same && t) e.linkedT++;
  if (same && !t) e.linkedF++;
  groups.set(g, e);
}
const rows = [...groups.entries()]
  .filter(([, e]) => e.n >= 30)
  .sort((x, y) => Math.abs(y[1].t - y[1].p) - Math.abs(x[1].t - x[1].p));
console.log('most miscalibrated patterns (n, true, sum p, true share, mean p, same-cluster true/false)');
for (const [g, e] of rows.slice(0, 40))
  console.log(
    `${e.n}\t${e.t}\t${e.p.toFixed(0)}\t${(e.t / e.n).toFixed(3)}\t${(e.p / e.n).toFixed(3)}\t${e.linkedT}/${e.linkedF}\t${g}`,
  );
// missed true pairs and false pairs in clusters, by pattern of candidate pairs
const miss = new Map<string, number>(),
  fals = new Map<string, number>();
for (let k = 0; k < result.probabilities.length; k++) {
  const t = ent[result.left[k]!] === ent[result.right[k]!];
  const same = labels[result.left[k]!] === labels[result.right[k]!];
  const p = result.probabilities[k]!;
  const band = p >= 0.85 ? '>=.85' : p >= 0.5 ? '.5-.85' : p >= 0.3 ? '.3-.5' : '<.3';
  if (t && !same) miss.set(band + ' ' + key(k), (miss.get(band + ' ' + key(k)) ?? 0) + 1);
  if (!t && same) fals.set(band + ' ' + key(k), (fals.get(band + ' ' + key(k)) ?? 0) + 1);
}
console.log('\nmissed candidate true pairs by band+pattern');
for (const [g, c] of [...miss].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(c, g);
console.log('\nfalse candidate pairs inside clusters by band+pattern');
for (const [g, c] of [...fals].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(c, g);
// fragments of split persons, and mixed clusters
{
  const best = new Map<string, number>();
  for (let k = 0; k < result.probabilities.length; k++) {
    const a = result.left[k]!,
      b = result.right[k]!;
    const la = labels[a]!,
      lb = labels[b]!;
    if (la === lb) continue;
    if (ent[a] !== ent[b]) continue;
    const id = la < lb ? `${la},${lb}` : `${lb},${la}`;
    best.set(id, Math.max(best.get(id) ?? 0, result.probabilities[k]!));
  }
  const frag = new Map<string, Map<number, number>>(); // entity -> label -> count
  for (let i = 0; i < n; i++) {
    const m = frag.get(ent[i]!) ?? new Map();
    m.set(labels[i]!, (m.get(labels[i]!) ?? 0) + 1);
    frag.set(ent[i]!, m);
  }
  const tally = new Map<string, [number, number]>();
  for (const m of frag.values()) {
    const ls = [...m.keys()];
    for (let x = 0; x < ls.length; x++)
      for (let y = x + 1; y < ls.length; y++) {
        const id = ls[x]! < ls[y]! ? `${ls[x]},${ls[y]}` : `${ls[y]},${ls[x]}`;
        const p = best.get(id);
        const band =
          p === undefined
            ? 'none'
            : p >= 0.85
              ? '>=.85'
              : p >= 0.5
                ? '.5-.85'
                : p >= 0.3
                  ? '.3-.5'
                  : p >= 0.1
                    ? '.1-.3'
                    : '<.1';
        const sx =
          Math.min(m.get(ls[x]!)!, m.get(ls[y]!)!) === 1
            ? Math.max(m.get(ls[x]!)!, m.get(ls[y]!)!) === 1
              ? '1+1'
              : '1+g'
            : 'g+g';
        const t = tally.get(band + ' ' + sx) ?? [0, 0];
        t[0]++;
        t[1] += m.get(ls[x]!)! * m.get(ls[y]!)!;
        tally.set(band + ' ' + sx, t);
      }
  }
  console.log('\nsplit fragments: best pair band, sizes -> fragment pairs, missed cluster pairs');
  for (const [g, [c, p]] of [...tally].sort()) console.log(g, c, p);
  // clusters with several entities
  const byLabel = new Map<number, Map<string, number>>();
  for (let i = 0; i < n; i++) {
    const m = byLabel.get(labels[i]!) ?? new Map();
    m.set(ent[i]!, (m.get(ent[i]!) ?? 0) + 1);
    byLabel.set(labels[i]!, m);
  }
  const mix = new Map<string, [number, number]>();
  for (const m of byLabel.values())
    if (m.size > 1) {
      const sizes = [...m.values()].sort((a, b) => b - a);
      let fp = 0;
      for (let x = 0; x < sizes.length; x++)
        for (let y = x + 1; y < sizes.length; y++) fp += sizes[x]! * sizes[y]!;
      const g = sizes.join('+');
      const t = mix.get(g) ?? [0, 0];
      t[0]++;
      t[1] += fp;
      mix.set(g, t);
    }
  console.log('\nmixed clusters: entity sizes -> clusters, false cluster pairs');
  for (const [g, [c, p]] of [...mix].sort((a, b) => b[1][1] - a[1][1]).slice(0, 25)) console.log(g, c, p);
}
{
  // adjacency
  const adj: { o: number; p: number }[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < result.probabilities.length; k++) {
    adj[result.left[k]!]!.push({ o: result.right[k]!, p: result.probabilities[k]! });
    adj[result.right[k]!]!.push({ o: result.left[k]!, p: result.probabilities[k]! });
  }
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) size.set(labels[i]!, (size.get(labels[i]!) ?? 0) + 1);
  const stat = (r: number, lab: number, ownEntity?: string) => {
    let s = 0,
      c = 0,
      mx = 0;
    for (const { o, p } of adj[r]!)
      if (o !== r && labels[o] === lab && (ownEntity === undefined || ent[o] === ownEntity)) {
        s += p;
        c++;
        mx = Math.max(mx, p);
      }
    return { mean: c ? s / c : 0, c, mx };
  };
  // the odd record in N+1 clusters
  const byLabel = new Map<number, number[]>();
  for (let i = 0; i < n; i++) byLabel.set(labels[i]!, [...(byLabel.get(labels[i]!) ?? []), i]);
  const oddT = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const b = (x: number) =>
    x >= 0.85 ? '>=.85' : x >= 0.5 ? '.5-.85' : x >= 0.3 ? '.3-.5' : x > 0 ? '<.3' : '0';
  for (const [lab, members] of byLabel) {
    const ents = new Map<string, number>();
    for (const m of members) ents.set(ent[m]!, (ents.get(ent[m]!) ?? 0) + 1);
    if (ents.size !== 2) continue;
    const [e1, e2] = [...ents.entries()].sort((x, y) => y[1] - x[1]);
    if (e2![1] !== 1 || e1![1] < 2) continue;
    const odd = members.find((m) => ent[m] === e2![0])!;
    const here = stat(odd, lab);
    // its own person elsewhere?
    let ownBest = { mean: 0, c: 0, mx: 0 };
    for (const { o } of adj[odd]!)
      if (ent[o] === ent[odd] && labels[o] !== lab) {
        const s = stat(odd, labels[o]!);
        if (s.mean > ownBest.mean) ownBest = s;
      }
    inc(
      oddT,
      `here mean ${b(here.mean)} max ${b(here.mx)} n${Math.min(here.c, 3)}${here.c < members.length - 1 ? ' (not all met)' : ''} | own elsewhere mean ${b(ownBest.mean)}`,
    );
  }
  console.log('\nodd record in N+1 clusters');
  for (const [g, c] of [...oddT].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(c, g);
  // singleton fragments of split persons with best .5-.85 to the group
  const missT = new Map<string, number>();
  const entGroups = new Map<string, Map<number, number>>();
  for (let i = 0; i < n; i++) {
    const m = entGroups.get(ent[i]!) ?? new Map();
    m.set(labels[i]!, (m.get(labels[i]!) ?? 0) + 1);
    entGroups.set(ent[i]!, m);
  }
  for (let r = 0; r < n; r++) {
    const g = entGroups.get(ent[r]!)!;
    if (g.get(labels[r]!) !== 1 || g.size < 2) continue;
    // biggest true group elsewhere
    let bestLab = -1,
      bestSize = 0;
    for (const [l, c] of g)
      if (l !== labels[r] && c > bestSize) {
        bestSize = c;
        bestLab = l;
      }
    if (bestSize < 2) continue;
    const s = stat(r, bestLab);
    if (s.mx < 0.5) continue;
    const hereSize = size.get(labels[r]!)!;
    const hs = hereSize > 1 ? stat(r, labels[r]!) : null;
    inc(
      missT,
      `to group mean ${b(s.mean)} n${Math.min(s.c, 3)} of ${Math.min(bestSize, 4)} | now in cluster of ${Math.min(hereSize, 3)}${hs ? ' mean ' + b(hs.mean) : ''}`,
    );
  }
  console.log('\nrecords apart from their person (group of 2+) with a pair >= .5 to it');
  for (const [g, c] of [...missT].sort((x, y) => y[1] - x[1]).slice(0, 30)) console.log(c, g);
}
