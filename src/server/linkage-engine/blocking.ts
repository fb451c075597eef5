/**
 * Blocking: which pairs are compared at all. Each rule gives every record zero or more keys; two
 * records are a candidate pair when they share a key of some rule. A pair found by an earlier rule
 * is not produced again (Splink's order-dependent de-duplication), so no global set of pairs is held.
 */
import { stableHash, type Prepared, type Vocabulary } from './record.js';
import { phoneticKey } from '../modules/persons/name-normalize.js';
import { damerauWithin } from './strings.js';
import { isKnownGivenName } from './nicknames.js';

/**
 * Where a rule writes a record's keys, one at a time. Blocking passes a writer into its own typed
 * arrays (`blocksOf`), so building the keys makes no array per record and rule; `keysOf` collects
 * them into an array where one is wanted (a look-up, an encoding).
 */
export interface KeySink {
  add(key: number): void;
}

/**
 * One blocking rule: the keys a record is filed under, as numbers (hashes of the key's parts: a
 * collision only adds a candidate pair, which the comparisons then reject).
 */
export interface BlockingRule<R> {
  name: string;
  /**
   * Writes the keys `record` is filed under to `out`, in the rule's order (the order a budget,
   * `perRecord`, takes them in). Repeats are allowed: they are dropped when the blocks are built.
   */
  keys(record: R, out: KeySink): void;
  /**
   * Each key is 2 · block + side (0 or 1), and only records on different sides of a block are
   * paired: the typo rules file a record under its names as written on side 0 and under their
   * likely corrections on side 1, so records written alike are not paired there again.
   */
  bipartite?: boolean;
  /**
   * A bipartite block whose two sides make more pairs than this is skipped (at most
   * `CandidateOptions.maxBipartitePairs`): a looser rule, whose blocks fill faster with different
   * persons as the population grows, sets a lower cap.
   */
  maxPairs?: number;
  /**
   * A bipartite rule's budget per record: a record on side 1 meets at most this many records
   * under the rule, its keys taken in the order the rule gives them (the likeliest first: an
   * estimated age's nearest years), a block that would take it over the budget passed over. The
   * per-block cap bounds a block; this bounds what the many keys of one record add up to.
   */
  perRecord?: number;
  /**
   * A budgeted rule's look inside the blocks its cap passes over (issue 15): a side-1 record meets
   * the `count` side-0 records likeliest by `closeness` (higher first; on a tie, the one under its
   * earlier key) among those of its over-cap blocks whose side 0 holds at most `scan` records,
   * instead of none. An over-common key is weak evidence alone, but within it the records that
   * share more besides (another name, the department, initials, a near birth) are the few worth
   * comparing; `scan` bounds the work per record.
   */
  nearest?: { count: number; scan: number; closeness: (one: R, zero: R) => number };
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

// The same hash without an array per key (key building runs millions of times at national scale):
// the two lanes as module state, one part at a time. `mixN(a, b, …)` equals `mixKey(a, b, …)`.
// The lanes are kept in an Int32Array, not in module-level `let`s: such a variable holding a number
// outside the small-integer range is a heap number, allocated anew on every write (two per part:
// garbage for the collector). Every later use of a lane is a 32-bit operation, so keeping only its
// low 32 bits changes no key.
const lanes = new Int32Array(2);
function mixStart(): void {
  lanes[0] = 0x9747b28c;
  lanes[1] = 0x85ebca6b;
}
function mixPart(part: number): void {
  const lo = part >>> 0;
  const hi = Math.floor(part / 4_294_967_296) >>> 0;
  let lane1 = Math.imul(lanes[0]! ^ lo, 0xcc9e2d51);
  lane1 = (lane1 << 15) | (lane1 >>> 17);
  lane1 = Math.imul(lane1 ^ hi, 0x1b873593) + 0xe6546b64;
  let lane2 = Math.imul(lanes[1]! ^ lo, 0x85ebca6b) ^ (lane1 >>> 13);
  lane2 = Math.imul(lane2 ^ (lane2 >>> 16), 0xc2b2ae35) + hi;
  lanes[0] = lane1;
  lanes[1] = lane2;
}
function mixEnd(): number {
  let h1 = lanes[0]!;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b);
  h1 ^= h1 >>> 13;
  return (h1 >>> 0) * 1_048_576 + ((lanes[1]! >>> 0) >>> 12);
}
function mix2(a: number, b: number): number {
  mixStart();
  mixPart(a);
  mixPart(b);
  return mixEnd();
}
function mix3(a: number, b: number, c: number): number {
  mixStart();
  mixPart(a);
  mixPart(b);
  mixPart(c);
  return mixEnd();
}
function mix4(a: number, b: number, c: number, d: number): number {
  mixStart();
  mixPart(a);
  mixPart(b);
  mixPart(c);
  mixPart(d);
  return mixEnd();
}
/**
 * The lanes after a key's first parts, kept in `slot` so that the keys sharing those parts (a
 * rule's keys over every year, given name and surname) hash only their last parts:
 * `mixSave(slot)` after `mixPart(a)…`, then `mixLoad(slot); mixPart(x); mixEnd()` for each `x`
 * equals `mixKey(a, …, x)`.
 */
const savedLanes = new Int32Array(8);
function mixSave(slot: number): void {
  savedLanes[2 * slot] = lanes[0]!;
  savedLanes[2 * slot + 1] = lanes[1]!;
}
function mixLoad(slot: number): void {
  lanes[0] = savedLanes[2 * slot]!;
  lanes[1] = savedLanes[2 * slot + 1]!;
}
/** Starts a key with the parts `tag` and `year`, and keeps the lanes in slot 0 (`mixLoad(0)`). */
function mixFirstParts(tag: number, year: number): void {
  mixStart();
  mixPart(tag);
  mixPart(year);
  mixSave(0);
}
/** `mixKey(a, b, ...s)` for a list `s` of one or two surnames. */
function mixWith(a: number, b: number, s: readonly number[]): number {
  mixStart();
  mixPart(a);
  mixPart(b);
  for (let x = 0; x < s.length; x++) mixPart(s[x]!);
  return mixEnd();
}

/** The keys `rule` files `record` under, in its order, as an array. */
export function keysOf<R>(rule: BlockingRule<R>, record: R): number[] {
  const list = new KeyList();
  rule.keys(record, list);
  return list.keys;
}

/** Writes keys already held in an array (a rule over keys computed beforehand: CLK's, tests'). */
export function addAll(out: KeySink, keys: readonly number[]): void {
  for (let x = 0; x < keys.length; x++) out.add(keys[x]!);
}

/** A `KeySink` that keeps the keys in an array. */
class KeyList implements KeySink {
  readonly keys: number[] = [];
  add(key: number): void {
    this.keys.push(key);
  }
}

export interface CandidateOptions {
  /** Only pairs whose records come from different sources (linking, not de-duplicating). */
  linkOnly?: boolean;
  /**
   * Blocks larger than this (default `DEFAULT_MAX_BLOCK`) are not compared all against all: their
   * records are sorted (by `rank`) and each is compared with the next `window − 1` (sorted
   * neighbourhood), so a key too common to block on costs pairs in proportion to its size, not its
   * square.
   */
  maxBlock?: number;
  /** Width of the sorted neighbourhood inside a block larger than `maxBlock` (default 8). */
  window?: number;
  /**
   * A bipartite block whose two sides make more pairs than this is skipped: its key (a frequent
   * name with a range of years, or a given name alone) is too common to be evidence, and its pairs
   * would grow with the square of the population. Default 100 (docs/LINKAGE.md, "Blocking").
   */
  maxBipartitePairs?: number;
  /** Each record's position in a global order (names, then birth) used inside large blocks. */
  rank?: Uint32Array;
  /**
   * Whether budgeted rules look inside the blocks their cap passes over (`BlockingRule.nearest`).
   * Default: for batches of at most `NEAREST_UP_TO` records. At 1,000,000 registrations the look
   * cost a third more CPU for the batch (141 → 192 s) and found 0.02 points of link-pair recall
   * (bench/README.md, "The 1M batch after the day's changes, 7 Dec 2026"); the intake look-up
   * always looks, for its one record.
   */
  nearest?: boolean;
  /**
   * The typed arrays blocking works in (`Workspace`), when a caller blocks several times over one
   * population: a linkage's candidates and then its training sessions reuse one set instead of
   * making a fresh set per call (`blockingWorkspace`). Default: a set of its own.
   */
  space?: Workspace;
}

/** Records up to which a batch looks inside over-cap blocks by default (`CandidateOptions.nearest`). */
export const NEAREST_UP_TO = 250_000;

/** Candidate pairs as two parallel index arrays, plus what was compared and how. */
export interface Candidates {
  left: Uint32Array;
  right: Uint32Array;
  count: number;
  perRule: Record<string, number>;
  /** Blocks larger than `maxBlock`, compared by sorted neighbourhood instead of all pairs. */
  skippedBlocks: number;
}

/**
 * One rule's blocks: their records, block by block, between `blockStart[b]` and `blockStart[b + 1]`,
 * each block once per record and in record order. A block's key is `high[b] · 2^32 + low[b]`.
 */
export interface Blocks {
  members: Uint32Array;
  /**
   * With `withEntries`: each member's entry, the position of (key, record) among all the rule's
   * keys, in record order and each record's keys in the order the rule gave them.
   */
  entries?: Uint32Array;
  /** How many entries the rule made (before repeats were dropped). */
  entryCount: number;
  /**
   * With `withEntries`: where each record's entries begin (record `i`'s are `firstEntry[i]` to
   * `firstEntry[i + 1]`).
   */
  firstEntry?: Uint32Array;
  blockStart: Uint32Array;
  low: Uint32Array;
  high: Uint32Array;
  blocks: number;
}

const TWO_32 = 4_294_967_296;

/**
 * Typed arrays reused from rule to rule, grown when a rule needs more: at 1,000,000 registrations a
 * rule makes millions of entries, and a dozen fresh arrays of that size per rule is memory outside
 * the heap that the collector counts (each time a full collection of the whole population).
 * Their contents are whatever the last rule left: every use writes before it reads.
 */
export class Workspace {
  private readonly arrays = new Map<string, Uint32Array>();

  /**
   * `entries`: the room each array is first made with (a guess at the largest rule's entries).
   * Every array made counts towards the memory outside the heap, and each 64 MB more of it since
   * the last full collection makes V8 collect the whole heap again (at 1,000,000 registrations
   * seconds each, several per thread when the arrays grew rule by rule: bench/README.md, "The 1M
   * batch: the block phase"). Made once with room to spare, they are seldom made again; the
   * operating system gives a large array its memory only as it is written, so the room not used
   * costs no memory.
   */
  constructor(private readonly entries = 0) {}

  /**
   * The array `name` with room for `size` (made with at least `room`), its first `keep` values kept
   * when it grows.
   */
  get(name: string, size: number, keep = 0, room = this.entries): Uint32Array {
    const held = this.arrays.get(name);
    if (held && held.length >= size) return held;
    const grown = new Uint32Array(Math.max(size, held ? held.length * 2 : room));
    if (held && keep > 0) grown.set(held.subarray(0, keep));
    this.arrays.set(name, grown);
    return grown;
  }

