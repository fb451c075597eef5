/**
 * Passwords: argon2id (OWASP parameters), at least 12 characters, not one of the ~49,000 most
 * common passwords, not containing the username, not one character repeated.
 */
import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/roles.js';
import { errors } from '../../core/errors.js';

// The list is an array of words (ranked by frequency); Object.keys of it would give its indexes.
const commonList =
  (dictionary as unknown as Record<string, readonly string[] | undefined>)['passwords-common'] ?? [];
const common = new Set(commonList.map((p) => p.toLowerCase()));
// Local favourites that international lists miss.
for (const p of [
  'paraguay1234',
  'paraguay12345',
  'asuncion1234',
  'contraseña123',
  'contrasena123',
  'nanduti12345',
]) {
  common.add(p);
}

export function commonPasswordCount(): number {
  return common.size;
}

/**
 * Throws a 400 with a clear reason when the password is too weak. The API's schemas check the
 * length too; this check is what guards callers without a schema (`nanduti create-admin`).
 */
export function checkPasswordStrength(password: string, username: string): void {
  const { length } = password;
  if (length < PASSWORD_MIN_LENGTH) throw errors.weakPassword('short', { min: PASSWORD_MIN_LENGTH });
  if (length > PASSWORD_MAX_LENGTH) throw errors.weakPassword('long', { max: PASSWORD_MAX_LENGTH });
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d\W_]+$/u, '');
  if (
    common.has(lower) ||
    (stripped.length >= 6 && common.has(stripped) && stripped.length + 4 >= lower.length)
  ) {
    throw errors.weakPassword('common');
  }
  if (username.length >= 3 && lower.includes(username.toLowerCase())) throw errors.weakPassword('username');
  if (new Set(password).size < 5) throw errors.weakPassword('repetitive');
}

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let decoyHash: Promise<string> | null = null;
export function decoy(): Promise<string> {
  decoyHash ??= hashPassword('decoy-password-for-timing');
  return decoyHash;
}
