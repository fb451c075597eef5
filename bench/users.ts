/**
 * A user for a benchmark to act as: active, no second factor, a random password that nobody knows
 * (benchmarks open sessions directly; nobody signs in as it).
 */
import crypto from 'node:crypto';
import type { Trx } from '../src/server/db/database.js';
import { hashPassword } from '../src/server/modules/auth/password.js';
import { insertUser } from '../src/server/modules/users/users.repository.js';
import type { Role } from '../src/shared/roles.js';

export async function insertBenchUser(
  trx: Trx,
  user: { institutionId: string; username: string; displayName: string; role: Role },
): Promise<string> {
  return insertUser(trx, {
    institution_id: user.institutionId,
    unit_id: null,
    username: user.username,
    username_key: user.username,
    display_name: user.displayName,
    email: null,
    role: user.role,
    status: 'active',
    password_hash: await hashPassword(crypto.randomBytes(24).toString('base64')),
    totp_secret: null,
    totp_enabled: false,
    totp_last_step: null,
    locked_until: null,
  });
}