  /** Lets go of every array (the next `get` makes them anew): once a linkage has done blocking. */
  release(): void {
    this.arrays.clear();
  }

  /** The same as signed integers (over the same memory). */
  getInt32(name: string, size: number, room = this.entries): Int32Array {
    const held = this.get(name, size, 0, room);
    return new Int32Array(held.buffer, held.byteOffset, held.length);
  }
}

/**
 * Room for this many keys per record in a `Workspace` from the start (the largest rule today files
 * about 12 keys per record at 1,000,000 registrations: `estimate+given+surname`).
 */
const ENTRIES_PER_RECORD = 16;

/** A `Workspace` with room for blocking `records` records (`CandidateOptions.space`). */
export function blockingWorkspace(records: number): Workspace {
  return new Workspace(records * ENTRIES_PER_RECORD);
}

/**
 * The `KeySink` of `blocksOf`: each key, as its low and high 32 bits, and the record it files
 * (`record`, set before the rule runs) appended to the workspace's entry arrays, grown as needed.
 */
class EntryWriter implements KeySink {
  low: Uint32Array;
  high: Uint32Array;
  member: Uint32Array;
  /** Entries written. */
  m = 0;
  /** The record whose keys are being written. */
  record = 0;
  private size: number;
  constructor(
    private readonly space: Workspace,
    size: number,
  ) {
    this.low = space.get('low', size);
    this.high = space.get('high', size);
    this.member = space.get('member', size);
    this.size = Math.min(this.low.length, this.high.length, this.member.length);
  }
  add(key: number): void {
    const m = this.m;
    if (m === this.size) this.grow();
    this.low[m] = key >>> 0;
    this.high[m] = Math.floor(key / TWO_32) >>> 0;
    this.member[m] = this.record;
    this.m = m + 1;
  }
  private grow(): void {
    this.size *= 2;
    this.low = this.space.get('low', this.size, this.m);
    this.high = this.space.get('high', this.size, this.m);
    this.member = this.space.get('member', this.size, this.m);
    this.size = Math.min(this.low.length, this.high.length, this.member.length);
  }
}

/** Entries being sorted: each key's low and high 32 bits, its record and (when asked) its entry. */
interface Sortable {
  low: Uint32Array;
  high: Uint32Array;
  record: Uint32Array;
  entry: Uint32Array | undefined;
}

/**
 * Entries from which `radixSortByLow` first splits by the top digit: below, three passes over the
 * whole arrays; from here, one such pass and then each of its 1,024 parts sorted on its own, while
 * it is in the cache (each part's two counts cleared per part: too dear for small parts).
 */
const SPLIT_FROM = 1 << 20;

/**
 * Stable radix sort of the entries by `low` (digits of 11, 11 and 10 bits), between them and the
 * scratch arrays; returns the arrays that hold the sorted entries (the scratch arrays). Below
 * `SPLIT_FROM` entries, least significant digit first over all the entries (10 M entries: 1.4–1.6 s
 * of CPU, two passes of 16 bits 1.5–1.9 s, a sort of packed doubles 4.4 s; bench/linkage/radix.ts).
 * From there the top 10 bits first (one pass over the whole arrays, each entry moved to its part),
 * then each part by its two low digits: at 1,000,000 registrations a rule's entries are four arrays
 * of 50 MB, and each pass over the whole of them scatters writes across 8,192 places of memory far
 * from the cache, while a part (a thousandth) is sorted within it. Both orders are the same: a
 * stable sort by the top digit, then stably within each part by the rest, is the stable sort.
 */
function radixSortByLow(entries: Sortable, m: number, scratch: Sortable): Sortable {
  return m < SPLIT_FROM ? sortAllDigits(entries, m, scratch) : sortTopDigitFirst(entries, m, scratch);
}

/** `radixSortByLow` least significant digit first, three passes over all the entries. */
function sortAllDigits(entries: Sortable, m: number, scratch: Sortable): Sortable {
  // The three digits' counts in one read of the keys (each pass then only moves entries).
  const all = new Uint32Array(3 * 2_049);
  const keys = entries.low;
  for (let x = 0; x < m; x++) {
    const k = keys[x]!;
    all[(k & 0x7ff) + 1]!++;
    all[2_049 + ((k >>> 11) & 0x7ff) + 1]!++;
    all[4_098 + (k >>> 22) + 1]!++;
  }
  let from = entries;
  let to = scratch;
  for (let pass = 0; pass < 3; pass++) {
    const shift = 11 * pass;
    const counts = all.subarray(2_049 * pass, 2_049 * (pass + 1));
    for (let d = 1; d <= 2_048; d++) counts[d]! += counts[d - 1]!;
    moveByDigit(from, to, 0, m, shift, counts);
    [from, to] = [to, from];
  }
  return from;
}

/**
 * Moves the entries `from[start … end)` to `to`, each to `counts[its digit at shift]++` (a stable
 * counting sort's scatter: `counts` holds where each digit's entries begin).
 */
function moveByDigit(
  from: Sortable,
  to: Sortable,
  start: number,
  end: number,
  shift: number,
  counts: Uint32Array,
): void {
  const fromLow = from.low;
  const fromHigh = from.high;
  const fromRecord = from.record;
  const toLow = to.low;
  const toHigh = to.high;
  const toRecord = to.record;
  const fromEntry = from.entry;
  const toEntry = to.entry;
  if (fromEntry && toEntry)
    for (let x = start; x < end; x++) {
      const at = counts[(fromLow[x]! >>> shift) & 0x7ff]!++;
      toLow[at] = fromLow[x]!;
      toHigh[at] = fromHigh[x]!;
      toRecord[at] = fromRecord[x]!;
      toEntry[at] = fromEntry[x]!;
    }
  else
    for (let x = start; x < end; x++) {
      const at = counts[(fromLow[x]! >>> shift) & 0x7ff]!++;
      toLow[at] = fromLow[x]!;
      toHigh[at] = fromHigh[x]!;
      toRecord[at] = fromRecord[x]!;
    }
}

/**
 * `radixSortByLow` by the top 10 bits first into `scratch`, then each part by its low digit into
 * `entries` and by its middle digit back into `scratch`.
 */
function sortTopDigitFirst(entries: Sortable, m: number, scratch: Sortable): Sortable {
  const keys = entries.low;
  // Where each part begins (and, once the entries are moved, ends).
  const parts = new Uint32Array(1_025);
  for (let x = 0; x < m; x++) parts[(keys[x]! >>> 22) + 1]!++;
  for (let d = 1; d <= 1_024; d++) parts[d]! += parts[d - 1]!;
  const at = parts.slice(0, 1_024);
  moveByDigit(entries, scratch, 0, m, 22, at);
  const low = new Uint32Array(2_049);
  const middle = new Uint32Array(2_049);
  for (let p = 0; p < 1_024; p++) {
    const start = parts[p]!;
    const end = parts[p + 1]!;
    // A part of one entry is already in its place.
    if (end - start < 2) continue;
    low.fill(0);
    middle.fill(0);
    const partKeys = scratch.low;
    for (let x = start; x < end; x++) {
      const k = partKeys[x]!;
      low[(k & 0x7ff) + 1]!++;
      middle[((k >>> 11) & 0x7ff) + 1]!++;
    }
    low[0] = middle[0] = start;
    for (let d = 1; d <= 2_048; d++) {
      low[d]! += low[d - 1]!;
      middle[d]! += middle[d - 1]!;
    }
    moveByDigit(scratch, entries, start, end, 0, low);
    moveByDigit(entries, scratch, start, end, 11, middle);
  }
  return scratch;
}

/**
 * Groups the records by the keys of `rule`: every (key, record) entry, in record order, is sorted
 * by the key's low 32 bits (a stable radix sort, so each block keeps record order); the rare run of
 * equal low bits with different high bits (two keys colliding there) is split by the high bits.
 * The sort carries each entry's record along, and its entry when asked for (reading an entry's
 * record afterwards by its entry, a random read per entry, was a fifth of this function's time at
 * 200,000 registrations). The blocks are built in place in the sorted arrays, and their keys in
 * the arrays the keys were written to (free once sorted): no array of the entries' size besides
 * the sort's.
 */
export function blocksOf<R>(
  records: readonly R[],
  rule: BlockingRule<R>,
  withEntries: boolean,
  space: Workspace,
): Blocks {
  // Each rule writes its keys straight into the entry arrays (no array per record).
  const writer = new EntryWriter(space, Math.max(16, records.length * 2));
  // With entries: where each record's entries begin (they are in record order).
  const firstEntry = withEntries ? space.get('first-entry', records.length + 1, 0, 0) : undefined;
  for (let i = 0; i < records.length; i++) {
    if (firstEntry) firstEntry[i] = writer.m;
    writer.record = i;
    rule.keys(records[i]!, writer);
  }
  const m = writer.m;
  if (firstEntry) firstEntry[records.length] = m;
  let entry: Uint32Array | undefined;
  if (withEntries) {
    entry = space.get('entry', m);
    for (let x = 0; x < m; x++) entry[x] = x;
  }
  const sorted = radixSortByLow({ low: writer.low, high: writer.high, record: writer.member, entry }, m, {
    low: space.get('scratch-low', m),
    high: space.get('scratch-high', m),
    record: space.get('scratch-record', m),
    entry: withEntries ? space.get('scratch-entry', m) : undefined,
  });
  const { low, high, record: members, entry: entries } = sorted;
  // Runs of equal low bits holding more than one high value: sorted by high (stable, so each
  // block stays in record order).
  for (let from = 0; from < m;) {
    let to = from + 1;
    let mixed = false;
    while (to < m && low[to] === low[from]) {
      if (high[to] !== high[from]) mixed = true;
      to++;
    }
    if (mixed) {
      const order = Array.from({ length: to - from }, (_, x) => from + x).sort(
        (p, q) => high[p]! - high[q]! || p - q,
      );
      const h = order.map((x) => high[x]!);
      const c = order.map((x) => members[x]!);
      const e = entries ? order.map((x) => entries[x]!) : undefined;
      for (let x = 0; x < order.length; x++) {
        high[from + x] = h[x]!;
        members[from + x] = c[x]!;
        if (e) entries![from + x] = e[x]!;
      }
    }
    from = to;
  }
  // The blocks' keys where the unsorted keys were; their members (and entries) compacted in place
  // (what is kept never overtakes what is read).
  const blockLow = writer.low;
  const blockHigh = writer.high;
  const blockStart = space.get('block-start', m + 1);
  let blocks = 0;
  let kept = 0;
  let previous = -1;
  for (let x = 0; x < m; x++) {
    const record = members[x]!;
    const newBlock = x === 0 || low[x] !== low[x - 1] || high[x] !== high[x - 1];
    if (newBlock) {
      blockLow[blocks] = low[x]!;
      blockHigh[blocks] = high[x]!;
      blockStart[blocks++] = kept;
    } else if (record === previous) continue; // A record filed twice under one key: its first.
    previous = record;
    if (entries) entries[kept] = entries[x]!;
    members[kept++] = record;
  }
  blockStart[blocks] = kept;
  return {
    members,
    entries,
    entryCount: m,
    firstEntry,
    blockStart,
    low: blockLow,
    high: blockHigh,
    blocks,
  };
}

