/** Password rules: length (shared schema), common passwords, the username, repetition; argon2id hashing. */
import { describe, expect, it } from 'vitest';
import { Password } from '../../src/shared/api.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../src/shared/roles.js';
import { AppError } from '../../src/server/core/errors.js';
import {
  checkPasswordStrength,
  commonPasswordCount,
  hashPassword,
  verifyPassword,
} from '../../src/server/modules/auth/password.js';

function reasonOf(password: string, username = 'ana.perez'): string | null {
  try {
    checkPasswordStrength(password, username);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).code;
  }
}

describe('password strength', () => {
  it('requires 12 to 256 characters (the schema the API and the forms share)', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(Password.safeParse('a'.repeat(11)).success).toBe(false);
    expect(Password.safeParse('b'.repeat(12)).success).toBe(true);
    expect(Password.safeParse('c'.repeat(PASSWORD_MAX_LENGTH)).success).toBe(true);
    expect(Password.safeParse('d'.repeat(PASSWORD_MAX_LENGTH + 1)).success).toBe(false);
  });

  it('knows tens of thousands of common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThan(40_000);
  });

  it.each([
    'password1234',
    'PASSWORD1234',
    'qwertyuiop12',
    'iloveyou1234',
    '123456789012',
    'paraguay1234',
    'contraseña123',
    'sunshine2024',
  ])('refuses the common password %s', (password) => {
    expect(reasonOf(password)).toBe('weak_password_common');
  });

  it.each(['ana.perez-2026-x', 'Mi clave es ANA.PEREZ'])(
    'refuses %s, which contains the username',
    (password) => {
      expect(reasonOf(password)).toBe('weak_password_username');
    },
  );

  it.each(['aaaaaaaaaaaaaaa', 'abababababababab', '1212121212121212'])(
    'refuses the repetitive %s',
    (password) => {
      expect(reasonOf(password, 'zz')).toMatch(/^weak_password_(repetitive|common)$/);
    },
  );

  it('refuses a password made of four distinct characters as repetitive', () => {
    expect(reasonOf('xyzqxyzqxyzqxyzq', 'zz')).toBe('weak_password_repetitive');
  });

  it.each([
    'correct horse battery staple',
    'ñandutí tejido en Itauguá',
    'Tereré con yuyos 7 veces',
    'Password1234!x',
  ])('accepts %s', (password) => {
    expect(reasonOf(password)).toBeNull();
  });

  it('hashes with argon2id, salted, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
