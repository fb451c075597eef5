/**
 * Blocking: which pairs are compared at all. Each rule gives every record zero or more keys; two
 * records are a candidate pair when they share a key of some rule. A pair found by an earlier rule
 * is not produced again (Splink's order-dependent de-duplication), so no global set of pairs is held.
 */
import type { Prepared, Vocabulary } from './record.js';

/**
 * One blocking rule: the keys a record is filed under, as numbers (hashes of the key's parts: a
 * collision only adds a candidate pair, which the comparisons then reject).
 */
export interface BlockingRule<R> {
  name: string;
  keys(record: R): readonly number[];
}

/** A 52-bit hash of small integers (two 32-bit murmur-style lanes), for numeric blocking keys. */
export function mixKey(...parts: readonly number[]): number {
  let h1 = 0x9747b28c;
  let h2 = 0x85ebca6b;
  for (const part of parts) {
    const lo = part >>> 0;
    const hi = Math.floor(part / 4_294_967_296) >>> 0;
    h1 = Math.imul(h1 ^ lo, 0xcc9e2d51);
    h1 = (h1 << 15) | (h1 >>> 17);
    h1 = Math.imul(h1 ^ hi, 0x1b873593) + 0xe6546b64;
    h2 = Math.imul(h2 ^ lo, 0x85ebca6b) ^ (h1 >>> 13);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35) + hi;
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 ^= h1 >>> 13;
  return (h1 >>> 0) * 1_048_576 + ((h2 >>> 0) >>> 12);
}

export interface CandidateOptions {
  /** Only pairs whose records come from different sources (linking, not de-duplicating). */
  linkOnly?: boolean;
  /** Blocks larger than this are skipped and counted (a key too common to block on). */
  maxBlock?: number;
}

/** Candidate pairs as two parallel index arrays, plus what was compared and skipped. */
export interface Candidates {
  left: Uint32Array;
  right: Uint32Array;
  count: number;
  perRule: Record<string, number>;
  skippedBlocks: number;
}

class PairBuffer {
  left = new Uint32Array(1 << 16);
  right = new Uint32Array(1 << 16);
  count = 0;
  push(i: number, j: number): void {
    if (this.count === this.left.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.left = grow(this.left);
      this.right = grow(this.right);
    }
    this.left[this.count] = i;
    this.right[this.count] = j;
    this.count++;
  }
}