/**
 * The side-1 block of the bipartite block `b` (side 0: even key), or −1: the block of key + 1,
 * next in the order unless a colliding key of the same low bits sorts between them.
 */
function otherSide(t: Blocks, b: number): number {
  const low = t.low[b]!;
  if (low % 2 !== 0) return -1;
  for (let c = b + 1; c < t.blocks && t.low[c]! <= low + 1; c++)
    if (t.low[c] === low + 1 && t.high[c] === t.high[b]) return c;
  return -1;
}

/**
 * Blocks larger than this are compared by sorted neighbourhood: a block of every "María González"
 * of a year grows with the population (at 1,000,000 registrations blocks of hundreds), while 20
 * records of one key are already weak evidence (bench/README.md, "Blocking at 1M").
 */
export const DEFAULT_MAX_BLOCK = 20;

/** Width of the sorted neighbourhood inside a block over `maxBlock` (`CandidateOptions.window`). */
export const DEFAULT_WINDOW = 8;

/** Pairs per bipartite block above which the block is skipped (an over-common key). */
export const DEFAULT_MAX_BIPARTITE_PAIRS = 100;

/**
 * The candidate pairs of `records` under `rules`, each pair once, i < j, sorted; `perRule` counts
 * each pair for the first rule that found it.
 */
export function candidatePairs<R extends { source: string }>(
  records: readonly R[],
  rules: readonly BlockingRule<R>[],
  options: CandidateOptions = {},
): Candidates {
  const found = findPairs(records, rules, options);
  return dedupePairs(
    records.length,
    [found],
    rules.map((rule) => rule.name),
  );
}

/**
 * The pairs some rules found, before de-duplication: each as its smaller record (`first`) and
 * larger record · 32 + the rule's index (`second`), in the order found, in chunks (each full but
 * the last, which holds `count` minus the others'). Chunks, not one array grown by doubling: at
 * 1,000,000 registrations there are tens of millions of pairs, and each doubling copied them into
 * fresh arrays (memory outside the heap that made the collector run).
 */
export interface FoundPairs {
  first: Uint32Array[];
  second: Uint32Array[];
  count: number;
  skippedBlocks: number;
}

/** Pairs in the first chunk of `FoundPairs` once it is full size (16 MB per array). */
export const PAIR_CHUNK = 1 << 22;

/** Room per record in each later chunk of `FoundPairs`. */
const PAIRS_PER_RECORD = 16;

/**
 * Puts record `j` of closeness `score` among the `count` closest so far (`best`, `scores`: highest
 * first), after the equal ones (the one met first wins a tie), or leaves it out.
 */
export function keepClosest(best: number[], scores: number[], j: number, score: number, count: number): void {
  let at = scores.length;
  while (at > 0 && scores[at - 1]! < score) at--;
  if (at >= count) return;
  scores.splice(at, 0, score);
  best.splice(at, 0, j);
  if (scores.length > count) {
    scores.pop();
    best.pop();
  }
}

/** Takes every rule in order: the rule's index, or −1 when there is none left. */
function inOrder(rules: number): () => number {
  let next = 0;
  return () => (next < rules ? next++ : -1);
}

/**
 * The pairs of the rules that `take` hands out (the index of the next rule to block on, −1 when
 * done; by default every rule in order). Threads that share one counter (parallel.ts) each block
 * on the rules they take, and `dedupePairs` merges what they found: the same pairs as one thread.
 */
export function findPairs<R extends { source: string }>(
  records: readonly R[],
  rules: readonly BlockingRule<R>[],
  options: CandidateOptions = {},
  take: () => number = inOrder(rules.length),
): FoundPairs {
  const maxBlock = options.maxBlock ?? DEFAULT_MAX_BLOCK;
  const window = options.window ?? DEFAULT_WINDOW;
  const maxBipartite = options.maxBipartitePairs ?? DEFAULT_MAX_BIPARTITE_PAIRS;
  const sources = new Map<string, number>();
  const source = Uint16Array.from(records, (r) => {
    let s = sources.get(r.source);
    if (s === undefined) sources.set(r.source, (s = sources.size));
    return s;
  });
  const linkOnly = options.linkOnly ?? false;
  const rank = options.rank;
  const looksInside = options.nearest ?? records.length <= NEAREST_UP_TO;
  // The records in rank order, when the ranks are a permutation of the records (personRank's
  // are): a large block is then put in rank order by sorting its ranks as numbers (the typed
  // array's own sort) and reading each rank's record, instead of a sort calling a comparison
  // function (the same order: no two records share a rank).
  const byRank = rank ? inversePermutation(rank, records.length) : undefined;
  // Every pair found, as its smaller record and (larger record · 32 + rule), in the order found;
  // bucketing by the smaller record then puts a pair's copies together, the earliest rule first
  // (Splink's order-dependent de-duplication).
  if (records.length >= 2 ** 27 || rules.length > 32) throw new Error('Too many records or rules to block.');
  const firsts: Uint32Array[] = [];
  const seconds: Uint32Array[] = [];
  // The chunk being filled (a small one first: most calls find few pairs) and its fill.
  let first = new Uint32Array(1 << 12);
  let second = new Uint32Array(1 << 12);
  let fill = 0;
  let count = 0;
  const push = (i: number, j: number, r: number) => {
    // A record on both sides of a typo block (its second surname is a correction of its first).
    if (i === j || (linkOnly && source[i] === source[j])) return;
    if (fill === first.length) {
      if (first.length < PAIR_CHUNK) {
        // Still small: grown (copied) up to a whole chunk.
        const grownFirst = new Uint32Array(Math.min(PAIR_CHUNK, first.length * 8));
        grownFirst.set(first);
        first = grownFirst;
        const grownSecond = new Uint32Array(grownFirst.length);
        grownSecond.set(second);
        second = grownSecond;
      } else {
        firsts.push(first);
        seconds.push(second);
        // Then chunks with room for many pairs per record: each chunk made is memory outside the
        // heap, and each 64 MB more of it makes V8 collect the whole heap (see `Workspace`); the
        // room not written to costs no memory.
        const size = Math.max(PAIR_CHUNK, records.length * PAIRS_PER_RECORD);
        first = new Uint32Array(size);
        second = new Uint32Array(size);
        fill = 0;
      }
    }
    count++;
    if (i < j) {
      first[fill] = i;
      second[fill++] = j * 32 + r;
    } else {
      first[fill] = j;
      second[fill++] = i * 32 + r;
    }
  };
  let skippedBlocks = 0;
  const space = options.space ?? blockingWorkspace(records.length);
  // A large block's records, put in rank order (reused from block to block).
  let neighbours = new Uint32Array(64);
  // The best side-0 records found so far for one side-1 record, and their closeness.
  const bestRecord: number[] = [];
  const bestScore: number[] = [];
  // One rule's blocks at a time: only its table is held while its pairs are generated.
  for (let r = take(); r >= 0; r = take()) blockOn(rules[r]!, r);
  firsts.push(first);
  seconds.push(second);
  return { first: firsts, second: seconds, count, skippedBlocks };

  /**
   * Side-1 record `i` (its entries `first` to `end`) meets the `near.count` side-0 records of its
   * over-cap blocks (`over`) closest to it, each once, not one it has already met under the rule.
   */
  function nearestIn(
    i: number,
    first: number,
    end: number,
    over: Int32Array,
    seen: Int32Array,
    t: Blocks,
    near: NonNullable<BlockingRule<R>['nearest']>,
    r: number,
  ): void {
    bestRecord.length = 0;
    bestScore.length = 0;
    const me = records[i]!;
    for (let e = first; e < end; e++) {
      const b = over[e]!;
      if (b < 0) continue;
      for (let x = t.blockStart[b]!; x < t.blockStart[b + 1]!; x++) {
        const j = t.members[x]!;
        if (j === i || seen[j] === i || bestRecord.includes(j)) continue;
        keepClosest(bestRecord, bestScore, j, near.closeness(me, records[j]!), near.count);
      }
    }
    for (const j of bestRecord) {
      seen[j] = i;
      push(i, j, r);
    }
  }

  function blockOn(rule: BlockingRule<R>, r: number): void {
    const t = blocksOf(records, rule, rule.bipartite === true && rule.perRecord !== undefined, space);
    if (rule.bipartite) {
      const cap = Math.min(maxBipartite, rule.maxPairs ?? Infinity);
      const budget = rule.perRecord;
      // With a budget: the side-0 block each side-1 entry meets, visited below in entry order.
      let meets: Int32Array | undefined;
      if (budget !== undefined) meets = space.getInt32('meets', t.entryCount).fill(-1, 0, t.entryCount);
      // With a look inside over-cap blocks: the over-cap block's side 0 each side-1 entry may rank.
      const near = budget !== undefined && looksInside ? rule.nearest : undefined;
      const over = near ? space.getInt32('over', t.entryCount).fill(-1, 0, t.entryCount) : undefined;
      // Side 0 of a block (even key) is followed by its side 1 (key + 1): pair across them.
      for (let b = 0; b + 1 < t.blocks; b++) {
        const c = otherSide(t, b);
        if (c < 0) continue;
        const from = t.blockStart[b]!;
        const middle = t.blockStart[b + 1]!;
        const start = t.blockStart[c]!;
        const to = t.blockStart[c + 1]!;
        if ((middle - from) * (to - start) > cap) {
          skippedBlocks++;
          if (over && middle - from <= near!.scan) for (let y = start; y < to; y++) over[t.entries![y]!] = b;
          continue;
        }
        if (meets) for (let y = start; y < to; y++) meets[t.entries![y]!] = b;
        else
          for (let x = from; x < middle; x++)
            for (let y = start; y < to; y++) push(t.members[x]!, t.members[y]!, r);
      }
      if (meets && budget !== undefined) {
        // Each side-1 record's keys in its own order: whole blocks while they fit its budget.
        // Which records a side-1 record has met (the array reused from rule to rule).
        const seen = space.getInt32('seen', records.length, 0).fill(-1, 0, records.length);
        const firstEntry = t.firstEntry!;
        let current = -1;
        let used = 0;
        for (let i = 0; i < records.length; i++) {
          for (let e = firstEntry[i]!; e < firstEntry[i + 1]!; e++) {
            const b = meets[e]!;
            if (b < 0) continue;
            if (i !== current) {
              current = i;
              used = 0;
              seen[i] = i;
            }
            const from = t.blockStart[b]!;
            const to = t.blockStart[b + 1]!;
            // The records not met yet are counted only when the whole block would not fit (a
            // block's records are distinct: those pushed below are its fresh ones). Each count is
            // a random read per record, the largest line of the budget's walk at 1,000,000.
            if (used + (to - from) > budget) {
              let fresh = 0;
              for (let x = from; x < to; x++) if (seen[t.members[x]!] !== i) fresh++;
              if (used + fresh > budget) continue;
            }
            for (let x = from; x < to; x++) {
              const j = t.members[x]!;
              if (seen[j] === i) continue;
              seen[j] = i;
              used++;
              push(i, j, r);
            }
          }
          if (over) nearestIn(i, firstEntry[i]!, firstEntry[i + 1]!, over, seen, t, near!, r);
        }
      }
      return;
    }
    for (let b = 0; b < t.blocks; b++) {
      const from = t.blockStart[b]!;
      const to = t.blockStart[b + 1]!;
      const size = to - from;
      if (size < 2) continue;
      if (size <= maxBlock) {
        for (let x = from; x < to; x++)
          for (let y = x + 1; y < to; y++) push(t.members[x]!, t.members[y]!, r);
        continue;
      }
      skippedBlocks++;
      if (neighbours.length < size) neighbours = new Uint32Array(Math.max(size, neighbours.length * 2));
      const sorted = neighbours.subarray(0, size);
      sorted.set(t.members.subarray(from, to));
      if (byRank) {
        for (let x = 0; x < size; x++) sorted[x] = rank![sorted[x]!]!;
        sorted.sort();
        for (let x = 0; x < size; x++) sorted[x] = byRank[sorted[x]!]!;
      } else if (rank) sorted.sort((p, q) => rank[p]! - rank[q]!);
      for (let x = 0; x < size; x++)
        for (let y = x + 1; y < Math.min(size, x + window); y++) push(sorted[x]!, sorted[y]!, r);
    }
  }
}

