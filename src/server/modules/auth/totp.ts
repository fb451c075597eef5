/** TOTP (RFC 6238: SHA-1, 30-second steps, 6 digits), as every authenticator app implements it. */
import QRCode from 'qrcode';
import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_SECONDS = 30;

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error('Invalid base32 secret');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function generateTotpSecret(): string {
  return base32Encode(crypto.randomBytes(20));
}

export function currentStep(now = Date.now()): number {
  return Math.floor(now / 1000 / STEP_SECONDS);
}

export function totpAt(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = crypto.createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const code = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, '0');
}

/**
 * The step a code matches within ±1 step of now (clock drift), or null. Callers refuse a step at or
 * before the last one used, so a code cannot be replayed.
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  // Six ASCII digits only: anything else (e.g. full-width digits) would make the buffers differ in length.
  if (!/^[0-9]{6}$/.test(code)) return null;
  const step = currentStep(now);
  for (const candidate of [step, step - 1, step + 1]) {
    const expected = Buffer.from(totpAt(secret, candidate));
    const given = Buffer.from(code.padEnd(6).slice(0, 6));
    if (crypto.timingSafeEqual(expected, given)) return candidate;
  }
  return null;
}

export function otpauthUri(secret: string, username: string): string {
  const label = encodeURIComponent(`Ñandutí:${username}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent('Ñandutí')}&algorithm=SHA1&digits=6&period=30`;
}

/**
 * What an enrolment shows the user once: the secret, its otpauth URI and that URI as a QR code (an
 * SVG data: URL, drawn by the pure-JS `qrcode` package, so nothing leaves the server to draw it).
 */
export async function totpEnrolment(secret: string, username: string) {
  const uri = otpauthUri(secret, username);
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    totpSecret: secret,
    otpauthUri: uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}
