/**
 * Creating administrators without any default password: the first system administrator through a
 * one-time set-up link (or `nanduti create-admin`), everyone else through activation links.
 */
import { writeAudit } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Database, Trx } from '../../db/database.js';
import { errors } from '../../core/errors.js';
import { ROLES_REQUIRING_TOTP, type Locale, type Role } from '../../../shared/roles.js';
import { usernameKey } from '../auth/auth.service.js';
import { checkPasswordStrength, hashPassword } from '../auth/password.js';
import { consumeToken, issueToken } from '../auth/tokens.js';
import { generateTotpSecret, totpEnrolment } from '../auth/totp.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { findUser, hasUsers, insertUser, updateUserRow, usernameExists } from '../users/users.repository.js';
import { findInstitution } from '../institutions/institutions.repository.js';

export interface NewAdmin {
  username: string;
  displayName: string;
  password: string;
  institutionCode?: string;
  /** The language the person set the account up in: the interface's language from then on. */
  locale?: Locale;
}

/**
 * Creates an active system administrator with a TOTP secret, returned once (with its QR code); the
 * second factor becomes active at the first sign-in with a valid code.
 */
export async function createSystemAdmin(
  trx: Trx,
  crypto: FieldCrypto,
  input: NewAdmin,
  requestId: string | null,
): Promise<{ id: string; totpSecret: string; otpauthUri: string; qrCode: string }> {
  checkPasswordStrength(input.password, input.username);
  const key = usernameKey(input.username);
  if (await usernameExists(trx, key)) throw errors.conflict('username_taken');
  const institutionId = await findInstitution(trx, { code: input.institutionCode ?? 'MESA' });
  if (!institutionId) throw errors.badRequest('unknown_institution');
  const totpSecret = generateTotpSecret();
  const id = await insertUser(trx, {
    institution_id: institutionId,
    unit_id: null,
    username: input.username,
    username_key: key,
    display_name: input.displayName,
    email: null,
    role: 'system_admin',
    status: 'active',
    password_hash: await hashPassword(input.password),
    totp_secret: crypto.encrypt(totpSecret, 'users.totp_secret'),
    // Pending until the first sign-in with a valid code from the app (auth.service.ts).
    totp_enabled: false,
    totp_last_step: null,
    locked_until: null,
    ...(input.locale ? { locale: input.locale } : {}),
  });
  await writeAudit(trx, {
    actor: null,
    action: 'user.createAdmin',
    resourceType: 'user',
    resourceId: id,
    purpose: 'administration',
    requestId,
    changedFields: ['username', 'displayName', 'role', 'password', 'totp'],
  });
  return { id, ...(await totpEnrolment(totpSecret, input.username)) };
}

/** On an empty database, issues a set-up token (24 h) and returns the link to print; otherwise null. */
export async function ensureSetupLink(db: Database, publicUrl: string): Promise<string | null> {
  return db.transaction(async (trx) => {
    if (await hasUsers(trx)) return null;
    const { token } = await issueToken(trx, 'setup', null, null);
    return `${publicUrl}/setup#token=${token}`;
  });
}

export async function completeSetup(
  trx: Trx,
  crypto: FieldCrypto,
  token: string,
  admin: NewAdmin,
  requestId: string,
) {
  if (await hasUsers(trx)) throw errors.conflict('setup_done');
  await consumeToken(trx, token, ['setup']);
  return createSystemAdmin(trx, crypto, admin, requestId);
}

/**
 * Activation and password reset: sets the password; enrols TOTP when the role requires it. An
 * activation also keeps the language the person activated the account in as their interface language
 * (a reset leaves the stored choice alone: it may come from another device).
 */
export async function setPasswordWithToken(
  trx: Trx,
  crypto: FieldCrypto,
  token: string,
  password: string,
  requestId: string,
  locale?: Locale,
) {
  const row = await consumeToken(trx, token, ['activation', 'password_reset']);
  const user = await findUser(trx, row.user_id!);
  if (!user || user.status === 'disabled') throw errors.invalidToken();
  checkPasswordStrength(password, user.username);
  const mustEnrol = ROLES_REQUIRING_TOTP.includes(user.role as Role) && !user.totp_enabled;
  const totpSecret = mustEnrol ? generateTotpSecret() : null;
  const newLocale = row.purpose === 'activation' && locale ? locale : null;
  await updateUserRow(trx, user.id, {
    ...(newLocale ? { locale: newLocale } : {}),
    password_hash: await hashPassword(password),
    status: 'active',
    failed_logins: 0,
    locked_until: null,
    ...(totpSecret
      ? {
          totp_secret: crypto.encrypt(totpSecret, 'users.totp_secret'),
          // Pending until the first sign-in with a valid code (auth.service.ts).
          totp_enabled: false,
          totp_last_step: null,
        }
      : {}),
  });
  await deleteUserSessions(trx, user.id);
  await writeAudit(trx, {
    actor: { userId: user.id, username: user.username, institutionId: user.institution_id, role: user.role },
    action: row.purpose === 'activation' ? 'user.activate' : 'user.passwordReset',
    resourceType: 'user',
    resourceId: user.id,
    requestId,
    changedFields: [
      'password',
      ...(totpSecret ? (['totp'] as const) : []),
      ...(newLocale ? (['locale'] as const) : []),
    ],
  });
  return { totp: totpSecret ? await totpEnrolment(totpSecret, user.username) : null };
}