function shareKey(a: readonly number[], b: readonly number[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** The candidate pairs of `records` under `rules`, each pair once, i < j. */
export function candidatePairs<R extends { source: string }>(
  records: readonly R[],
  rules: readonly BlockingRule<R>[],
  options: CandidateOptions = {},
): Candidates {
  const maxBlock = options.maxBlock ?? 5_000;
  // A record filed twice under one key would pair with itself: keys are made distinct first.
  const keys = rules.map((rule) =>
    records.map((r) => {
      const ks = rule.keys(r);
      return ks.length > 1 ? [...new Set(ks)] : ks;
    }),
  );
  const out = new PairBuffer();
  const perRule: Record<string, number> = {};
  let skippedBlocks = 0;
  rules.forEach((rule, r) => {
    const before = out.count;
    const blocks = new Map<number, number[]>();
    keys[r]!.forEach((ks, i) => {
      for (const k of ks) {
        const block = blocks.get(k);
        if (block) block.push(i);
        else blocks.set(k, [i]);
      }
    });
    for (const [key, members] of blocks) {
      if (members.length < 2) continue;
      if (members.length > maxBlock) {
        skippedBlocks++;
        continue;
      }
      for (let x = 0; x < members.length; x++) {
        const i = members[x]!;
        for (let y = x + 1; y < members.length; y++) {
          const j = members[y]!;
          if (options.linkOnly && records[i]!.source === records[j]!.source) continue;
          if (!firstSharedKey(keys[r]![i]!, keys[r]![j]!, key)) continue;
          let earlier = false;
          for (let q = 0; q < r && !earlier; q++) earlier = shareKey(keys[q]![i]!, keys[q]![j]!);
          if (!earlier) out.push(i, j);
        }
      }
    }
    perRule[rule.name] = out.count - before;
  });
  return { left: out.left, right: out.right, count: out.count, perRule, skippedBlocks };
}

/** True when `key` is the first of a's keys that b also has: a pair sharing two keys counts once. */
function firstSharedKey(a: readonly number[], b: readonly number[], key: number): boolean {
  for (const k of a) if (b.includes(k)) return k === key;
  return false;
}

/**
 * Blocking rules for persons, in order: document; date of birth with any name key (given or
 * surname, so swapped name fields still meet); year of birth (±2 for an estimated age) with the
 * first given name (nicknames resolved) and a surname; given name with all surnames; year with both
 * surnames; date of birth with the place; the document's characters sorted (transposed digits) with
 * the place; name prefixes with the year (typos); compound given names with the year (no surname);
 * address with postcode. Names are phonetic keys, so spelling variants share a block; a surname
 * rule files a record under each surname, so swapped or dropped surnames still meet.
 */
export function personBlockingRules(vocab: Vocabulary): BlockingRule<Prepared>[] {
  // Keys hash stable word hashes, not ids: two institutions encoding apart get the same keys.
  const h = (key: number) => vocab.stable[key]!;
  const id = (text: string | null) => (text === null ? -1 : h(vocab.id(text)));
  const prefixes = new Map<number, number>();
  const prefix = (key: number) => {
    let p = prefixes.get(key);
    if (p === undefined) {
      p = h(vocab.id(`${vocab.words[key]!.slice(0, 2)}\u0001`));
      prefixes.set(key, p);
    }
    return p;
  };
  const years = (r: Prepared): number[] =>
    r.year === null
      ? []
      : r.dob !== null
        ? [r.year]
        : [r.year - 2, r.year - 1, r.year, r.year + 1, r.year + 2];
  const surnames = (r: Prepared) => [...new Set(r.surnames.map(h))].sort((a, b) => a - b);
  const dob = (r: Prepared) => Number(r.dob);
  const place = (r: Prepared) => id(r.district ?? r.department ?? r.postcode);
  const region = (r: Prepared) => id(r.department ?? r.postcode);
  return [
    { name: 'document', keys: (r) => (r.document ? [mixKey(1, id(r.document))] : []) },
    {
      name: 'dob+name',
      keys: (r) =>
        r.dob ? [...new Set([...r.given, ...r.surnames])].map((k) => mixKey(2, dob(r), h(k))) : [],
    },
    {
      name: 'year+given+surname',
      keys: (r) => {
        if (r.givenCanonical.length === 0) return [];
        const g = h(r.givenCanonical[0]!);
        return years(r).flatMap((y) => surnames(r).map((s) => mixKey(3, y, g, s)));
      },
    },
    {
      name: 'given+surnames',
      keys: (r) =>
        r.given.length > 0 && r.surnames.length > 0 ? [mixKey(4, h(r.given[0]!), ...surnames(r))] : [],
    },
    {
      name: 'year+surnames',
      keys: (r) => {
        const s = surnames(r);
        return s.length >= 2 ? years(r).map((y) => mixKey(5, y, ...s)) : [];
      },
    },
    { name: 'dob+place', keys: (r) => (r.dob && place(r) >= 0 ? [mixKey(6, dob(r), place(r))] : []) },
    {
      name: 'document-anagram+region',
      keys: (r) =>
        r.document && region(r) >= 0 ? [mixKey(7, id([...r.document].sort().join('')), region(r))] : [],
    },
    {
      // Typos in both the given name and a surname: the first two letters of each rarely change.
      name: 'year+name-prefixes',
      keys: (r) => {
        if (r.given.length === 0) return [];
        const g = prefix(r.given[0]!);
        const s = [...new Set([...new Set(r.surnames)].map(prefix))];
        return years(r).flatMap((y) => s.map((p) => mixKey(8, y, g, p)));
      },
    },
    {
      // No surname recorded: the given names (compound ones are distinctive enough) with the year.
      name: 'year+given-names',
      keys: (r) =>
        r.given.length >= 2 || (r.surnames.length === 0 && r.given.length > 0)
          ? years(r).map((y) => mixKey(9, y, ...r.given.map(h)))
          : [],
    },
    {
      name: 'address+postcode',
      keys: (r) => (r.address && r.postcode ? [mixKey(10, id(r.address), id(r.postcode))] : []),
    },
  ];
}

/**
 * Training sessions for persons: pairs with the same date of birth (names, document, place are
 * estimated), and pairs with the same first given name and surnames (birth, document, place are).
 */
export function personTrainingRules(vocab: Vocabulary): { rule: BlockingRule<Prepared>; ignore: string[] }[] {
  const h = (key: number) => vocab.stable[key]!;
  return [
    { rule: { name: 'dob', keys: (r) => (r.dob ? [Number(r.dob)] : []) }, ignore: ['birth'] },
    {
      rule: {
        name: 'names',
        keys: (r) =>
          r.given.length > 0 && r.surnames.length > 0
            ? [mixKey(11, h(r.given[0]!), ...[...new Set(r.surnames.map(h))].sort((a, b) => a - b))]
            : [],
      },
      ignore: ['given_names', 'surnames'],
    },
  ];
}