/** The record of each rank (`rank` a permutation of 0 … n − 1), or undefined when it is not one. */
function inversePermutation(rank: Uint32Array, n: number): Uint32Array | undefined {
  if (rank.length < n) return undefined;
  const byRank = new Uint32Array(n).fill(0xffffffff);
  for (let i = 0; i < n; i++) {
    const at = rank[i]!;
    if (at >= n || byRank[at] !== 0xffffffff) return undefined;
    byRank[at] = i;
  }
  return byRank;
}

/**
 * The candidate pairs, each once, from what one or more `findPairs` found over `records` records
 * (the arrays of `found` are released): each thread's pairs bucketed (`bucketPairs`), then merged
 * (`mergeBuckets`), so a pair's copies meet and the one of the earliest rule comes first,
 * whichever thread found it.
 */
export function dedupePairs(records: number, found: FoundPairs[], ruleNames: readonly string[]): Candidates {
  return mergeBuckets(
    records,
    found.map((f) => bucketPairs(records, f)),
    ruleNames,
  );
}

/**
 * One thread's pairs by their smaller record: record i's partners, each as larger record · 32 +
 * the earliest rule that thread found the pair by, once and in increasing order, are
 * `partners[starts[i]]` to `partners[starts[i + 1]]`.
 */
export interface BucketedPairs {
  starts: Uint32Array;
  partners: Uint32Array;
  skippedBlocks: number;
}

/**
 * The pairs one thread found, by their smaller record (a counting sort), each record's few
 * partners sorted and each kept once, for its earliest rule (the arrays of `found` are released).
 * Each thread buckets its own pairs, at the same time (parallel.ts): at 1,000,000 registrations
 * this was a sixth of the block phase on the calling thread alone (bench/README.md, "The 1M batch:
 * the block phase").
 */
export function bucketPairs(records: number, found: FoundPairs): BucketedPairs {
  const count = found.count;
  const starts = new Uint32Array(records + 1);
  // Each chunk of the pairs and how many it holds (every chunk full but the last).
  const chunks = (each: (first: Uint32Array, second: Uint32Array, n: number) => void) => {
    let before = 0;
    for (let c = 0; c < found.first.length; c++) {
      const n = Math.min(found.first[c]!.length, count - before);
      each(found.first[c]!, found.second[c]!, n);
      before += n;
    }
  };
  chunks((first, _, n) => {
    for (let k = 0; k < n; k++) starts[first[k]! + 1]!++;
  });
  for (let i = 0; i < records; i++) starts[i + 1]! += starts[i]!;
  const bucketed = new Uint32Array(count);
  {
    const at = starts.slice(0, records);
    chunks((first, second, n) => {
      for (let k = 0; k < n; k++) bucketed[at[first[k]!]!++] = second[k]!;
    });
    found.first = found.second = [];
    found.count = 0;
  }
  // Each record's partners sorted and written once, in place (`bucketed` from its start: what is
  // kept never overtakes what is read); `starts` becomes where each record's kept pairs begin.
  let kept = 0;
  let from = 0;
  for (let i = 0; i < records; i++) {
    const to = starts[i + 1]!;
    if (to - from > 32) bucketed.subarray(from, to).sort();
    else
      for (let x = from + 1; x < to; x++) {
        const v = bucketed[x]!;
        let y = x - 1;
        while (y >= from && bucketed[y]! > v) {
          bucketed[y + 1] = bucketed[y]!;
          y--;
        }
        bucketed[y + 1] = v;
      }
    starts[i] = kept;
    let previous = -1;
    for (let x = from; x < to; x++) {
      const v = bucketed[x]!;
      const j = v >>> 5;
      if (j === previous) continue;
      previous = j;
      bucketed[kept++] = v;
    }
    from = to;
  }
  starts[records] = kept;
  return { starts, partners: bucketed.subarray(0, kept), skippedBlocks: found.skippedBlocks };
}

/**
 * The candidate pairs, each once, from every thread's bucketed pairs: each record's partners
 * merged in order (a pair found by several threads kept once, for the earliest rule: the lowest
 * bits come first), `perRule` counting each pair for that rule.
 */
export function mergeBuckets(
  records: number,
  parts: readonly BucketedPairs[],
  ruleNames: readonly string[],
): Candidates {
  const perRuleCount = new Array<number>(ruleNames.length).fill(0);
  let skippedBlocks = 0;
  for (const part of parts) skippedBlocks += part.skippedBlocks;
  let left: Uint32Array;
  let right: Uint32Array;
  if (parts.length === 1) {
    // One thread's: its pairs as they are.
    const { starts, partners } = parts[0]!;
    left = new Uint32Array(partners.length);
    right = new Uint32Array(partners.length);
    for (let i = 0; i < records; i++) left.fill(i, starts[i]!, starts[i + 1]!);
    for (let x = 0; x < partners.length; x++) {
      const v = partners[x]!;
      right[x] = v >>> 5;
      perRuleCount[v & 31]!++;
    }
  } else {
    // Twice: counting the pairs kept, then writing them into arrays of that size.
    const kept = mergeInto(records, parts);
    left = new Uint32Array(kept);
    right = new Uint32Array(kept);
    mergeInto(records, parts, left, right, perRuleCount);
  }
  const perRule = Object.fromEntries(ruleNames.map((name, r) => [name, perRuleCount[r]!]));
  return { left, right, count: left.length, perRule, skippedBlocks };
}

/** The pairs `mergeBuckets` keeps, written to `left` and `right` when given; how many. */
function mergeInto(
  records: number,
  parts: readonly BucketedPairs[],
  left?: Uint32Array,
  right?: Uint32Array,
  perRule?: number[],
): number {
  const k = parts.length;
  if (k === 2) return mergeTwo(records, parts[0]!, parts[1]!, left, right, perRule);
  const starts = parts.map((p) => p.starts);
  const partners = parts.map((p) => p.partners);
  const at = new Uint32Array(k);
  const end = new Uint32Array(k);
  let kept = 0;
  for (let i = 0; i < records; i++) {
    for (let p = 0; p < k; p++) {
      at[p] = starts[p]![i]!;
      end[p] = starts[p]![i + 1]!;
    }
    let previous = -1;
    for (;;) {
      // The smallest next partner of any thread.
      let best = -1;
      let v = 0;
      for (let p = 0; p < k; p++)
        if (at[p]! < end[p]!) {
          const w = partners[p]![at[p]!]!;
          if (best < 0 || w < v) {
            best = p;
            v = w;
          }
        }
      if (best < 0) break;
      at[best]!++;
      const j = v >>> 5;
      if (j === previous) continue;
      previous = j;
      if (left && right && perRule) {
        left[kept] = i;
        right[kept] = j;
        perRule[v & 31]!++;
      }
      kept++;
    }
  }
  return kept;
}

/**
 * `mergeInto` for two threads' pairs (the batch on two cores): each record's two sorted lists of
 * partners merged by one comparison per pair, not the search over any number of threads.
 */
function mergeTwo(
  records: number,
  one: BucketedPairs,
  two: BucketedPairs,
  left?: Uint32Array,
  right?: Uint32Array,
  perRule?: number[],
): number {
  const { starts: startsA, partners: a } = one;
  const { starts: startsB, partners: b } = two;
  const write = left !== undefined && right !== undefined && perRule !== undefined;
  let kept = 0;
  for (let i = 0; i < records; i++) {
    let x = startsA[i]!;
    const endA = startsA[i + 1]!;
    let y = startsB[i]!;
    const endB = startsB[i + 1]!;
    if (!write && x === endA) {
      kept += endB - y;
      continue;
    }
    if (!write && y === endB) {
      kept += endA - x;
      continue;
    }
    let previous = -1;
    while (x < endA || y < endB) {
      // The smaller next partner (on a tie of records, the earlier rule: its lower bits).
      let v: number;
      if (y === endB || (x < endA && a[x]! <= b[y]!)) v = a[x++]!;
      else v = b[y++]!;
      const j = v >>> 5;
      if (j === previous) continue;
      previous = j;
      if (write) {
        left[kept] = i;
        right[kept] = j;
        perRule[v & 31]!++;
      }
      kept++;
    }
  }
  return kept;
}

/**
 * The name keys of `vocab` one typo away from a given one (one letter wrong, missing, added, or two
 * swapped), found once per word by the deletion neighbourhood (two words one edit apart share a
 * word with one letter deleted, or one is the other with a letter deleted): the typo rules block
 * on these pairs of distinct words, not on every record with the same initial.
 */
export function typoNeighbours(vocab: Vocabulary): (id: number) => readonly number[] {
  const deletions = (w: string) => {
    const out = new Set<string>();
    for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
    return out;
  };
  // Name keys of the population (counted occurrences), of 3 letters or more.
  const byDeletion = new Map<string, number[]>();
  const known = new Map<string, number>();
  vocab.words.forEach((w, id) => {
    if (vocab.counts[id] === 0 || w.length < 3) return;
    known.set(w, id);
    for (const d of deletions(w)) {
      const list = byDeletion.get(d);
      if (list) list.push(id);
      else byDeletion.set(d, [id]);
    }
  });
  const cache = new ListById(vocab.words.length);
  return (id) => {
    let found = cache.get(id);
    if (found) return found;
    const w = vocab.words[id]!;
    const near = new Set<number>();
    if (w.length >= 3) {
      for (const u of byDeletion.get(w) ?? []) near.add(u);
      for (const d of deletions(w)) {
        const u = known.get(d);
        if (u !== undefined) near.add(u);
        for (const v of byDeletion.get(d) ?? []) near.add(v);
      }
    }
    near.delete(id);
    found = [...near].filter((u) => damerauWithin(w, vocab.words[u]!, 1) <= 1);
    cache.set(id, found);
    return found;
  };
}

