/**
 * How the given names of candidate pairs relate beyond the comparison's levels, for a setting of
 * the harder generator: `npx tsx bench/linkage/given-relations.ts [setting] [persons]` counts, among
 * candidate pairs whose given names compare as `different` or `similar`, the pairwise relations a
 * short form may have with its name (apocope "Fer"/"Fernanda", a diminutive suffix "Maximomi"/
 * "Máximo") for the true pairs not linked and for the pairs of different persons.
 */
import { linkPersons, preparePersons } from '../../src/server/linkage-engine/linkage.js';
import { personComparisons } from '../../src/server/linkage-engine/comparisons.js';
import { hardPopulation } from './hard.js';

const setting = process.argv[2] ?? 'hard';
const persons = Number(process.argv[3] ?? 10_000);
const data = hardPopulation(persons, setting);
const result = linkPersons(data.records);
const { vocab, records } = preparePersons(data.records);
const given = personComparisons(vocab, records)[0]!;
const linked = new Set(result.matches.map((p) => `${p.left},${p.right}`));
const word = (id: number) => vocab.words[id]!;
const stems = (w: string) => {
  const out: string[] = [];
  for (const s of ['cito', 'cita', 'ito', 'ita', 'mi', 'i', 'y'])
    if (w.length - s.length >= 3 && w.endsWith(s)) out.push(w.slice(0, -s.length));
  return out;
};
function relation(a: readonly number[], b: readonly number[]): string | null {
  for (const x of a)
    for (const y of b) {
      const u = word(x);
      const v = word(y);
      if (u === v) continue;
      for (const [p, q] of [
        [u, v],
        [v, u],
      ] as const) {
        if (p.length >= 3 && q.length >= p.length + 2 && q.startsWith(p)) return 'apocope';
        for (const s of stems(p)) if (q === s || q === `${s}o` || q === `${s}a`) return 'diminutive';
        for (const s of stems(p))
          if (s.length >= 3 && q.length >= s.length + 2 && q.startsWith(s)) return 'apocope+i';
      }
    }
  return null;
}
const tally = new Map<string, [number, number, number]>();
for (let k = 0; k < result.candidates; k++) {
  const i = result.left[k]!;
  const j = result.right[k]!;
  const level = given.compare(records[i]!, records[j]!);
  if (level !== 0 && level !== 1) continue;
  const same = data.entities[i] === data.entities[j];
  const rel = `${given.levels[level]} ${relation(records[i]!.given, records[j]!.given) ?? 'none'}`;
  const t = tally.get(rel) ?? [0, 0, 0];
  if (same && linked.has(`${i},${j}`)) t[0]++;
  else if (same) t[1]++;
  else t[2]++;
  tally.set(rel, t);
}
console.log(`${setting}: relation → [true linked, true not linked, different persons]`);
for (const [rel, t] of [...tally].sort()) console.log(rel, t);
