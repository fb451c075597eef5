/**
 * Keyed Bloom filters (the cryptographic long-term key construction of Schnell et al., as in
 * clkhash): each token is hashed with HMAC-SHA256 under a secret key, and k bit positions are drawn
 * by double hashing. Without the key nobody can test a guessed name against a filter offline; with
 * it, the filters of two records are compared by their Dice coefficient.
 */
import { createHmac } from 'node:crypto';

/** Filter length in bits (a multiple of 32) and hash functions per token. */
export const FILTER_BITS = 1024;
export const HASHES = 20;

/** A Bloom filter with its number of set bits (cached for Dice). */
export interface Filter {
  words: Uint32Array;
  ones: number;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The filter of `tokens` under `key`; `field` separates fields so one token sets different bits. */
export function bloomFilter(key: Uint8Array, field: string, tokens: readonly string[]): Filter {
  const words = new Uint32Array(FILTER_BITS / 32);
  for (const token of tokens) {
    const digest = createHmac('sha256', key).update(`${field}\u0000${token}`).digest();
    const h1 = digest.readUInt32BE(0);
    const h2 = digest.readUInt32BE(4) | 1;
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + Math.imul(i, h2)) >>> 0;
      const at = bit % FILTER_BITS;
      words[at >>> 5]! |= 1 << (at & 31);
    }
  }
  let ones = 0;
  for (const w of words) ones += popcount(w);
  return { words, ones };
}

/** Bits set in both filters. */
export function commonBits(a: Filter, b: Filter): number {
  let common = 0;
  for (let i = 0; i < a.words.length; i++) common += popcount(a.words[i]! & b.words[i]!);
  return common;
}

/** Dice coefficient of two filters: 2|A∩B| / (|A| + |B|); 0 when both are empty. */
export function dice(a: Filter, b: Filter): number {
  if (a.ones + b.ones === 0) return 0;
  return (2 * commonBits(a, b)) / (a.ones + b.ones);
}

/**
 * Dice and the overlap coefficient |A∩B| / min(|A|, |B|) of two filters, from one pass. The
 * overlap is 1 when one filter's bits are all in the other: a name field whose words are all in the
 * other record's field (a surname dropped, a compound given name cut), which Dice alone rates like
 * two names sharing half their bigrams.
 */
export function diceOverlap(a: Filter, b: Filter): { dice: number; overlap: number } {
  const smaller = Math.min(a.ones, b.ones);
  if (smaller === 0) return { dice: 0, overlap: 0 };
  const common = commonBits(a, b);
  return { dice: (2 * common) / (a.ones + b.ones), overlap: common / smaller };
}

/** A hash of a filter's bits (equal filters, equal hashes): counts equal encodings (tf). */
export function filterHash(f: Filter): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < f.words.length; i++) h = Math.imul(h ^ f.words[i]!, 0x01000193);
  return h >>> 0;
}

/** Character bigrams of a word with padding ("_ana_" → _a an na a_), as CLKs encode names. */
export function bigrams(word: string): string[] {
  const padded = `_${word}_`;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i++) out.push(padded.slice(i, i + 2));
  return out;
}

/** A keyed equality token (a blind index): equal values give equal tokens under one key. */
export function keyedToken(key: Uint8Array, field: string, value: string): string {
  return createHmac('sha256', key).update(`${field}\u0000${value}`).digest('base64url').slice(0, 22);
}