/**
 * Numbers cached by vocabulary id: a typed array for the ids the vocabulary had when made (a Map
 * lookup for every record under every rule was a tenth of key building), a Map for later ones.
 */
class NumberById {
  private readonly fixed: Float64Array;
  private readonly later = new Map<number, number>();
  constructor(size: number) {
    this.fixed = new Float64Array(size).fill(Number.NaN);
  }
  get(id: number): number | undefined {
    if (id >= this.fixed.length) return this.later.get(id);
    const v = this.fixed[id]!;
    return Number.isNaN(v) ? undefined : v;
  }
  set(id: number, value: number): void {
    if (id < this.fixed.length) this.fixed[id] = value;
    else this.later.set(id, value);
  }
}

/**
 * Lists cached by vocabulary id, as `NumberById` numbers: an array for the ids the vocabulary had
 * when made (a Map looked up by id for every record under a dozen rules was 5 % of blocking at
 * 300,000 registrations: bench/README.md, "The block phase: the sort and the merge"), a Map for
 * later ones.
 */
class ListById {
  private readonly fixed: (readonly number[] | undefined)[];
  private readonly later = new Map<number, readonly number[]>();
  constructor(size: number) {
    this.fixed = new Array<readonly number[] | undefined>(size).fill(undefined);
  }
  get(id: number): readonly number[] | undefined {
    return id < this.fixed.length ? this.fixed[id] : this.later.get(id);
  }
  set(id: number, value: readonly number[]): void {
    if (id < this.fixed.length) this.fixed[id] = value;
    else this.later.set(id, value);
  }
}

/** The number written by the decimal digits `text[from … to)`, or −1 when one is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let x = from; x < to; x++) {
    const c = text.charCodeAt(x) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** Years either side of an estimated age's birth year that the estimate rules reach. */
const ESTIMATE_SPAN = 8;

/**
 * Blocking rules for persons, in order: document; date of birth with any name key (given or
 * surname, so swapped name fields still meet); year of birth (±2 for an estimated age) with the
 * first given name (nicknames resolved) and a surname; given name with all surnames; year with both
 * surnames; date of birth with the place; the document with two neighbouring characters in order
 * (transposed digits); name prefixes with the year (typos); compound given names with the year (a
 * surname dropped);
 * address with postcode. Names are phonetic keys, so spelling variants share a block; a surname
 * rule files a record under each surname, so swapped or dropped surnames still meet.
 */
