/** One-time tokens for set-up, account activation and password reset links. Only hashes are stored. */
import type { Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';
import { hashToken, randomToken } from './sessions.js';

export type TokenPurpose = 'setup' | 'activation' | 'password_reset';

const LIFETIME_HOURS: Record<TokenPurpose, number> = { setup: 24, activation: 72, password_reset: 24 };

export async function issueToken(
  trx: Trx,
  purpose: TokenPurpose,
  userId: string | null,
  createdBy: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + LIFETIME_HOURS[purpose] * 3600_000);
  if (userId) {
    // A new link replaces any earlier unused one for the same user and purpose.
    await trx
      .updateTable('one_time_tokens')
      .set({ used_at: new Date() })
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
  }
  await trx
    .insertInto('one_time_tokens')
    .values({ id: hashToken(token), purpose, user_id: userId, created_by: createdBy, expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** Marks a token used and returns its row; a wrong, used or expired token is a 400 `invalid_token`. */
export async function consumeToken(trx: Trx, token: string, purposes: TokenPurpose[]) {
  const row = await trx
    .updateTable('one_time_tokens')
    .set({ used_at: new Date() })
    .where('id', '=', hashToken(token))
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['id', 'purpose', 'user_id'])
    .executeTakeFirst();
  if (!row) throw errors.invalidToken();
  return row;
}
