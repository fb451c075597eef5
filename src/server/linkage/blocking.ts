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
  /**
   * Blocks larger than this are not compared all against all: their records are sorted (by `rank`)
   * and each is compared with the next `window − 1` (sorted neighbourhood), so a key too common to
   * block on costs pairs in proportion to its size, not its square.
   */
  maxBlock?: number;
  /** Width of the sorted neighbourhood inside a block larger than `maxBlock` (default 8). */
  window?: number;
  /** Each record's position in a global order (names, then birth) used inside large blocks. */
  rank?: Uint32Array;
}

/** Candidate pairs as two parallel index arrays, plus what was compared and how. */
export interface Candidates {
  left: Uint32Array;
  right: Uint32Array;
  count: number;
  perRule: Record<string, number>;
  /** Blocks larger than `maxBlock`, compared by sorted neighbourhood instead of all pairs. */
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

/**
 * One rule's keys, grouped. `start`/`keys` list each record's distinct keys (truncated to fit next
 * to an entry number in a double, so a whole rule sorts as one Float64Array); `full[e]` is 1 when
 * entry e's block is compared all against all. `members` lists the records block by block, in
 * record order, between `blockStart[b]` and `blockStart[b + 1]`.
 */
interface KeyTable {
  start: Uint32Array;
  keys: Float64Array;
  full: Uint8Array;
  members: Uint32Array;
  blockStart: Uint32Array;
  blockKeys: Float64Array;
  blocks: number;
}

function keyTable<R>(records: readonly R[], rule: BlockingRule<R>, maxBlock: number): KeyTable {
  const n = records.length;
  const start = new Uint32Array(n + 1);
  let keys = new Float64Array(Math.max(16, n * 2));
  let m = 0;
  for (let i = 0; i < n; i++) {
    start[i] = m;
    const ks = rule.keys(records[i]!);
    for (let x = 0; x < ks.length; x++) {
      const k = ks[x]!;
      let dup = false;
      for (let e = start[i]!; e < m && !dup; e++) dup = keys[e] === k;
      if (dup) continue;
      if (m === keys.length) {
        const grown = new Float64Array(keys.length * 2);
        grown.set(keys);
        keys = grown;
      }
      keys[m++] = k;
    }
  }
  start[n] = m;
  // key (high bits) · entry (low bits) in one double: one native numeric sort groups the blocks.
  const entryBits = Math.max(1, Math.ceil(Math.log2(m + 1)));
  const keySpace = 2 ** (53 - entryBits);
  const scale = 2 ** entryBits;
  const packed = new Float64Array(m);
  const owner = new Uint32Array(m);
  for (let i = 0; i < n; i++) for (let e = start[i]!; e < start[i + 1]!; e++) owner[e] = i;
  for (let e = 0; e < m; e++) {
    const k = keys[e]! % keySpace;
    keys[e] = k;
    packed[e] = k * scale + e;
  }
  packed.sort();
  const full = new Uint8Array(m);
  const members = new Uint32Array(m);
  const blockStart = new Uint32Array(m + 1);
  const blockKeys = new Float64Array(m);
  let blocks = 0;
  for (let x = 0; x < m;) {
    const key = Math.floor(packed[x]! / scale);
    let y = x;
    while (y < m && Math.floor(packed[y]! / scale) === key) y++;
    blockKeys[blocks] = key;
    blockStart[blocks++] = x;
    const size = y - x;
    for (let z = x; z < y; z++) {
      const e = packed[z]! % scale;
      members[z] = owner[e]!;
      if (size <= maxBlock) full[e] = 1;
    }
    x = y;
  }
  blockStart[blocks] = m;
  return { start, keys: keys.subarray(0, m), full, members, blockStart, blockKeys, blocks };
}

/** The first key record i shares with j in a fully compared block of `t`, or -1. */
function sharedFullKey(t: KeyTable, i: number, j: number): number {
  for (let e = t.start[i]!; e < t.start[i + 1]!; e++) {
    if (t.full[e] === 0) continue;
    const k = t.keys[e]!;
    for (let f = t.start[j]!; f < t.start[j + 1]!; f++) if (t.keys[f] === k) return k;
  }
  return -1;
}

/**
 * The candidate pairs of `records` under `rules`, each pair once, i < j. A pair sharing keys of
 * several rules, or several keys of one rule, comes from the first fully compared block that holds
 * it (Splink's de-duplication across rules); pairs from sorted neighbourhoods are de-duplicated at
 * the end.
 */
export function candidatePairs<R extends { source: string }>(
  records: readonly R[],
  rules: readonly BlockingRule<R>[],
  options: CandidateOptions = {},
): Candidates {
  const maxBlock = options.maxBlock ?? 5_000;
  const window = options.window ?? 8;
  const tables = rules.map((rule) => keyTable(records, rule, maxBlock));
  const sources = new Map<string, number>();
  const source = Uint16Array.from(records, (r) => {
    let s = sources.get(r.source);
    if (s === undefined) sources.set(r.source, (s = sources.size));
    return s;
  });
  const linkOnly = options.linkOnly ?? false;
  const rank = options.rank;
  const out = new PairBuffer();
  const windowed = new PairBuffer();
  const perRule: Record<string, number> = {};
  let skippedBlocks = 0;
  /** True when a rule before `r` holds the pair in a fully compared block. */
  const earlier = (r: number, i: number, j: number) => {
    for (let q = 0; q < r; q++) if (sharedFullKey(tables[q]!, i, j) >= 0) return true;
    return false;
  };
  tables.forEach((t, r) => {
    const before = out.count + windowed.count;
    for (let b = 0; b < t.blocks; b++) {
      const from = t.blockStart[b]!;
      const to = t.blockStart[b + 1]!;
      const size = to - from;
      if (size < 2) continue;
      if (size <= maxBlock) {
        for (let x = from; x < to; x++) {
          const i = t.members[x]!;
          for (let y = x + 1; y < to; y++) {
            const j = t.members[y]!;
            if (linkOnly && source[i] === source[j]) continue;
            // The pair's first shared key in this rule must be this block's (each pair once).
            if (t.start[i + 1]! - t.start[i]! > 1 && sharedFullKey(t, i, j) !== t.blockKeys[b]) continue;
            if (!earlier(r, i, j)) out.push(i, j);
          }
        }
        continue;
      }
      skippedBlocks++;
      const sorted = t.members.slice(from, to);
      if (rank) sorted.sort((p, q) => rank[p]! - rank[q]!);
      for (let x = 0; x < size; x++) {
        for (let y = x + 1; y < Math.min(size, x + window); y++) {
          const i = Math.min(sorted[x]!, sorted[y]!);
          const j = Math.max(sorted[x]!, sorted[y]!);
          if (linkOnly && source[i] === source[j]) continue;
          if (earlier(rules.length, i, j)) continue;
          windowed.push(i, j);
        }
      }
    }
    perRule[rules[r]!.name] = out.count + windowed.count - before;
  });
  // Sorted-neighbourhood pairs: each once (a pair may be near in several large blocks).
  const packed = new Float64Array(windowed.count);
  for (let k = 0; k < windowed.count; k++) packed[k] = windowed.left[k]! * 2 ** 26 + windowed.right[k]!;
  packed.sort();
  for (let k = 0; k < packed.length; k++) {
    if (k > 0 && packed[k] === packed[k - 1]) continue;
    out.push(Math.floor(packed[k]! / 2 ** 26), packed[k]! % 2 ** 26);
  }
  return { left: out.left, right: out.right, count: out.count, perRule, skippedBlocks };
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
  const initials = new Map<number, number>();
  const initial = (key: number) => {
    let p = initials.get(key);
    if (p === undefined) {
      p = h(vocab.id(`${vocab.words[key]!.slice(0, 1)}\u0002`));
      initials.set(key, p);
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
  const birthday = (r: Prepared) => Number(r.dob!.slice(4));
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
    {
      // A wrong year in a full date (1998-04-09 / 1997-04-09), maybe with a typo in one name: the
      // day and month with one name and the other's initial.
      name: 'birthday+name+initial',
      keys: (r) => {
        if (!r.dob || r.givenCanonical.length === 0) return [];
        const d = birthday(r);
        const g = h(r.givenCanonical[0]!);
        const gi = initial(r.givenCanonical[0]!);
        const keys = r.surnames.length === 0 ? [mixKey(12, d, g)] : [];
        for (const s of new Set(r.surnames)) keys.push(mixKey(12, d, g, initial(s)), mixKey(17, d, gi, h(s)));
        return keys;
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
        const s = [...new Set(r.surnames.map(prefix))];
        if (s.length === 0) s.push(-1);
        return years(r).flatMap((y) => s.map((p) => mixKey(8, y, g, p)));
      },
    },
    {
      // A typo in one name, the other written alike: the exact name, the other's initial, the year.
      name: 'year+name+initial',
      keys: (r) => {
        if (r.givenCanonical.length === 0 || r.surnames.length === 0) return [];
        const g = h(r.givenCanonical[0]!);
        const gi = initial(r.givenCanonical[0]!);
        const keys: number[] = [];
        for (const s of new Set(r.surnames))
          for (const y of years(r)) keys.push(mixKey(14, y, g, initial(s)), mixKey(15, y, gi, h(s)));
        return keys;
      },
    },
    {
      // Typos in both names of a record with a full date: the date with the names' initials.
      name: 'dob+initials',
      keys: (r) => {
        if (!r.dob || r.givenCanonical.length === 0) return [];
        const g = initial(r.givenCanonical[0]!);
        const s = [...new Set(r.surnames.map(initial))];
        return s.length === 0 ? [mixKey(16, dob(r), g)] : s.map((x) => mixKey(16, dob(r), g, x));
      },
    },
    {
      // No surname recorded: the given names (compound ones are distinctive enough) with the year.
      name: 'year+given-names',
      keys: (r) => {
        const keys = r.given.length >= 2 ? years(r).map((y) => mixKey(9, y, ...r.given.map(h))) : [];
        // Without a surname, each given name alone too (a second given name dropped or added).
        if (r.surnames.length === 0)
          for (const g of new Set(r.given)) for (const y of years(r)) keys.push(mixKey(13, y, h(g)));
        return keys;
      },
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