export function personBlockingRules(vocab: Vocabulary): BlockingRule<Prepared>[] {
  // Keys hash stable word hashes, not ids: two institutions encoding apart get the same keys.
  const h = (key: number) => vocab.stable[key]!;
  // A value's stable hash, as the vocabulary would give it, without interning it.
  const id = (text: string | null) => (text === null ? -1 : stableHash(text));
  // Caches by word id (looked up for every record under every rule).
  const prefixes = new NumberById(vocab.words.length);
  const prefix = (key: number) => {
    let p = prefixes.get(key);
    if (p === undefined) {
      p = h(vocab.id(`${vocab.words[key]!.slice(0, 2)}\u0001`));
      prefixes.set(key, p);
    }
    return p;
  };
  const initials = new NumberById(vocab.words.length);
  const initial = (key: number) => {
    let p = initials.get(key);
    if (p === undefined) {
      p = h(vocab.id(`${vocab.words[key]!.slice(0, 1)}\u0002`));
      initials.set(key, p);
    }
    return p;
  };
  // The lists of years below are made once per year (and kind) and shared by every record and
  // rule that asks (never changed): not an array per record, rule and loop.
  const yearLists = new Map<number, readonly number[]>();
  const yearList = (key: number, make: () => number[]): readonly number[] => {
    let list = yearLists.get(key);
    if (list === undefined) {
      list = make();
      yearLists.set(key, list);
    }
    return list;
  };
  const none: readonly number[] = [];
  const years = (r: Prepared): readonly number[] => {
    const y = r.year;
    if (y === null) return none;
    return r.dob !== null
      ? yearList(y * 4, () => [y])
      : yearList(y * 4 + 1, () => [y - 2, y - 1, y, y + 1, y + 2]);
  };
  // The years an estimated age may stand for (estimates are often 5 or more years off), nearest
  // first: the order in which a record's budget (`perRecord`) takes them.
  const estimateYears = (r: Prepared): readonly number[] => {
    const y = r.year!;
    return yearList(y * 4 + 2, () => {
      const out = [y];
      for (let d = 1; d <= ESTIMATE_SPAN; d++) out.push(y - d, y + d);
      return out;
    });
  };
  // The years beyond `estimateYears` up to twice its span, nearest first: where two estimates of
  // one person may stand apart.
  const twoEstimateYears = (r: Prepared): readonly number[] => {
    const y = r.year!;
    return yearList(-(y * 4 + 2) - 1, () => {
      const out: number[] = [];
      for (let d = ESTIMATE_SPAN + 1; d <= 2 * ESTIMATE_SPAN; d++) out.push(y - d, y + d);
      return out;
    });
  };
  // A year alone (often off by one or two), nearest first; a full date's own year.
  const yearsNearest = (r: Prepared): readonly number[] => {
    const y = r.year!;
    return r.dob !== null
      ? yearList(y * 4, () => [y])
      : yearList(y * 4 + 3, () => [y, y - 1, y + 1, y - 2, y + 2]);
  };
  const FEMALE = stableHash('f');
  const MALE = stableHash('m');
  // The sex as a key part (female / f, male / m); a record without one is filed under both.
  const BOTH: readonly number[] = [FEMALE, MALE];
  const ONLY_FEMALE: readonly number[] = [FEMALE];
  const ONLY_MALE: readonly number[] = [MALE];
  const sexKeys = (r: Prepared): readonly number[] =>
    r.sex === null
      ? BOTH
      : r.sex[0] === 'f'
        ? ONLY_FEMALE
        : r.sex[0] === 'm'
          ? ONLY_MALE
          : [stableHash(r.sex)];
  // Side 0: each name with the sex under the record's own year; side 1 (when `meets`): under
  // every year its birth may stand for, nearest first (the order its budget takes them in).
  const nameSexYears = (
    out: KeySink,
    tag: number,
    names: readonly number[],
    r: Prepared,
    meets: boolean,
    extra: number | null = null,
  ): void => {
    let sexes = sexKeys(r);
    if (extra !== null) {
      scratchSexes.length = 0;
      for (let x = 0; x < sexes.length; x++) scratchSexes.push(mix2(sexes[x]!, extra));
      sexes = scratchSexes;
    }
    addOver(out, tag, r.year!, names, sexes, 0);
    if (meets) {
      const ys = r.estimated ? estimateYears(r) : yearsNearest(r);
      for (let x = 0; x < ys.length; x++) addOver(out, tag, ys[x]!, names, sexes, 1);
    }
  };
  // A place's stable hash, kept by its text (a few thousand districts, departments and
  // postcodes; each rule asked for it again for every record, hashing the text each time).
  const placeIds = new Map<string, number>();
  const placeId = (text: string | null): number => {
    if (text === null) return -1;
    let value = placeIds.get(text);
    if (value === undefined) placeIds.set(text, (value = stableHash(text)));
    return value;
  };
  const place = (r: Prepared) => placeId(r.district ?? r.department ?? r.postcode);
  const region = (r: Prepared) => placeId(r.department ?? r.postcode);
  // The date as year · 10,000 + day and month in a fixed order (the smaller first): a date
  // written with day and month swapped files under the same key (the comparisons then tell a swap
  // from two different dates). Read from the digits' character codes (a look-up in a Map by the
  // text, for every record under 8 rules, was 5 % of blocking at 200,000 registrations); a date
  // that is not 8 digits is kept by its text as the slices give it.
  const dates = new Map<string, number>();
  const dobEither = (r: Prepared): number => {
    const dob = r.dob!;
    if (dob.length === 8) {
      const y = digits(dob, 0, 4);
      const m = digits(dob, 4, 6);
      const d = digits(dob, 6, 8);
      if (y >= 0 && m >= 0 && d >= 0) return y * 10_000 + Math.min(m, d) * 100 + Math.max(m, d);
    }
    let value = dates.get(dob);
    if (value === undefined) {
      const m = Number(dob.slice(4, 6));
      const d = Number(dob.slice(6, 8));
      value = Number(dob.slice(0, 4)) * 10_000 + Math.min(m, d) * 100 + Math.max(m, d);
      dates.set(dob, value);
    }
    return value;
  };
  // The day and month alone (in the same order).
  const birthdayEither = (r: Prepared) => dobEither(r) % 10_000;
  // The Guaraní diminutive -mi ("dear") or a glued -’i after any name, not only a listed one
  // (Jasymi, Yvymi for Jasy, Yvy): the name key of the word without it, for blocking only (the
  // comparisons decide whether the two names are one).
  // By word id: the stem's id, −1 for none.
  const stems = new NumberById(vocab.words.length);
  const guaraniStem = (w: number): number | undefined => {
    let stem = stems.get(w);
    if (stem === undefined) {
      const word = vocab.words[w]!;
      const cut =
        word.endsWith('mi') && word.length >= 5 ? 2 : word.endsWith('i') && word.length >= 4 ? 1 : 0;
      stem = (cut === 0 ? undefined : vocab.find(phoneticKey(word.slice(0, -cut)))) ?? -1;
      stems.set(w, stem);
    }
    return stem < 0 ? undefined : stem;
  };
  // The date with the initials of two different name words, written or phonetic (Lleticia: l or
  // y), each pair sorted: typos in every name usually keep two initials, and two shared initials
  // keep a date's block small at national scale (one shared initial made 10 M pairs at 1,000,000
  // registrations). Repeated keys are dropped when the blocks are built.
  const initialKeys = (r: Prepared, date: number, out: KeySink): void => {
    const written = scratchWritten;
    const phonetic = scratchPhonetic;
    written.length = 0;
    phonetic.length = 0;
    for (let x = 0; x < r.givenWords.length; x++) written.push(r.givenWords[x]!);
    for (let x = 0; x < r.surnameWords.length; x++) written.push(r.surnameWords[x]!);
    for (let x = 0; x < r.given.length; x++) phonetic.push(r.given[x]!);
    for (let x = 0; x < r.surnames.length; x++) phonetic.push(r.surnames[x]!);
    const add = (x: number, y: number) => out.add(x < y ? mix4(16, date, x, y) : mix4(16, date, y, x));
    for (let a = 0; a < written.length; a++) {
      const a1 = initial(written[a]!);
      const a2 = initial(phonetic[a]!);
      for (let b = a + 1; b < written.length; b++) {
        const b1 = initial(written[b]!);
        const b2 = initial(phonetic[b]!);
        add(a1, b1);
        if (a2 !== a1) add(a2, b1);
        if (b2 !== b1) add(a1, b2);
        if (a2 !== a1 && b2 !== b1) add(a2, b2);
      }
    }
  };
  const typos = typoNeighbours(vocab);
  // The likely corrections of a written name word `w`, as name keys: the phonetic keys of the
  // written words one typo away from it and more frequent (ties broken by hash), other than its
  // own key. Of two such words only the rarer reaches the other. Typos are made in writing, so
  // they are looked for among written words, not keys ("Sáncphez" is one letter from "Sánchez").
  const corrections = new ListById(vocab.words.length);
  const likelier = (w: number): readonly number[] => {
    let found = corrections.get(w);
    if (found === undefined) {
      const count = (x: number) => vocab.counts[x] ?? 0;
      const keyOf = (x: number) => {
        const k = vocab.keys.get(vocab.words[x]!);
        return k === undefined ? undefined : vocab.find(k.key);
      };
      const own = keyOf(w);
      const keys = new Set<number>();
      for (const t of typos(w)) {
        if (!(count(t) > count(w) || (count(t) === count(w) && h(t) < h(w)))) continue;
        const k = keyOf(t);
        if (k !== undefined && k !== own) keys.add(k);
      }
      found = [...keys];
      corrections.set(w, found);
    }
    return found;
  };
  // Scratch lists reused by every record under every rule (a rule writes one record's keys before
  // the next record's, never two at once): building keys makes no array, Set or spread per record
  // and rule (bench/README.md, "The block phase: keys without arrays"). The keys and their order
  // are those the arrays gave before.
  const scratchSurnames: number[] = [];
  const scratchGiven: number[] = [];
  const scratchNames: number[] = [];
  const scratchPairs: number[] = [];
  const scratchSexes: number[] = [];
  const scratchWritten: number[] = [];
  const scratchPhonetic: number[] = [];
  /** Appends `x` to `list` unless `list` holds it from `from` on. */
  const addUnique = (list: number[], x: number, from = 0): void => {
    // A loop, not `includes`: the lists hold a few names, and the call cost more than the search.
    for (let y = from; y < list.length; y++) if (list[y] === x) return;
    list.push(x);
  };
  // Whether no word of a record's given-name field is a name the nickname list knows (1 or 0 by
  // word id, looked up once per word).
  const knownGiven = new NumberById(vocab.words.length);
  const looksCrossed = (r: Prepared): boolean => {
    for (let x = 0; x < r.givenWords.length; x++) {
      const w = r.givenWords[x]!;
      let known = knownGiven.get(w);
      if (known === undefined) knownGiven.set(w, (known = isKnownGivenName(vocab.words[w]!) ? 1 : 0));
      if (known === 1) return false;
    }
    return r.givenWords.length > 0;
  };
  const scratchCrossedGiven: number[] = [];
  const scratchCrossedNames: number[] = [];
  /** The surnames' stable hashes, each once, sorted, written into `into`. */
  const surnamesInto = (r: Prepared, into: number[]): number[] => {
    into.length = 0;
    for (let x = 0; x < r.surnames.length; x++) addUnique(into, h(r.surnames[x]!));
    if (into.length === 2) {
      if (into[0]! > into[1]!) into.reverse();
    } else if (into.length > 2) into.sort((a, b) => a - b);
    return into;
  };
  /**
   * Every given name a record may stand for: each word of a compound name (one may be cut), as
   * written (phonetic key), resolved and with every name its short form was listed under, and the
   * Guaraní stems; name keys, each once, in that order, written into `into`.
   */
  const givenAllInto = (r: Prepared, into: number[]): number[] => {
    into.length = 0;
    for (let x = 0; x < r.given.length; x++) into.push(r.given[x]!);
    for (let x = 0; x < r.givenCanonical.length; x++) addUnique(into, r.givenCanonical[x]!);
    for (let x = 0; x < r.givenForms.length; x++) addUnique(into, r.givenForms[x]!);
    for (let x = 0; x < r.givenWords.length; x++) {
      const g = guaraniStem(r.givenWords[x]!);
      if (g !== undefined) addUnique(into, g);
    }
    return into;
  };
  /** The stable hashes of `givenAllInto`'s names, each once, in the same order, written into `into`. */
  const givenHashesInto = (r: Prepared, into: number[]): number[] => {
    into.length = 0;
    for (let x = 0; x < r.given.length; x++) addUnique(into, h(r.given[x]!));
    for (let x = 0; x < r.givenCanonical.length; x++) addUnique(into, h(r.givenCanonical[x]!));
    for (let x = 0; x < r.givenForms.length; x++) addUnique(into, h(r.givenForms[x]!));
    for (let x = 0; x < r.givenWords.length; x++) {
      const g = guaraniStem(r.givenWords[x]!);
      if (g !== undefined) addUnique(into, h(g));
    }
    return into;
  };
  /** Name keys as stable hashes, each once, in order, written into `into`. */
  const stableInto = (ids: readonly number[], into: number[]): number[] => {
    into.length = 0;
    for (let x = 0; x < ids.length; x++) addUnique(into, h(ids[x]!));
    return into;
  };
  /**
   * Each pair of the (sorted) `surnames` (a married "de X" or a third word adds a surname; two
   * shared words still meet), flat (a, b, a, b, …), appended to `into`; none for fewer than two.
   */
  const surnamePairsInto = (surnames: readonly number[], into: number[]): void => {
    for (let a = 0; a < surnames.length; a++)
      for (let b = a + 1; b < surnames.length; b++) into.push(surnames[a]!, surnames[b]!);
  };
  /**
   * Both surnames with one of them replaced by each of its likely corrections, each pair sorted,
   * flat, appended to `into`.
   */
  const correctedSurnamesInto = (r: Prepared, into: number[]): void => {
    for (let x = 0; x < r.surnameWords.length && x < 2; x++) {
      const other = r.surnames[1 - x];
      if (other === undefined) continue;
      const b = h(other);
      const fixes = likelier(r.surnameWords[x]!);
      for (let f = 0; f < fixes.length; f++) {
        const a = h(fixes[f]!);
        if (a !== b) into.push(a < b ? a : b, a < b ? b : a);
      }
    }
  };
  /**
   * `out.add(2 · mix4(tag, year, g, s) + side)` for each `g` of `given` and each `s` of `names`,
   * in that order, the parts they share hashed once.
   */
  const addOver = (
    out: KeySink,
    tag: number,
    year: number,
    given: readonly number[],
    names: readonly number[],
    side: number,
  ): void => {
    mixFirstParts(tag, year);
    for (let a = 0; a < given.length; a++) {
      mixLoad(0);
      mixPart(given[a]!);
      mixSave(1);
      for (let b = 0; b < names.length; b++) {
        mixLoad(1);
        mixPart(names[b]!);
        out.add(2 * mixEnd() + side);
      }
    }
  };
  /** `out.add(2 · mix4(tag, year, a, b) + side)` for each pair (a, b) of the flat `pairs`. */
  const addPairs = (
    out: KeySink,
    tag: number,
    year: number,
    pairs: readonly number[],
    side: number,
  ): void => {
    mixFirstParts(tag, year);
    for (let p = 0; p + 1 < pairs.length; p += 2) {
      mixLoad(0);
      mixPart(pairs[p]!);
      mixPart(pairs[p + 1]!);
      out.add(2 * mixEnd() + side);
    }
  };
  // How much two records share besides a loose rule's key, for the look inside its over-cap
  // blocks: each name key `zero` shares with `one` (a second name in common is the strongest
  // sign), the department, each initial of a written name word in common (a name misspelt past
  // its key usually keeps its first letter), less a third of the years between their births.
  const closeness = (one: Prepared, zero: Prepared): number => {
    let score = 0;
    const shares = (x: number) =>
      one.given.includes(x) ||
      one.givenCanonical.includes(x) ||
      one.givenForms.includes(x) ||
      one.surnames.includes(x);
    for (let x = 0; x < zero.given.length; x++) if (shares(zero.given[x]!)) score += 2;
    for (let x = 0; x < zero.givenCanonical.length; x++) {
      const g = zero.givenCanonical[x]!;
      if (!zero.given.includes(g) && shares(g)) score += 2;
    }
    for (let x = 0; x < zero.surnames.length; x++) {
      const s = zero.surnames[x]!;
      if (zero.surnames.indexOf(s) === x && !zero.given.includes(s) && shares(s)) score += 2;
    }
    if (one.department !== null && one.department === zero.department) score += 2;
    for (let x = 0; x < zero.givenWords.length + zero.surnameWords.length; x++) {
      const w =
        x < zero.givenWords.length ? zero.givenWords[x]! : zero.surnameWords[x - zero.givenWords.length]!;
      const c = initial(w);
      let found = false;
      for (let y = 0; y < one.givenWords.length && !found; y++) found = initial(one.givenWords[y]!) === c;
      for (let y = 0; y < one.surnameWords.length && !found; y++) found = initial(one.surnameWords[y]!) === c;
      if (found) score += 1;
    }
    if (one.birthMid !== null && zero.birthMid !== null) score -= Math.abs(one.birthMid - zero.birthMid) / 3;
    return score;
  };
  return [
    {
      name: 'document',
      keys: (r, out) => {
        if (r.document) out.add(mix2(1, stableHash(r.document)));
      },
    },
    {
      // A document typed with one error (a digit wrong, missing, added, or two neighbours swapped):
      // two such numbers share the number with one character deleted (the deletion neighbourhood,
      // as for names), and the two registrations of one person a name initial. Cédulas are dense
      // numbers: at a national scale a number has several others one digit away, of other persons,
      // so the initial of a surname (of a given name when there is none) keeps the blocks small.
      // Numbers shorter than 6 characters are too common to block on this way.
      name: 'document-one-edit',
      keys: (r, out) => {
        const d = r.document;
        if (!d || d.length < 6) return;
        const names = r.surnames.length > 0 ? r.surnames : r.given;
        const letters = scratchNames;
        letters.length = 0;
        for (let x = 0; x < names.length; x++) addUnique(letters, initial(names[x]!));
        // The shortened numbers are hashed as the vocabulary would (stable), not interned: at 1M
        // registrations interning them held 7 M strings.
        for (let x = 0; x < d.length; x++) {
          const deleted = stableHash(d, x);
          for (const l of letters) out.add(mix3(23, deleted, l));
        }
      },
    },
    {
      name: 'dob+name',
      keys: (r, out) => {
        if (!r.dob) return;
        const d = dobEither(r);
        // Repeats (a given name that is also a surname) are dropped when the blocks are built.
        const given = givenAllInto(r, scratchGiven);
        for (let x = 0; x < given.length; x++) out.add(mix3(2, d, h(given[x]!)));
        for (const k of r.surnames) out.add(mix3(2, d, h(k)));
      },
    },
    {
      // A typo in a surname and a given name no list relates, same date (Ana Marquez / Dahiana
      // Mrquez): the date with each surname as written (side 0) and as its likely corrections
      // (side 1).
      name: 'dob+surname+typo',
      bipartite: true,
      keys: (r, out) => {
        if (!r.dob || r.surnames.length === 0) return;
        const d = dobEither(r);
        for (let x = 0; x < r.surnames.length; x++) {
          out.add(2 * mix3(30, d, h(r.surnames[x]!)));
          for (const t of likelier(r.surnameWords[x]!)) out.add(2 * mix3(30, d, h(t)) + 1);
        }
      },
    },
    {
      // A surname dropped or misspelt: a record with at most one surname of its own (side 1; a
      // married "de X" is not hers) meets, under its year (±2
      // without a full date, on both sides), a given name and its surname, every record with that given name and
      // surname (side 0). Two records with both surnames meet by the rules on both surnames; paired
      // here too, they made a block of every "María González" of a year (8.5 M pairs at 1M).
      name: 'year+given+surname',
      bipartite: true,
      keys: (r, out) => {
        if (r.givenCanonical.length === 0) return;
        const s = surnamesInto(r, scratchSurnames);
        // Or a surname written as no one else writes it (seen at most twice: likely misspelt, and
        // the rules on both surnames then miss).
        let partial = r.ownSurnames < 2;
        for (let x = 0; x < r.surnameWords.length && !partial; x++)
          partial = (vocab.counts[r.surnameWords[x]!] ?? 0) <= 2;
        // Both sides under the year ±2 when there is no full date (a year alone is often off).
        const given = givenAllInto(r, scratchGiven);
        const ys = years(r);
        for (let a = 0; a < given.length; a++) {
          const g = h(given[a]!);
          for (let b = 0; b < s.length; b++)
            for (let c = 0; c < ys.length; c++) {
              const k = 2 * mix4(3, ys[c]!, g, s[b]!);
              out.add(k);
              if (partial) out.add(k + 1);
            }
        }
      },
    },
    {
      name: 'given+surnames',
      keys: (r, out) => {
        if (r.given.length === 0 || r.surnames.length === 0) return;
        const s = surnamesInto(r, scratchSurnames);
        const given = givenAllInto(r, scratchGiven);
        if (s.length <= 2) for (let a = 0; a < given.length; a++) out.add(mixWith(4, h(given[a]!), s));
        else {
          const pairs = scratchPairs;
          pairs.length = 0;
          surnamePairsInto(s, pairs);
          for (let a = 0; a < given.length; a++) {
            const g = h(given[a]!);
            for (let p = 0; p < pairs.length; p += 2) out.add(mix4(4, g, pairs[p]!, pairs[p + 1]!));
          }
        }
      },
    },
    {
      name: 'year+surnames',
      keys: (r, out) => {
        if (r.surnames.length < 2) return;
        const ys = years(r);
        const pairs = scratchPairs;
        pairs.length = 0;
        surnamePairsInto(surnamesInto(r, scratchSurnames), pairs);
        for (let p = 0; p < pairs.length; p += 2)
          for (let y = 0; y < ys.length; y++) out.add(mix4(5, ys[y]!, pairs[p]!, pairs[p + 1]!));
      },
    },
    {
      // A typo in one surname and a given name no list relates (Patriciomi Sacnhez Silvero /
      // Patricio Sánchez Silvero, 2009): the year with both surnames as written (side 0) and with
      // one of them replaced by its likely corrections (side 1). A year and two surnames stay a
      // small block at any scale.
      name: 'year+surnames+typo',
      bipartite: true,
      keys: (r, out) => {
        if (r.surnames.length < 2) return;
        const pairs = scratchPairs;
        pairs.length = 0;
        surnamePairsInto(surnamesInto(r, scratchSurnames), pairs);
        const fixed = scratchNames;
        fixed.length = 0;
        correctedSurnamesInto(r, fixed);
        const ys = years(r);
        for (let y = 0; y < ys.length; y++) {
          addPairs(out, 32, ys[y]!, pairs, 0);
          addPairs(out, 32, ys[y]!, fixed, 1);
        }
      },
    },
    {
      // A wrong year in a full date (1998-04-09 / 1997-04-09): the day and month with the names.
      name: 'birthday+names',
      keys: (r, out) => {
        if (!r.dob || r.givenCanonical.length === 0) return;
        const d = birthdayEither(r);
        const given = givenAllInto(r, scratchGiven);
        // The surname keys, each once (a Set of them, in order).
        const s = scratchSurnames;
        s.length = 0;
        for (let x = 0; x < r.surnames.length; x++) addUnique(s, r.surnames[x]!);
        for (let a = 0; a < given.length; a++) {
          const g = h(given[a]!);
          if (r.surnames.length === 0) out.add(mix3(12, d, g));
          for (let b = 0; b < s.length; b++) out.add(mix4(12, d, g, h(s[b]!)));
        }
      },
    },
    {
      // A wrong year and a given name no list relates (Nery / Neryni, 2015-06-02 / 2005-06-02): the
      // day and month with both surnames (each pair of surname words).
      name: 'birthday+surnames',
      keys: (r, out) => {
        if (!r.dob || r.surnames.length < 2) return;
        const d = birthdayEither(r);
        const pairs = scratchPairs;
        pairs.length = 0;
        surnamePairsInto(surnamesInto(r, scratchSurnames), pairs);
        for (let p = 0; p < pairs.length; p += 2) out.add(mix4(29, d, pairs[p]!, pairs[p + 1]!));
      },
    },
    {
      // A wrong year and a typo in one name: the day and month, one name, the other corrected.
      name: 'birthday+name+typo',
      bipartite: true,
      keys: (r, out) => {
        if (!r.dob || r.given.length === 0) return;
        const d = birthdayEither(r);
        const g = h(r.given[0]!);
        for (let x = 0; x < r.surnames.length; x++) {
          const s = h(r.surnames[x]!);
          out.add(2 * mix4(17, d, g, s));
          out.add(2 * mix4(18, d, s, g));
          for (const t of likelier(r.surnameWords[x]!)) out.add(2 * mix4(17, d, g, h(t)) + 1);
          for (const t of likelier(r.givenWords[0]!)) out.add(2 * mix4(18, d, s, h(t)) + 1);
        }
      },
    },
    {
      name: 'dob+place',
      keys: (r, out) => {
        if (!r.dob) return;
        const p = place(r);
        if (p >= 0) out.add(mix3(6, dobEither(r), p));
      },
    },
    {
      // Two neighbouring characters of a document typed in the wrong order, whatever the names
      // (9419843 / 9491843): the number with the two characters at each position put in order,
      // with the position. Only the number and its one swap share such a key, so its blocks stay
      // a record or two at any scale (the characters sorted altogether, with the department, made
      // blocks of every number of the same digits: 0.95 M pairs at 1,000,000 registrations).
      name: 'document-swap',
      keys: (r, out) => {
        const d = r.document;
        if (!d || d.length < 6) return;
        for (let x = 0; x + 1 < d.length; x++) {
          const a = d[x]!;
          const b = d[x + 1]!;
          if (a === b) continue;
          out.add(mix3(7, stableHash(a < b ? d : d.slice(0, x) + b + a + d.slice(x + 2)), x));
        }
      },
    },
    {
      // Typos in both names: a record whose given name and surnames are all rare (seen at most
      // twice: likely misspelt) meets, on side 1, the records with the same year and the same
      // first two letters of each name (side 0).
      name: 'year+name-prefixes',
      bipartite: true,
      keys: (r, out) => {
        if (r.given.length === 0 || r.surnames.length === 0) return;
        const g = prefix(r.given[0]!);
        let rare = (vocab.counts[r.given[0]!] ?? 0) <= 2;
        for (let x = 0; x < r.surnames.length && rare; x++) rare = (vocab.counts[r.surnames[x]!] ?? 0) <= 2;
        // Each surname's prefix once, in order.
        const prefixes = scratchSurnames;
        prefixes.length = 0;
        for (let x = 0; x < r.surnames.length; x++) addUnique(prefixes, prefix(r.surnames[x]!));
        const ys = years(r);
        for (let y = 0; y < ys.length; y++)
          for (let x = 0; x < prefixes.length; x++) {
            const k = 2 * mix4(8, ys[y]!, g, prefixes[x]!);
            out.add(k);
            if (rare) out.add(k + 1);
          }
      },
    },
    {
      // A typo in one name, the other written alike: a record is filed under its names as written
      // (side 0) and, on side 1, with one name replaced by each commoner name one typo away (its
      // likely correction), so a misspelt record meets the records of the name it misspells.
      name: 'year+name+typo',
      bipartite: true,
      keys: (r, out) => {
        if (r.given.length === 0) return;
        const g = h(r.given[0]!);
        const ys = years(r);
        // No surname: the given name alone (and its corrections) with the year.
        if (r.surnames.length === 0)
          for (let y = 0; y < ys.length; y++) {
            out.add(2 * mix3(16, ys[y]!, g));
            for (const t of likelier(r.givenWords[0]!)) out.add(2 * mix3(16, ys[y]!, h(t)) + 1);
          }
        for (let y = 0; y < ys.length; y++)
          for (let x = 0; x < r.surnames.length; x++) {
            const s = h(r.surnames[x]!);
            out.add(2 * mix4(14, ys[y]!, g, s));
            out.add(2 * mix4(15, ys[y]!, s, g));
            const surnameFixes = likelier(r.surnameWords[x]!);
            for (const t of surnameFixes) out.add(2 * mix4(14, ys[y]!, g, h(t)) + 1);
            for (const t of likelier(r.givenWords[0]!)) {
              out.add(2 * mix4(15, ys[y]!, s, h(t)) + 1);
              // Typos in both names: both corrected.
              for (const u of surnameFixes) out.add(2 * mix4(14, ys[y]!, h(t), h(u)) + 1);
            }
          }
      },
    },
    {
      // Typos in every name of a record with a full date (day and month in either order): the
      // date with the initials of two of its name words, as written or as phonetic keys.
      name: 'dob+initials',
      keys: (r, out) => {
        if (!r.dob) return;
        const g = region(r);
        if (g >= 0) initialKeys(r, mix2(dobEither(r), g), out);
      },
    },
    {
      // A surname dropped or not recorded: the given names (compound ones are distinctive enough)
      // with the year. A record with at most one surname of its own (side 1) meets every record of
      // its compound given name and year (side 0); two records with both surnames are met by the
      // rules on surnames (paired here too, they made a block of every "María José" of a year).
      name: 'year+given-names',
      bipartite: true,
      keys: (r, out) => {
        if (r.given.length >= 2)
          for (const y of years(r)) {
            const k = 2 * mixKey(9, y, ...r.given.map(h));
            out.add(k);
            if (r.ownSurnames < 2) out.add(k + 1);
          }
        // Without a surname, each given name alone too (a second given name dropped or added), on
        // both sides.
        if (r.surnames.length === 0)
          for (const g of new Set(r.given))
            for (const y of years(r)) {
              out.add(2 * mix3(13, y, h(g)));
              out.add(2 * mix3(13, y, h(g)) + 1);
            }
      },
    },
    {
      // An age estimated by eye is often several years off: an estimated record (side 1) meets,
      // under a given name (nicknames resolved; a compound name may be cut to either word) and
      // each surname, the records born within 8 years of the middle of its interval (side 0:
      // every record under its own year).
      name: 'estimate+given+surname',
      bipartite: true,
      // Inside a block the cap passes over (a common name over a year), the 4 records closest to
      // an estimated record among at most 60 (bench/README.md, "Blocking recall: … 7 Dec 2026").
      nearest: { count: 4, scan: 60, closeness },
      // A given name and a surname over 17 years: a lower cap than the rules on a single year.
      maxPairs: 50,
      // And at most 30 records for an estimated record, its nearest years first: its 17 years ×
      // names otherwise add up (12 records per estimated record at 1,000,000 registrations).
      perRecord: 30,
      keys: (r, out) => {
        if (r.year === null || r.givenCanonical.length === 0) return;
        // Each surname as written and, an estimate often coming with a typo, as its likely
        // corrections (on either side: the misspelt record may be the estimated one or the other).
        // The names: the surnames as written (0 for none), then their corrections, each once.
        const names = scratchNames;
        if (r.surnames.length === 0) {
          names.length = 0;
          names.push(0);
        } else surnamesInto(r, names);
        const written = names.length;
        for (let x = 0; x < r.surnameWords.length; x++) {
          const fixes = likelier(r.surnameWords[x]!);
          for (let f = 0; f < fixes.length; f++) addUnique(names, h(fixes[f]!), written);
        }
        // Each given name too as its likely corrections (a typo in the given name beside the estimate).
        const given = givenHashesInto(r, scratchGiven);
        for (let x = 0; x < r.givenWords.length; x++) {
          const fixes = likelier(r.givenWords[x]!);
          for (let f = 0; f < fixes.length; f++) addUnique(given, h(fixes[f]!));
        }
        addOver(out, 19, r.year, given, names, 0);
        // Given names and surnames written in each other's fields: a record whose given-name
        // field holds no name the list knows also looks, on side 1, for its surname field's
        // words as given names and its given-name field's words as surnames.
        const crossed = r.surnames.length > 0 && looksCrossed(r);
        const crossedGiven = crossed ? stableInto(r.surnames, scratchCrossedGiven) : none;
        const crossedNames = crossed ? stableInto(r.given, scratchCrossedNames) : none;
        // Side 1 year by year, nearest first (the budget takes the nearest years first).
        const ys = r.estimated ? estimateYears(r) : crossed ? years(r) : none;
        for (let y = 0; y < ys.length; y++) {
          if (r.estimated) addOver(out, 19, ys[y]!, given, names, 1);
          if (crossed) addOver(out, 19, ys[y]!, crossedGiven, crossedNames, 1);
        }
      },
    },
    {
      // The same with both surnames, whatever the given name (a nickname not in the list, a cut
      // compound name, a typo).
      name: 'estimate+surnames',
      bipartite: true,
      perRecord: 30,
      keys: (r, out) => {
        if (r.year === null || r.surnames.length < 2) return;
        // And each pair with one word replaced by its likely corrections (an estimate often comes
        // with a typo, on either record).
        const pairs = scratchPairs;
        pairs.length = 0;
        surnamePairsInto(surnamesInto(r, scratchSurnames), pairs);
        correctedSurnamesInto(r, pairs);
        addPairs(out, 20, r.year, pairs, 0);
        if (r.estimated) {
          const ys = estimateYears(r);
          for (let y = 0; y < ys.length; y++) addPairs(out, 20, ys[y]!, pairs, 1);
        }
      },
    },
    {
      // No surname recorded (side 1): the records with the same given name (any of a compound
      // one, nicknames resolved) and a birth year near enough (side 0: every record, its year).
      name: 'no-surname+given',
      bipartite: true,
      keys: (r, out) => {
        if (r.year === null || r.givenCanonical.length === 0) return;
        const near = r.estimated ? estimateYears(r) : years(r);
        // Side 0: every record under its year, an estimated one under every year it may stand for
        // (a surname-less record with a date meets a named one whose age was estimated).
        const y0 = r.year;
        const own = r.estimated ? estimateYears(r) : yearList(y0 * 4, () => [y0]);
        const given = givenHashesInto(r, scratchGiven);
        const written = given.length;
        // A surname-less record's given name often comes with a typo too (Tuap / Tupa): on side 1
        // also as its likely corrections.
        if (r.surnames.length === 0)
          for (let x = 0; x < r.givenWords.length; x++) {
            const fixes = likelier(r.givenWords[x]!);
            for (let f = 0; f < fixes.length; f++) addUnique(given, h(fixes[f]!));
          }
        for (let a = 0; a < given.length; a++) {
          const g = given[a]!;
          if (a < written) for (let y = 0; y < own.length; y++) out.add(2 * mix3(22, own[y]!, g));
          if (r.surnames.length === 0)
            for (let y = 0; y < near.length; y++) out.add(2 * mix3(22, near[y]!, g) + 1);
        }
      },
    },
    {
      // One surname kept and a given name no list relates (a nickname or hypocoristic not listed,
      // a compound name cut to the other word, two typos): a record with at most one surname of
      // its own, or whose birth is uncertain (an estimate, a year alone), meets on side 1, under
      // each of its own surnames, its sex and every year its birth may stand for (nearest first),
      // the records with that surname and sex under their own year (side 0), whatever their given
      // names. A loose key: a low cap and a small budget per record keep it to the nearest few.
      name: 'year+surname+sex',
      bipartite: true,
      maxPairs: 40,
      perRecord: 4,
      keys: (r, out) => {
        if (r.year === null || r.ownSurnameKeys.length === 0) return;
        nameSexYears(out, 24, stableInto(r.ownSurnameKeys, scratchNames), r, r.dob === null);
      },
    },
    {
      // Each record kept a different surname (the father's in one institution, the mother's in
      // another) or a surname is misspelt beyond one typo: a record with at most one surname of its
      // own meets (side 1), under a given name (every form it may stand for), its sex and every
      // year its birth may stand for, the records with that given name and sex under their own
      // year (side 0), whatever their surnames.
      name: 'year+given+sex',
      bipartite: true,
      maxPairs: 40,
      perRecord: 4,
      keys: (r, out) => {
        if (r.year === null || r.given.length === 0) return;
        nameSexYears(out, 25, givenHashesInto(r, scratchGiven), r, r.ownSurnames < 2);
      },
    },
    {
      // No surname and a given name no list relates (Alejandro / Huguito): a surname-less record
      // with a full date (side 1) meets the records of its date and sex (side 0).
      name: 'dob+sex',
      bipartite: true,
      maxPairs: 20,
      perRecord: 8,
      keys: (r, out) => {
        if (!r.dob) return;
        const d = dobEither(r);
        for (const x of sexKeys(r)) {
          out.add(2 * mix3(26, d, x));
          if (r.surnames.length === 0) out.add(2 * mix3(26, d, x) + 1);
        }
      },
    },
    {
      // The same two with the department: a person is registered by the institutions of the
      // department where they live, and a department makes a block of a surname (or a given name),
      // a sex and a year several times smaller, so a record meets more of its likely years within
      // a budget. Side 1: a record whose birth is uncertain or with at most one surname of its own.
      // A record without department has no key here (the two rules above still reach it).
      name: 'year+surname+sex+region',
      bipartite: true,
      maxPairs: 40,
      perRecord: 8,
      keys: (r, out) => {
        if (r.year === null || r.ownSurnameKeys.length === 0) return;
        const g = region(r);
        if (g < 0) return;
        nameSexYears(
          out,
          27,
          stableInto(r.ownSurnameKeys, scratchNames),
          r,
          r.dob === null || r.ownSurnames < 2,
          g,
        );
      },
    },
    {
      name: 'year+given+sex+region',
      bipartite: true,
      maxPairs: 40,
      perRecord: 8,
      keys: (r, out) => {
        if (r.year === null || r.given.length === 0) return;
        const g = region(r);
        if (g < 0) return;
        nameSexYears(out, 28, givenHashesInto(r, scratchGiven), r, r.dob === null || r.ownSurnames < 2, g);
      },
    },
    {
      name: 'address+postcode',
      keys: (r, out) => {
        if (r.address && r.postcode) out.add(mix3(10, id(r.address), id(r.postcode)));
      },
    },
    {
      // Two ages estimated by eye for one person: their errors add up (one estimate 5 years high,
      // the other 6 low), beyond the span an estimate and a date are met over. Only estimated
      // records take part: on side 0 under their own year, on side 1 under the years beyond that
      // span up to twice it (nearest first), each under a given name (every form it may stand for)
      // and a surname, so the blocks hold a name's estimated records alone. Last in the list, so that
      // the rules before it keep their places (CLK encodings hold their keys by the rule's place).
      name: 'estimates+given+surname',
      bipartite: true,
      maxPairs: 20,
      perRecord: 4,
      keys: (r, out) => {
        if (!r.estimated || r.year === null || r.givenCanonical.length === 0) return;
        const written = scratchNames;
        if (r.surnames.length === 0) {
          written.length = 0;
          written.push(0);
        } else surnamesInto(r, written);
        const given = givenHashesInto(r, scratchGiven);
        addOver(out, 33, r.year, given, written, 0);
        const ys = twoEstimateYears(r);
        for (let y = 0; y < ys.length; y++) addOver(out, 33, ys[y]!, given, written, 1);
      },
    },
    {
      // One digit of the year mistyped in a full date (1956-02-28 / 1976-02-28, 2002 / 2007) beside
      // another error (each institution kept another surname, a nickname, a typo): the day and
      // month (either order) with the year's tens or units digit left out, and a name key (a given
      // name in every form it may stand for, or a surname). Two dates one digit apart share the key
      // of that digit. A name's records of one day over ten years are namesakes as often as not, so
      // only blocks of at most three records are kept (every record on both sides: 9 pairs), and a
      // record meets at most two others here. Last in the list, so that the rules before it keep
      // their places (CLK encodings hold their keys by the rule's place).
      name: 'dob-year-digit+name',
      bipartite: true,
      maxPairs: 9,
      perRecord: 2,
      keys: (r, out) => {
        if (!r.dob || r.year === null) return;
        const d = birthdayEither(r);
        const y = r.year;
        const names = givenHashesInto(r, scratchGiven);
        for (let x = 0; x < r.surnames.length; x++) addUnique(names, h(r.surnames[x]!));
        for (let p = 0; p < 2; p++) {
          const masked = p === 0 ? y - (y % 10) : y - (Math.floor(y / 10) % 10) * 10;
          const date = (masked * 10_000 + d) * 2 + p;
          for (let x = 0; x < names.length; x++) {
            const k = 2 * mix3(34, date, names[x]!);
            out.add(k);
            out.add(k + 1);
          }
        }
      },
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
    {
      rule: {
        name: 'dob',
        keys: (r, out) => {
          if (r.dob) out.add(Number(r.dob));
        },
      },
      ignore: ['birth'],
    },
    {
      rule: {
        name: 'names',
        keys: (r, out) => {
          if (r.given.length > 0 && r.surnames.length > 0)
            out.add(mixKey(11, h(r.given[0]!), ...[...new Set(r.surnames.map(h))].sort((a, b) => a - b)));
        },
      },
      ignore: ['given_names', 'surnames'],
    },
    // Pairs sharing a document number are nearly all one person's, whatever their names and births:
    // the only session whose m of the names and of the birth is not blurred by namesakes (in the
    // 'names' session, two persons of one name with the same sex and place look like a match, and
    // EM gave "birth different" an m of 8 % where the labels say 1 %).
    {
      rule: {
        name: 'document',
        keys: (r, out) => {
          if (r.document) out.add(mix2(1, stableHash(r.document)));
        },
      },
      ignore: ['document'],
    },
  ];
}
