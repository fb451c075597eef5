/** Field encryption (AES-256-GCM bound to its column), key wrapping, and keyed blind indexes. */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DecryptionError,
  FieldCrypto,
  parseMasterKey,
  unwrapKey,
  wrapKey,
} from '../../src/server/crypto/field-crypto.js';
import type { EncryptionContext } from '../../src/server/crypto/registry.js';

const key = () => crypto.randomBytes(32);
const DATA_KEY = key();
const BLIND_KEY = key();
const fc1 = new FieldCrypto(new Map([['d1', DATA_KEY]]), 'd1', BLIND_KEY);
const COLUMN = 'persons.given_names';

/** Replaces one base64url character of part `index` (0 key id, 1 iv, 2 tag, 3 data) with another. */
function tamper(ciphertext: string, index: number): string {
  const parts = ciphertext.slice('enc:v1:'.length).split(':');
  const part = parts[index]!;
  const flipped = part[0] === 'A' ? 'B' : 'A';
  parts[index] = flipped + part.slice(1);
  return `enc:v1:${parts.join(':')}`;
}

describe('field encryption', () => {
  it('round-trips, with a fresh IV each time and the key id in the ciphertext', () => {
    const a = fc1.encrypt('María José Benítez', COLUMN);
    const b = fc1.encrypt('María José Benítez', COLUMN);
    expect(a).toMatch(/^enc:v1:d1:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Mar');
    expect(fc1.decrypt(a, COLUMN)).toBe('María José Benítez');
    expect(fc1.decrypt(b, COLUMN)).toBe('María José Benítez');
    expect(FieldCrypto.keyIdOf(a)).toBe('d1');
    expect(fc1.decrypt(fc1.encrypt('', COLUMN), COLUMN)).toBe('');
  });

  it.each([
    ['the IV', 1],
    ['the tag', 2],
    ['the data', 3],
  ])('refuses a ciphertext whose %s was altered', (_part, index) => {
    const ciphertext = fc1.encrypt('1.234.567', 'persons.document_number');
    expect(() => fc1.decrypt(tamper(ciphertext, index), 'persons.document_number')).toThrow(DecryptionError);
  });

  it('refuses a ciphertext copied into another column', () => {
    const ciphertext = fc1.encrypt('Asunción', 'persons.residence_district');
    expect(() => fc1.decrypt(ciphertext, 'cases.detection_place')).toThrow(DecryptionError);
    expect(fc1.decrypt(ciphertext, 'persons.residence_district')).toBe('Asunción');
  });

  it('refuses plaintext, malformed values, unknown keys and the wrong key', () => {
    const ciphertext = fc1.encrypt('x', COLUMN);
    expect(() => fc1.decrypt('María', COLUMN)).toThrow(DecryptionError);
    expect(() => fc1.decrypt('enc:v1:d1:only-two', COLUMN)).toThrow(DecryptionError);
    expect(() => fc1.decrypt(ciphertext.replace('enc:v1:d1:', 'enc:v1:d9:'), COLUMN)).toThrow(/d9/);
    const impostor = new FieldCrypto(new Map([['d1', key()]]), 'd1', BLIND_KEY);
    expect(() => impostor.decrypt(ciphertext, COLUMN)).toThrow(DecryptionError);
  });

  it('still reads values of a retired key after rotation, and writes with the new one', () => {
    const old = fc1.encrypt('antes', COLUMN);
    const rotated = new FieldCrypto(
      new Map([
        ['d1', DATA_KEY],
        ['d2', key()],
      ]),
      'd2',
      BLIND_KEY,
    );
    expect(rotated.decrypt(old, COLUMN)).toBe('antes');
    expect(FieldCrypto.keyIdOf(rotated.encrypt('después', COLUMN))).toBe('d2');
    expect(() => new FieldCrypto(new Map([['d1', DATA_KEY]]), 'd2', BLIND_KEY)).toThrow(/d2/);
  });

  it('round-trips any Unicode string, bound to its column', () => {
    // Any code point but lone surrogates (which no UTF-8 text can hold), and real grapheme clusters.
    // (fast-check's own 'binary' unit takes seconds to start, hence the hand-made one.)
    const codePoint = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCodePoint(c));
    const text = fc.oneof(
      fc.string({ unit: codePoint, maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(COLUMN, 'cases.narrative'), (plaintext, column) => {
        const ciphertext = fc1.encrypt(plaintext, column);
        if (fc1.decrypt(ciphertext, column) !== plaintext) return false;
        try {
          fc1.decrypt(ciphertext, `${column}_other` as EncryptionContext);
          return false;
        } catch (error) {
          return error instanceof DecryptionError;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('blind index', () => {
  it('is deterministic per value and domain, and different across values and domains', () => {
    const a = fc1.blindIndex('1234567', 'document_number');
    expect(fc1.blindIndex('1234567', 'document_number')).toBe(a);
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(fc1.blindIndex('1234568', 'document_number')).not.toBe(a);
    expect(fc1.blindIndex('1234567', 'phone')).not.toBe(a);
    // The domain separator keeps ("ab","c") and ("a","bc") apart.
    expect(fc1.blindIndex('c', 'ab')).not.toBe(fc1.blindIndex('bc', 'a'));
  });

  it('depends on the key: without it the index cannot be recomputed', () => {
    const other = new FieldCrypto(new Map([['d1', DATA_KEY]]), 'd1', key());
    expect(other.blindIndex('1234567', 'document_number')).not.toBe(
      fc1.blindIndex('1234567', 'document_number'),
    );
    const unkeyed = crypto.createHash('sha256').update('document_number\u00001234567').digest('base64url');
    expect(fc1.blindIndex('1234567', 'document_number')).not.toBe(unkeyed);
    const sameKey = new FieldCrypto(new Map([['d9', key()]]), 'd9', BLIND_KEY);
    expect(sameKey.blindIndex('1234567', 'document_number')).toBe(
      fc1.blindIndex('1234567', 'document_number'),
    );
  });
});

describe('key wrapping and the master key', () => {
  it('unwraps a data key only with the right master key and key id', () => {
    const master = key();
    const wrapped = wrapKey(master, 'd1', DATA_KEY);
    expect(unwrapKey(master, 'd1', wrapped).equals(DATA_KEY)).toBe(true);
    expect(() => unwrapKey(key(), 'd1', wrapped)).toThrow(/NANDUTI_MASTER_KEY/);
    expect(() => unwrapKey(master, 'd2', wrapped)).toThrow(DecryptionError);
    expect(() => unwrapKey(master, 'd1', 'garbage')).toThrow(DecryptionError);
  });

  it('parses a master key as 64 hex characters or base64 of 32 bytes, nothing else', () => {
    const raw = key();
    expect(parseMasterKey(raw.toString('hex')).equals(raw)).toBe(true);
    expect(parseMasterKey(` ${raw.toString('base64')}\n`).equals(raw)).toBe(true);
    expect(() => parseMasterKey(raw.subarray(0, 16).toString('base64'))).toThrow(/32 bytes/);
    expect(() => parseMasterKey('secret')).toThrow(/32 bytes/);
  });
});
