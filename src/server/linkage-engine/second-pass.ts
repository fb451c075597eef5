/**
 * A second look for the records the first pass left alone (issue 15). Blocking skips the blocks of
 * its loose rules that hold too many records (a common given name, a sex and a range of years), and
 * the true pairs it misses at scale sit mostly there: a record with no surname, or one surname and an
 * estimated age, whose only evidence in common with its partner is such a key. Comparing every
 * record inside those blocks would pair each with every namesake; here only the records that no
 * first-pass pair linked look inside them, each comparing at most `scan` of their members (the
 * nearest years first, as the rule gives its keys) with the full comparison vector and the model
 * the batch has just estimated, and keeping the `count` best. The model is not estimated again: the
 * added pairs are scored with it, then clustered with the others.
 */
import type { Candidates } from './blocking.js';
import type { Prepared } from './record.js';

/** The candidate pairs of the first pass and their probabilities. */
export interface ScoredCandidates {
  left: Uint32Array;
  right: Uint32Array;
  count: number;
  probabilities: Float64Array;
}

/** The pairs a second pass adds, with their probabilities under the batch's model. */
export interface AddedPairs {
  left: Uint32Array;
  right: Uint32Array;
  count: number;
  probabilities: Float64Array;
  /** How many records were looked for, and how many pairs were compared for them. */
  lookedFor: number;
  compared: number;
}

/** Compares and scores pairs of records with the batch's model (probabilities). */
export type ScorePairs = (left: Uint32Array, right: Uint32Array, count: number) => Float64Array;

/** A second pass: the first pass's scored candidates in, the pairs to add out. */
export type SecondPass = (first: ScoredCandidates, match: number, score: ScorePairs) => AddedPairs;

export interface SecondPassOptions {
  /** At most this many records compared per record looked for (default 40). */
  scan?: number;
  /** Pairs kept per record looked for, the likeliest first (default 2). */
  count?: number;
  /** A pair is kept only at or above this probability (default 0: the `count` best whatever). */
  floor?: number;
  /** Only pairs of records from different sources (linking, not de-duplicating). */
  linkOnly?: boolean;
}

/**
 * How far from its year a record's birth is looked for: an age estimated by eye is often 5 or
 * more years off (the span of blocking's estimate rules), a year alone or a date one or two.
 */
const ESTIMATE_SPAN = 8;
const YEAR_SPAN = 2;
const FIRST_YEAR = 1850;
const RECORD_BITS = 2 ** 21;

/** A name, a sex and a year in one number (name ids and records below 2^21: exact in a double). */
function nameKey(name: number, sex: number, year: number): number {
  return (name * 4 + sex) * 256 + Math.max(0, Math.min(255, year - FIRST_YEAR));
}

/** The sex as 0 (female), 1 (male), 2 (other); null when not recorded (filed under both). */
function sexCode(sex: string | null): number | null {
  if (sex === null) return null;
  return sex[0] === 'f' ? 0 : sex[0] === 'm' ? 1 : 2;
}

/** The names a record is filed and looked for under: every given-name form, or its own surnames. */
function givenIds(r: Prepared): number[] {
  return [...new Set([...r.given, ...r.givenCanonical, ...r.givenForms])];
}

/**
 * Every record under each of its names, its sex and its year, sorted: a name, a sex and a range of
 * years is then one binary search, whatever the size of the block the caps skipped.
 */
function nameIndex(records: readonly Prepared[], names: (r: Prepared) => readonly number[]): Float64Array {
  const entries: number[] = [];
  for (const r of records) {
    if (r.year === null) continue;
    const code = sexCode(r.sex);
    for (const name of names(r)) {
      if (code === null)
        entries.push(
          nameKey(name, 0, r.year) * RECORD_BITS + r.index,
          nameKey(name, 1, r.year) * RECORD_BITS + r.index,
        );
      else entries.push(nameKey(name, code, r.year) * RECORD_BITS + r.index);
    }
  }
  return Float64Array.from(entries).sort();
}

/** The first position in `sorted` at or above `value`. */
function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The second pass over prepared persons. A record with no first-pass pair at or above the match
 * threshold, a birth year and thin evidence is looked for: with at most one surname of its own or an
 * estimated age, under each of its given names (every form), its sex and the years its birth may
 * stand for; without a full date, under each of its own surnames too. The records found there,
 * nearest years first, at most `scan` of them and none already a candidate, are compared and
 * scored; the `count` likeliest at or above `floor` kept.
 */
