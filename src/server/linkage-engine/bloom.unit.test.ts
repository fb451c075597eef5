import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bigrams, bloomFilter, KeyedEncoder, KeyedHash, keyedNumber, keyedToken } from './bloom.js';

/** A message of `length` characters, some outside ASCII (two UTF-8 bytes each), some NUL. */
function message(length: number, seed: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const x = (seed * 31 + i * 17) % 97;
    s += x < 9 ? String.fromCharCode(0xe0 + x) : x === 9 ? '\u0000' : String.fromCharCode(0x21 + x);
  }
  return s;
}

describe('keyed hashing', () => {
  it('gives the digests of createHmac for keys and messages of every length around the block size', () => {
    for (const keyLength of [0, 1, 31, 32, 63, 64, 65, 200]) {
      const key = randomBytes(keyLength);
      const hmac = new KeyedHash(key);
      for (let length = 0; length < 200; length++) {
        const m = message(length, keyLength + length);
        expect(hmac.digest(m).toString('hex')).toBe(createHmac('sha256', key).update(m).digest('hex'));
      }
      // A message longer than the reusable buffer.
      const long = message(5_000, keyLength);
      expect(hmac.digest(long).equals(createHmac('sha256', key).update(long).digest())).toBe(true);
    }
  });

  it('encodes as the one-off functions do: the same filters, tokens and numbers', () => {
    const key = randomBytes(32);
    const encoder = new KeyedEncoder(key);
    for (const name of ['gonsales', 'cáceres', 'ñandutí', 'gonsales']) {
      expect(encoder.filter('surnames', bigrams(name))).toEqual(bloomFilter(key, 'surnames', bigrams(name)));
      expect(encoder.token('nationality', name)).toBe(keyedToken(key, 'nationality', name));
      expect(encoder.word('given-word', name)).toBe(keyedNumber(key, 'given-word', name));
    }
    // Blocking keys' digits are written in place; other numbers go through their string.
    const numbers = [0, 7, 9, 10, 99, 100, 2 ** 40 + 3, 123_456_789_012, 10 ** 15, 2 ** 53 - 1];
    for (const k of [...numbers, 2 ** 60, -5, 1.5, 1e21, ...numbers]) {
      expect(encoder.number('block:dob+name', k)).toBe(keyedNumber(key, 'block:dob+name', String(k)));
      // 48 bits, as the first 8 characters of the keyed token read back.
      expect(encoder.number('block:dob+name', k)).toBe(
        Buffer.from(keyedToken(key, 'block:dob+name', String(k)), 'base64url').readUIntBE(0, 6),
      );
    }
  });

  it('keeps recent numeric keys apart by field (one key under two rules, two hashes)', () => {
    const key = randomBytes(32);
    const encoder = new KeyedEncoder(key);
    for (let round = 0; round < 3; round++)
      for (const field of ['block:dob+sex', 'block:year+surname+sex', 'train:dob'])
        for (const k of [19_990_101, 2 ** 51 + 17, 4_000_000_001])
          expect(encoder.number(field, k)).toBe(keyedNumber(key, field, String(k)));
  });
});
