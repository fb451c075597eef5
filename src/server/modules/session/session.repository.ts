/** The signed-in user's own row: what the session view shows, their language, their second factor. */
import type { Trx } from '../../db/database.js';
import type { Locale } from '../../../shared/roles.js';

/** The user and institution a session view presents. */
export function sessionUser(trx: Trx, userId: string) {
  return trx
    .selectFrom('users')
    .innerJoin('institutions', 'institutions.id', 'users.institution_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.locale',
      'users.totp_enabled',
      'institutions.id as institution_id',
      'institutions.code',
      'institutions.name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function setUserLocale(trx: Trx, userId: string, locale: Locale): Promise<void> {
  await trx.updateTable('users').set({ locale, updated_at: new Date() }).where('id', '=', userId).execute();
}

/** The user's TOTP state: the (encrypted) secret and whether it is confirmed. */
export function userTotp(trx: Trx, userId: string) {
  return trx
    .selectFrom('users')
    .select(['totp_secret', 'totp_enabled'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** Stores a new, not yet confirmed TOTP secret (already encrypted by the caller). */
export async function storeTotpSecret(trx: Trx, userId: string, encryptedSecret: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_secret: encryptedSecret, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** Turns the second factor on, remembering the step just used so that it cannot be replayed. */
export async function enableTotp(trx: Trx, userId: string, step: number): Promise<void> {
  await trx
    .updateTable('users')
    .set({ totp_enabled: true, totp_last_step: step, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}