export function personSecondPass(records: readonly Prepared[], options: SecondPassOptions = {}): SecondPass {
  const scan = options.scan ?? 40;
  const keep = options.count ?? 2;
  const floor = options.floor ?? 0;
  const linkOnly = options.linkOnly ?? false;
  const none: AddedPairs = {
    left: new Uint32Array(0),
    right: new Uint32Array(0),
    count: 0,
    probabilities: new Float64Array(0),
    lookedFor: 0,
    compared: 0,
  };
  return (first, match, score) => {
    const n = records.length;
    if (n >= RECORD_BITS) return none;
    // Linked: some first-pass pair at or above the threshold (the safeguard may still refuse it; a
    // record it refuses is left to review, not looked for again).
    const linked = new Uint8Array(n);
    for (let k = 0; k < first.count; k++)
      if (first.probabilities[k]! >= match) {
        linked[first.left[k]!] = 1;
        linked[first.right[k]!] = 1;
      }
    const byGiven = (r: Prepared) => r.year !== null && (r.ownSurnames < 2 || r.estimated);
    const bySurname = (r: Prepared) => r.year !== null && r.dob === null && r.ownSurnameKeys.length > 0;
    const lookFor = records.filter((r) => !linked[r.index] && (byGiven(r) || bySurname(r)));
    if (lookFor.length === 0) return none;
    const givenIndex = nameIndex(records, givenIds);
    const surnameIndex = nameIndex(records, (r) => [...new Set(r.ownSurnameKeys)]);
    // The first pass's partners of each looked-for record (not compared again).
    const slot = new Int32Array(n).fill(-1);
    lookFor.forEach((r, s) => (slot[r.index] = s));
    const partners: Set<number>[] = lookFor.map(() => new Set());
    for (let k = 0; k < first.count; k++) {
      const a = first.left[k]!;
      const b = first.right[k]!;
      if (slot[a]! >= 0) partners[slot[a]!]!.add(b);
      if (slot[b]! >= 0) partners[slot[b]!]!.add(a);
    }
    // The pairs to compare: each looked-for record with up to `scan` new records, nearest years first.
    const left: number[] = [];
    const right: number[] = [];
    const owner: number[] = [];
    lookFor.forEach((r, s) => {
      const seen = partners[s]!;
      const code = sexCode(r.sex);
      const sexes = code === null ? [0, 1] : [code];
      const keys: { index: Float64Array; name: number; sex: number }[] = [];
      if (byGiven(r))
        for (const name of givenIds(r)) for (const sex of sexes) keys.push({ index: givenIndex, name, sex });
      if (bySurname(r))
        for (const name of new Set(r.ownSurnameKeys))
          for (const sex of sexes) keys.push({ index: surnameIndex, name, sex });
      const span = r.estimated ? ESTIMATE_SPAN : YEAR_SPAN;
      let taken = 0;
      for (let d = 0; d <= span && taken < scan; d++)
        for (const year of d === 0 ? [r.year!] : [r.year! - d, r.year! + d]) {
          for (const { index, name, sex } of keys) {
            const key = nameKey(name, sex, year) * RECORD_BITS;
            for (let at = lowerBound(index, key); at < index.length && index[at]! < key + RECORD_BITS; at++) {
              const j = index[at]! - key;
              if (j === r.index || seen.has(j) || (linkOnly && records[j]!.source === r.source)) continue;
              seen.add(j);
              left.push(Math.min(r.index, j));
              right.push(Math.max(r.index, j));
              owner.push(s);
              if (++taken >= scan) break;
            }
            if (taken >= scan) break;
          }
          if (taken >= scan) break;
        }
    });
    if (left.length === 0) return none;
    const l = Uint32Array.from(left);
    const r = Uint32Array.from(right);
    const p = score(l, r, l.length);
    // The `keep` likeliest per looked-for record (pairs of one record are consecutive).
    const chosen: number[] = [];
    for (let start = 0; start < owner.length;) {
      let end = start;
      while (end < owner.length && owner[end] === owner[start]) end++;
      const order: number[] = [];
      for (let k = start; k < end; k++) if (p[k]! >= floor) order.push(k);
      order.sort((a, b) => p[b]! - p[a]!);
      chosen.push(...order.slice(0, keep));
      start = end;
    }
    // A pair found from both of its records is kept once.
    const unique = new Set<number>();
    const out = chosen.filter((k) => {
      const key = l[k]! * n + r[k]!;
      if (unique.has(key)) return false;
      unique.add(key);
      return true;
    });
    return {
      left: Uint32Array.from(out, (k) => l[k]!),
      right: Uint32Array.from(out, (k) => r[k]!),
      count: out.length,
      probabilities: Float64Array.from(out, (k) => p[k]!),
      compared: l.length,
      lookedFor: lookFor.length,
    };
  };
}

/**
 * The first pass's candidates and probabilities with the pairs `pass` adds after them (counted in
 * `perRule` as "second pass").
 */
export function addSecondPass(
  candidates: Candidates,
  probabilities: Float64Array,
  pass: SecondPass,
  match: number,
  score: ScorePairs,
): { candidates: Candidates; probabilities: Float64Array } {
  const { left, right, count } = candidates;
  const added = pass({ left, right, count, probabilities }, match, score);
  if (added.count === 0) return { candidates, probabilities };
  const total = count + added.count;
  const join = <A extends Uint32Array | Float64Array>(a: A, b: A, out: A): A => {
    out.set(a.subarray(0, count));
    out.set(b, count);
    return out;
  };
  return {
    candidates: {
      ...candidates,
      left: join(left, added.left, new Uint32Array(total)),
      right: join(right, added.right, new Uint32Array(total)),
      count: total,
      perRule: { ...candidates.perRule, 'second pass': added.count },
    },
    probabilities: join(probabilities.subarray(0, count), added.probabilities, new Float64Array(total)),
  };
}
