/**
 * Keyed Bloom filters (the cryptographic long-term key construction of Schnell et al., as in
 * clkhash): each token is hashed with HMAC-SHA256 under a secret key, and k bit positions are drawn
 * by double hashing. Without the key nobody can test a guessed name against a filter offline; with
 * it, the filters of two records are compared by their Dice coefficient.
 */
import { createHash, createHmac } from 'node:crypto';

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

/** The HMAC-SHA256 of a field's value under `key` (the field separates one value's uses). */
function keyedDigest(key: Uint8Array, field: string, value: string): Buffer {
  return createHmac('sha256', key).update(`${field}\u0000${value}`).digest();
}

const EMPTY = new Uint8Array(0);

/** SHA-256's round constants (FIPS 180-4, 4.2.2). */
const K256 = Int32Array.from(
  [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ],
  (x) => x | 0,
);
const IV256 = Int32Array.from(
  [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
  (x) => x | 0,
);

/** SHA-256's compression of the 64-byte block of `bytes` at `at` into `state` (FIPS 180-4, 6.2.2). */
function compress(state: Int32Array, bytes: Uint8Array, at: number, w: Int32Array): void {
  for (let t = 0; t < 16; t++) {
    const i = at + 4 * t;
    w[t] = (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const a = w[t - 15]!;
    const b = w[t - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K256[t]! + w[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/**
 * HMAC-SHA256 under one key (RFC 2104), the same digests as `createHmac('sha256', key)`, with the
 * key's inner and outer pads compressed once: a short message then costs two compressions in place,
 * where `createHmac` sets the key up and allocates for every message. The key stays in this object
 * only (as in a `createHmac` one), for as long as the encoding lasts.
 */
export class KeyedHash {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly state = new Int32Array(8);
  private readonly w = new Int32Array(64);
  private buffer = Buffer.alloc(256);
  private readonly tail = new Uint8Array(64);

  constructor(key: Uint8Array) {
    const block = new Uint8Array(64);
    block.set(key.length > 64 ? createHash('sha256').update(key).digest() : key);
    const pad = new Uint8Array(64);
    for (let i = 0; i < 64; i++) pad[i] = block[i]! ^ 0x36;
    this.inner.set(IV256);
    compress(this.inner, pad, 0, this.w);
    for (let i = 0; i < 64; i++) pad[i] = block[i]! ^ 0x5c;
    this.outer.set(IV256);
    compress(this.outer, pad, 0, this.w);
  }

  /** The digest of `message` (UTF-8) as eight signed 32-bit words, valid until the next call. */
  words(message: string): Int32Array {
    return this.wordsAfter(EMPTY, message);
  }

  /** `words` of `prefix` (UTF-8 bytes) followed by `message`, without joining them in a string. */
  wordsAfter(prefix: Uint8Array, message: string): Int32Array {
    let length = prefix.length + this.buffer.write(message, prefix.length, 'utf8');
    if (length > this.buffer.length - 72) {
      this.buffer = Buffer.alloc(2 * (prefix.length + Buffer.byteLength(message, 'utf8')) + 72);
      length = prefix.length + this.buffer.write(message, prefix.length, 'utf8');
    }
    this.buffer.set(prefix, 0);
    return this.digestOf(length);
  }

  /**
   * `wordsAfter(prefix, String(value))`, the decimal digits of a non-negative safe integer written
   * into the buffer directly: blocking keys are such numbers, and turning millions of them into
   * strings (a double's shortest form) and those into UTF-8 cost more than their hashes' padding.
   */
  wordsAfterNumber(prefix: Uint8Array, value: number): Int32Array {
    if (!Number.isSafeInteger(value) || value < 0 || prefix.length > this.buffer.length - 96)
      return this.wordsAfter(prefix, String(value));
    const bytes = this.buffer;
    bytes.set(prefix, 0);
    let digits = 1;
    for (let v = value; v >= 10; v = (v - (v % 10)) / 10) digits++;
    let v = value;
    for (let at = prefix.length + digits - 1; at >= prefix.length; at--) {
      const digit = v % 10;
      bytes[at] = 48 + digit;
      v = (v - digit) / 10;
    }
    return this.digestOf(prefix.length + digits);
  }

  /** The digest of the buffer's first `length` bytes (its padding written after them). */
  private digestOf(length: number): Int32Array {
    // Padding: 0x80, zeros, and the bit length of the key's block and the message (big-endian).
    const bytes = this.buffer;
    const padded = (((length + 8) >>> 6) + 1) << 6;
    bytes[length] = 0x80;
    // Byte by byte: a message is a few dozen bytes, shorter than a call into Buffer's fill.
    for (let i = length + 1; i < padded - 8; i++) bytes[i] = 0;
    const bits = (64 + length) * 8;
    const high = Math.floor(bits / 0x100000000);
    const low = bits >>> 0;
    for (let i = 0; i < 4; i++) {
      bytes[padded - 8 + i] = (high >>> (24 - 8 * i)) & 0xff;
      bytes[padded - 4 + i] = (low >>> (24 - 8 * i)) & 0xff;
    }
    const s = this.state;
    s.set(this.inner);
    for (let at = 0; at < padded; at += 64) compress(s, bytes, at, this.w);
    // The outer hash: the key's outer block, then the inner digest in one padded block.
    const tail = this.tail;
    for (let i = 0; i < 8; i++) {
      const v = s[i]!;
      tail[4 * i] = v >>> 24;
      tail[4 * i + 1] = (v >>> 16) & 0xff;
      tail[4 * i + 2] = (v >>> 8) & 0xff;
      tail[4 * i + 3] = v & 0xff;
    }
    tail.fill(0, 32);
    tail[32] = 0x80;
    tail[62] = 0x03; // (64 + 32) * 8 = 768 bits
    s.set(this.outer);
    compress(s, tail, 0, this.w);
    return s;
  }

  /** The digest of `message` as bytes (as `createHmac(…).update(message).digest()`). */
  digest(message: string): Buffer {
    const s = this.words(message);
    const out = Buffer.allocUnsafe(32);
    for (let i = 0; i < 8; i++) out.writeInt32BE(s[i]!, 4 * i);
    return out;
  }
}

/** Sets the k bits of one token (its digest's first two words: double hashing). */
function setBits(words: Uint32Array, h1: number, h2: number): void {
  for (let i = 0; i < HASHES; i++) {
    const bit = (h1 + Math.imul(i, h2)) >>> 0;
    const at = bit % FILTER_BITS;
    words[at >>> 5]! |= 1 << (at & 31);
  }
}

function finish(words: Uint32Array): Filter {
  let ones = 0;
  for (const w of words) ones += popcount(w);
  return { words, ones };
}

/** The filter of `tokens` under `key`; `field` separates fields so one token sets different bits. */
export function bloomFilter(key: Uint8Array, field: string, tokens: readonly string[]): Filter {
  const words = new Uint32Array(FILTER_BITS / 32);
  for (const token of tokens) {
    const digest = keyedDigest(key, field, token);
    setBits(words, digest.readUInt32BE(0), digest.readUInt32BE(4) | 1);
  }
  return finish(words);
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
  return keyedDigest(key, field, value).toString('base64url').slice(0, 22);
}

/** 48 bits of a keyed token (the first six bytes of its HMAC, as `keyedToken`'s first 8 characters). */
export function keyedNumber(key: Uint8Array, field: string, value: string): number {
  return keyedDigest(key, field, value).readUIntBE(0, 6);
}

/** Slots of `KeyedEncoder`'s memo of recent numeric keys (2^16: 1.3 MB), and the shift to a slot. */
const RECENT_SHIFT = 16;
const RECENT = 2 ** (32 - RECENT_SHIFT);

/** Filters per shared block of memory (`KeyedEncoder`): 64 kB. */
const SLAB = 512;

/**
 * The encodings above under one key, each HMAC computed once per distinct field and value: names,
 * bigrams, years, places and blocking keys recur across records, and one HMAC costs far more than a
 * map look-up. The same bits and tokens as the functions above. The memo lives as long as the
 * encoder, i.e. while the institution encodes its own records, and is dropped with it (values in
 * clear never leave the institution and are not kept after encoding).
 */
export class KeyedEncoder {
  private readonly bits = new Map<string, Map<string, readonly [number, number]>>();
  private readonly tokens = new Map<string, Map<string, string>>();
  private readonly numbers = new Map<string, Map<string, number>>();
  /** Each field's bytes and the separator, the start of its messages, and the field's number. */
  private readonly prefixes = new Map<string, { bytes: Buffer; id: number }>();

  private readonly hmac: KeyedHash;

  constructor(key: Uint8Array) {
    this.hmac = new KeyedHash(key);
  }

  private memo<K, V>(maps: Map<string, Map<K, V>>, field: string): Map<K, V> {
    let m = maps.get(field);
    if (m === undefined) maps.set(field, (m = new Map()));
    return m;
  }

  /**
   * Filters' words are carved from shared blocks of memory, `SLAB` filters to an ArrayBuffer: an
   * ArrayBuffer of its own per filter (with its backing store's bookkeeping) cost more than the
   * filter's 128 bytes. A filter's words are a view at their own offset (`words.byteOffset`).
   */
  private slab = new Uint32Array(0);
  private slabAt = 0;

  private freshWords(): Uint32Array {
    const size = FILTER_BITS / 32;
    if (this.slabAt + size > this.slab.length) {
      this.slab = new Uint32Array(size * SLAB);
      this.slabAt = 0;
    }
    this.slabAt += size;
    return this.slab.subarray(this.slabAt - size, this.slabAt);
  }

  /** As `bloomFilter(key, field, tokens)`. */
  filter(field: string, tokens: readonly string[]): Filter {
    const memo = this.memo(this.bits, field);
    const words = this.freshWords();
    for (const token of tokens) {
      let h = memo.get(token);
      if (h === undefined) {
        const d = this.hmac.words(`${field}\u0000${token}`);
        memo.set(token, (h = [d[0]! >>> 0, (d[1]! | 1) >>> 0]));
      }
      setBits(words, h[0], h[1]);
    }
    return finish(words);
  }

  /** As `keyedToken(key, field, value)`. */
  token(field: string, value: string): string {
    const memo = this.memo(this.tokens, field);
    let t = memo.get(value);
    if (t === undefined)
      memo.set(value, (t = this.hmac.digest(`${field}\u0000${value}`).toString('base64url').slice(0, 22)));
    return t;
  }

  /** As `keyedNumber(key, field, word)`, memoized (words recur). */
  word(field: string, word: string): number {
    const memo = this.memo(this.numbers, field);
    let n = memo.get(word);
    if (n === undefined) memo.set(word, (n = this.number(field, word)));
    return n;
  }

  /**
   * A direct-mapped memo of recent numeric keys' hashes (`RECENT` slots: the field's number, the
   * key, its hash): blocking keys combine several fields and two thirds of them are distinct, so a
   * memo of every key (a `Map` of 48-bit numbers) cost more than the HMACs it saved; the common
   * ones (a year, a sex and a frequent surname) recur within a few thousand records and stay in a
   * slot. At 20,000 persons of the hard setting a quarter of the keys are found here. A slot only
   * ever holds a key's own hash, so the numbers are those of `keyedNumber` either way.
   */
  private readonly recentKeys = new Float64Array(RECENT).fill(-1);
  private readonly recentFields = new Int32Array(RECENT);
  private readonly recentHashes = new Float64Array(RECENT);

  /** As `keyedNumber(key, field, String(value))`. */
  number(field: string, value: string | number): number {
    let known = this.prefixes.get(field);
    if (known === undefined)
      this.prefixes.set(
        field,
        (known = { bytes: Buffer.from(`${field}\u0000`, 'utf8'), id: this.prefixes.size + 1 }),
      );
    const prefix = known.bytes;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      return this.numberOf(this.hmac.wordsAfter(prefix, String(value)));
    const id = known.id;
    const slot =
      Math.imul(
        (value >>> 0) ^ Math.imul(Math.floor(value / 0x100000000), 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b),
        0x27d4eb2d,
      ) >>> RECENT_SHIFT;
    if (this.recentKeys[slot] === value && this.recentFields[slot] === id) return this.recentHashes[slot]!;
    const n = this.numberOf(this.hmac.wordsAfterNumber(prefix, value));
    this.recentKeys[slot] = value;
    this.recentFields[slot] = id;
    this.recentHashes[slot] = n;
    return n;
  }

  private numberOf(d: Int32Array): number {
    // The first six bytes, big-endian (as `keyedNumber`).
    return (d[0]! >>> 0) * 0x10000 + (d[1]! >>> 16);
  }
}
