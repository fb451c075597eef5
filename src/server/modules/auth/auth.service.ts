/**
 * Signing in: password (argon2id), TOTP when enrolled or required by the role, lockout after
 * repeated failures per account, rate limiting per client (which a browser the account signed in
 * from before passes, by its device cookie), and the audit of every attempt.
 */
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Database, Trx } from '../../db/database.js';
import { writeAudit, type AuditOutcome } from '../../audit/audit.js';
import type { Config } from '../../config.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { AppError, errors } from '../../core/errors.js';
import { ROLES_REQUIRING_TOTP, type Role } from '../../../shared/roles.js';
import { decoy, verifyPassword } from './password.js';
import { createSession, type NewSession } from './sessions.js';
import { matchTotp } from './totp.js';
import { type AuditFieldName } from '../../../shared/audit-fields/lists.js';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;
export const CLIENT_WINDOW_MINUTES = 15;
export const CLIENT_MAX_FAILURES = 30;
/** How long a device cookie lets its browser past the per-client throttle (renewed at each sign-in). */
export const DEVICE_COOKIE_DAYS = 90;

/**
 * A device cookie (OWASP, "Slow down online guessing attacks with device cookies"): proof that this
 * browser signed in to this account before, so that one person's failures from a shared address (an
 * office behind one NAT, a whole unit behind a proxy) do not lock every colleague out. It names no
 * one: the day it was issued and a keyed MAC of the account's id with that day. The per-account
 * lockout still applies to a browser that holds one.
 */
export function deviceCookie(crypto: FieldCrypto, userId: string, now = Date.now()): string {
  const issued = Math.floor(now / 1000).toString(36);
  return `${issued}.${crypto.blindIndex(`${userId}:${issued}`, 'device_cookie')}`;
}

