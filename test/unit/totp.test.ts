/** TOTP (RFC 6238) and the base32 encoding authenticator apps use for its secrets (RFC 4648). */
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  currentStep,
  generateTotpSecret,
  matchTotp,
  otpauthUri,
  totpAt,
} from '../../src/server/modules/auth/totp.js';

// RFC 6238 appendix B, SHA-1 column: the seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(RFC_VECTORS)('matches RFC 6238 at T=%is (last six digits of %s)', (seconds, eightDigits) => {
    expect(totpAt(RFC_SECRET, currentStep(seconds * 1000))).toBe(eightDigits.slice(-6));
  });

  it('gives 287082 at T=59s for the RFC secret', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(currentStep(59_000)).toBe(1);
    expect(totpAt(RFC_SECRET, 1)).toBe('287082');
  });

  it('accepts a code from the step before or after (clock drift), no further', () => {
    const now = 1_700_000_015_000;
    const step = currentStep(now);
    for (const offset of [-1, 0, 1])
      expect(matchTotp(RFC_SECRET, totpAt(RFC_SECRET, step + offset), now)).toBe(step + offset);
    for (const offset of [-3, -2, 2, 3]) {
      const code = totpAt(RFC_SECRET, step + offset);
      const inWindow = [-1, 0, 1].some((o) => totpAt(RFC_SECRET, step + o) === code);
      if (!inWindow) expect(matchTotp(RFC_SECRET, code, now)).toBeNull();
    }
  });

  it('refuses malformed codes without throwing', () => {
    const now = 1_700_000_015_000;
    for (const code of ['', '12345', '1234567', 'abcdef', '      ', '２８７０８２']) {
      expect(matchTotp(RFC_SECRET, code, now)).toBeNull();
    }
  });

  it('makes 160-bit secrets that differ each time and fit an otpauth URI', () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(a).not.toBe(b);
    const uri = new URL(otpauthUri(a, 'ana.perez'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(a);
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toContain('ana.perez');
  });
});

describe('base32', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s (RFC 4648, unpadded)', (text, encoded) => {
    expect(base32Encode(Buffer.from(text))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(text);
  });

  it('decodes lower case, spaces and padding as authenticator apps show them', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
  });

  it('refuses characters outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow(/base32/);
    expect(() => base32Decode('MZXW8')).toThrow(/base32/);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const encoded = base32Encode(Buffer.from(bytes));
        expect(encoded).toMatch(/^[A-Z2-7]*$/);
        expect(encoded.length).toBe(Math.ceil((bytes.length * 8) / 5));
        expect(base32Decode(encoded).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });

  it('gives an HMAC key equal to the raw secret bytes', () => {
    const raw = crypto.randomBytes(20);
    expect(base32Decode(base32Encode(raw)).equals(raw)).toBe(true);
  });
});
