/**
 * The order of the sorted neighbourhood (blocking.ts): blocks too large to compare all against all
 * compare each record with its next neighbours in this order. In a module of its own so that the
 * worker threads (parallel.ts) compute it as the calling thread does.
 */
import type { Prepared, Vocabulary } from './record.js';

/**
 * Each record's position when sorted by first given name, first surname and year: the order of the
 * sorted neighbourhood inside blocks too large to compare all against all.
 */
export function personRank(vocab: Vocabulary, records: readonly Prepared[]): Uint32Array {
  const alphabetical = new Uint32Array(vocab.words.length);
  vocab.words
    .map((w, id) => ({ w, id }))
    .sort((a, b) => (a.w < b.w ? -1 : a.w > b.w ? 1 : 0))
    .forEach(({ id }, at) => (alphabetical[id] = at));
  const word = (ids: readonly number[]) => (ids.length > 0 ? alphabetical[ids[0]!]! + 1 : 0);
  // given (≤ 2^20 words) · surname (≤ 2^20) · year offset (≤ 2^8) in one exact double.
  const keys = Float64Array.from(
    records,
    (r) =>
      (word(r.given) * 2 ** 20 + word(r.surnames)) * 256 +
      Math.max(0, Math.min(255, (r.year ?? 1900) - 1900)),
  );
  const order = Uint32Array.from(records, (_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
  const rank = new Uint32Array(records.length);
  order.forEach((i, at) => (rank[i] = at));
  return rank;
}

/**
 * The key `personRank` sorts by, as a function that also places a record prepared later (an intake
 * query, whose words may be new to the vocabulary): a new word sorts between the known words
 * around it. For the records of `vocab` at the time of the call, the order is `personRank`'s.
 */
export function personOrder(vocab: Vocabulary): (record: Prepared) => number {
  const known = vocab.words.length;
  const sorted = vocab.words.map((w, id) => ({ w, id })).sort((a, b) => (a.w < b.w ? -1 : a.w > b.w ? 1 : 0));
  const alphabetical = new Uint32Array(known);
  sorted.forEach(({ id }, at) => (alphabetical[id] = at));
  const placeOf = (id: number) => {
    if (id < known) return alphabetical[id]! + 1;
    const word = vocab.words[id]!;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]!.w < word) lo = mid + 1;
      else hi = mid;
    }
    return lo + 0.5;
  };
  const word = (ids: readonly number[]) => (ids.length > 0 ? placeOf(ids[0]!) : 0);
  return (r) =>
    (word(r.given) * 2 ** 20 + word(r.surnames)) * 256 + Math.max(0, Math.min(255, (r.year ?? 1900) - 1900));
}