/** Whether `value` is a device cookie issued to `userId` less than {@link DEVICE_COOKIE_DAYS} ago. */
export function isDeviceOf(crypto: FieldCrypto, userId: string, value: string | undefined, now = Date.now()) {
  if (!value || value.length > 100) return false;
  const [issued, mac, extra] = value.split('.');
  if (!issued || !mac || extra !== undefined || !/^[0-9a-z]{1,10}$/.test(issued)) return false;
  const age = now / 1000 - parseInt(issued, 36);
  if (!(age >= -60 && age < DEVICE_COOKIE_DAYS * 86_400)) return false;
  const expected = Buffer.from(crypto.blindIndex(`${userId}:${issued}`, 'device_cookie'));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginDeps {
  db: Database;
  crypto: FieldCrypto;
  config: Config;
}

type Outcome =
  { ok: true; session: NewSession; userId: string } | { ok: false; error: AppError } | { ok: 'challenge' };

/** The password was right and the account asks for its second factor: no session yet. */
export interface SecondFactorChallenge {
  secondFactor: 'totp';
}

export function usernameKey(username: string): string {
  return username.trim().toLowerCase();
}

async function recordAttempt(trx: Trx, key: string, clientKey: string, success: boolean) {
  await trx
    .insertInto('login_attempts')
    .values({ username_key: key, client_key: clientKey, at: new Date(), success })
    .execute();
}

/**
 * The lock a name would carry after these failed attempts (oldest first) if it were an account:
 * every {@link LOCKOUT_THRESHOLD}th failure outside a lock locks it for {@link LOCKOUT_MINUTES}, and
 * attempts during a lock do not count — the rule `login` applies to a real account's
 * `failed_logins`. `pending` is how many failures count towards the next lock.
 */
export function lockOfName(failures: readonly Date[]): { lockedUntil: Date | null; pending: number } {
  let pending = 0;
  let lockedUntil: Date | null = null;
  for (const at of failures) {
    if (lockedUntil && at < lockedUntil) continue;
    if (++pending >= LOCKOUT_THRESHOLD) {
      lockedUntil = new Date(at.getTime() + LOCKOUT_MINUTES * 60_000);
      pending = 0;
    }
  }
  return { lockedUntil, pending };
}

/**
 * How far back a name's failures count towards its lock — a real account's and an unknown name's
 * alike, so that waiting a day between failures tells nothing either.
 */
export const NAME_HORIZON_HOURS = 24;

/**
 * The lock a name carries now: its failed attempts of the last {@link NAME_HORIZON_HOURS} hours
 * since its last successful sign-in, by {@link lockOfName}. The same query for a real account and
 * for a name nobody has (which never succeeds).
 */
async function lockNow(trx: Trx, key: string) {
  const rows = await trx
    .selectFrom('login_attempts')
    .select('at')
    .where('username_key', '=', key)
    .where('success', '=', false)
    .where('at', '>', new Date(Date.now() - NAME_HORIZON_HOURS * 3600_000))
    .where(({ eb, selectFrom }) =>
      eb(
        'at',
        '>',
        selectFrom('login_attempts as s')
          .select(sql<Date>`coalesce(max(s.at), '-infinity'::timestamptz)`.as('since'))
          .where('s.username_key', '=', key)
          .where('s.success', '=', true),
      ),
    )
    .orderBy('at')
    .orderBy('id')
    .limit(1000)
    .execute();
  return lockOfName(rows.map((r) => new Date(r.at)));
}

/** Failure state changes are committed before the error is returned, so they are never rolled back. */
export async function login(
  deps: LoginDeps,
  input: LoginInput,
  clientIp: string,
  requestId: string,
  device?: string,
): Promise<(NewSession & { userId: string }) | SecondFactorChallenge> {
  const key = usernameKey(input.username);
  const clientKey = deps.crypto.blindIndex(clientIp, 'client_ip');
  const outcome = await deps.db.transaction(async (trx): Promise<Outcome> => {
    const since = new Date(Date.now() - CLIENT_WINDOW_MINUTES * 60_000);
    const { failures } = await trx
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('failures'))
      .where('client_key', '=', clientKey)
      .where('success', '=', false)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('username_key', '=', key)
      .forUpdate()
      .executeTakeFirst();
    // A throttled address lets through only a browser that signed in to this very account before.
    if (Number(failures) >= CLIENT_MAX_FAILURES && !(user && isDeviceOf(deps.crypto, user.id, device))) {
      await writeAudit(trx, {
        actor: null,
        action: 'auth.login',
        outcome: 'denied',
        requestId,
        resourceType: 'client',
      });
      return { ok: false, error: errors.tooManyAttempts(CLIENT_WINDOW_MINUTES) };
    }
    const auditActor = user
      ? { userId: user.id, username: user.username, institutionId: user.institution_id, role: user.role }
      : null;
    /** The attempt's audit row: the account tried, when the name is one, and the request's id. */
    const audit = (
      action: 'auth.login' | 'auth.lockout',
      outcome: AuditOutcome,
      changedFields: AuditFieldName[] = [],
    ) =>
      writeAudit(trx, {
        actor: auditActor,
        action,
        outcome,
        requestId,
        resourceType: 'user',
        resourceId: user?.id ?? null,
        changedFields,
      });
    const fail = async (error: AppError, countsAgainstAccount: boolean): Promise<Outcome> => {
      // Counted as an unknown name's are (lockNow): failures older than the horizon are forgotten.
      const pending = user && countsAgainstAccount ? (await lockNow(trx, key)).pending : 0;
      await recordAttempt(trx, key, clientKey, false);
      if (user && countsAgainstAccount) {
        const failed = pending + 1;
        const lock = failed >= LOCKOUT_THRESHOLD ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null;
        await trx
          .updateTable('users')
          .set({ failed_logins: lock ? 0 : failed, locked_until: lock })
          .where('id', '=', user.id)
          .execute();
        if (lock) {
          await audit('auth.lockout', 'denied');
          error = errors.accountLocked(lock);
        }
      }
      // A failed sign-in's codes (invalid_credentials, invalid_totp, account_locked) are labelled
      // fields; a code without a label is refused at run time outside production.
      await audit('auth.login', 'failure', [error.code as AuditFieldName]);
      return { ok: false, error };
    };

    if (!user) {
      // An unknown name answers as an account would, lock included: no answer tells that it does not exist.
      const name = await lockNow(trx, key);
      if (name.lockedUntil && name.lockedUntil.getTime() > Date.now()) {
        await recordAttempt(trx, key, clientKey, false);
        await audit('auth.login', 'denied', ['account_locked']);
        return { ok: false, error: errors.accountLocked(name.lockedUntil) };
      }
      await verifyPassword(await decoy(), input.password);
      if (name.pending + 1 >= LOCKOUT_THRESHOLD) {
        await audit('auth.lockout', 'denied');
        return fail(errors.accountLocked(new Date(Date.now() + LOCKOUT_MINUTES * 60_000)), false);
      }
      return fail(errors.invalidCredentials(), false);
    }
    if (user.locked_until && new Date(user.locked_until).getTime() > Date.now()) {
      await recordAttempt(trx, key, clientKey, false);
      await audit('auth.login', 'denied', ['account_locked']);
      return { ok: false, error: errors.accountLocked(new Date(user.locked_until)) };
    }
    // An account without a password yet costs the same hash as one with (timing tells nothing).
    const passwordOk = user.password_hash
      ? await verifyPassword(user.password_hash, input.password)
      : (await verifyPassword(await decoy(), input.password)) && false;
    if (!passwordOk || user.status !== 'active') return fail(errors.invalidCredentials(), true);

    const needsTotp = user.totp_enabled || ROLES_REQUIRING_TOTP.includes(user.role as Role);
    let step: number | null = null;
    if (needsTotp) {
      if (!input.totp) return { ok: 'challenge' };
      const secret = user.totp_secret ? deps.crypto.decrypt(user.totp_secret, 'users.totp_secret') : null;
      step = secret ? matchTotp(secret, input.totp) : null;
      if (step === null || (user.totp_last_step !== null && step <= Number(user.totp_last_step))) {
        return fail(errors.invalidTotp(), true);
      }
    }
    await trx
      .updateTable('users')
      .set({
        failed_logins: 0,
        locked_until: null,
        // A secret given by a set-up, activation or reset link becomes active with its first valid code.
        ...(step !== null ? { totp_last_step: step, totp_enabled: true } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    await recordAttempt(trx, key, clientKey, true);
    const session = await createSession(trx, user.id, deps.config);
    await audit('auth.login', 'success');
    return { ok: true, session, userId: user.id };
  });
  if (outcome.ok === 'challenge') return { secondFactor: 'totp' };
  if (!outcome.ok) throw outcome.error;
  return { ...outcome.session, userId: outcome.userId };
}
