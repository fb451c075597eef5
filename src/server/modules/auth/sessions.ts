/**
 * Server-side sessions in the database, so app servers are stateless. The cookie carries a random
 * token; the table keeps only its SHA-256. Idle and absolute timeouts; logout everywhere.
 */
import crypto from 'node:crypto';
import type { Trx } from '../../db/database.js';
import type { Config } from '../../config.js';
import { DEFERRED, PREPARED } from '../../db/pg-prepared.js';
import { sql } from 'kysely';
import { runCompiled } from '../../db/compiled-once.js';

export const SESSION_COOKIE = 'nanduti_session';

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(trx: Trx, userId: string, config: Config): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + config.sessionAbsoluteHours * 3600_000);
  await trx
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function deleteSession(trx: Trx, sessionId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(trx: Trx, userId: string): Promise<number> {
  const result = await trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Ends every session of the user but the one given (after the second factor is turned on). */
export async function deleteOtherSessions(trx: Trx, userId: string, keepSessionId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepSessionId).execute();
}

/** The session of `id` with its user and institution, as stored (no timeout checked). */
async function sessionRow(trx: Trx, id: string) {
  // Every signed-in request reads it: compiled once (compiled-once.ts).
  const [row] = await runCompiled(trx, 'session', [id], ([sessionId]) => sessionQuery(trx, sessionId));
  return row;
}

function sessionQuery(trx: Trx, id: string) {
  return trx
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('institutions', 'institutions.id', 'users.institution_id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token as csrfToken',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
      'users.id as userId',
      'users.username',
      'users.display_name as displayName',
      'users.role',
      'users.status',
      'users.locale',
      'users.totp_enabled as totpEnabled',
      'users.institution_id as institutionId',
      'institutions.code as institutionCode',
      'institutions.name as institutionName',
    ])
    .where('sessions.id', '=', id)
    .modifyEnd(PREPARED);
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof sessionRow>>>;

/** Last-seen is written at most once a minute per session. */
const TOUCH_AFTER_MS = 60_000;

function ended(row: SessionRow, config: Config, now: number): boolean {
  const idleLimit = new Date(row.lastSeenAt).getTime() + config.sessionIdleMinutes * 60_000;
  return row.status !== 'active' || new Date(row.expiresAt).getTime() <= now || idleLimit <= now;
}

/**
 * How long after its last-seen a remembered session's check still passes without a write: the
 * minute between touches, or the idle timeout if shorter (`checkRememberedSession`).
 */
function checkWindowMs(config: Config): number {
  return Math.min(TOUCH_AFTER_MS, config.sessionIdleMinutes * 60_000);
}

/**
 * Whether a remembered session's last-seen should be written ahead now (`keepSessionSeen`,
 * session-auth.ts): two thirds into the window of its check, so that a session in use is written
 * before its check would fail, rather than by every request in flight once it has.
 */
export function seenDueSoon(row: Pick<SessionRow, 'lastSeenAt'>, config: Config, now: number): boolean {
  return now - new Date(row.lastSeenAt).getTime() >= (checkWindowMs(config) * 2) / 3;
}

/**
 * Writes a live session's last-seen ahead of its minute, in a transaction of its own, after a
 * request of it was answered. Only a session still live by the check's own measure (seen within the
 * window, not expired) is written, so this never brings back a session gone idle; false when nothing
 * was written (the session ended, or was written meanwhile by another request or server).
 */
export async function touchSessionAhead(trx: Trx, id: string, config: Config, now: number): Promise<boolean> {
  const result = await trx
    .updateTable('sessions')
    .set({ last_seen_at: new Date(now) })
    .where('id', '=', id)
    .where('last_seen_at', '>=', new Date(now - checkWindowMs(config)))
    .where('last_seen_at', '<', new Date(now))
    .where('expires_at', '>', new Date(now))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function touchSession(trx: Trx, id: string, now: number) {
  return trx
    .updateTable('sessions')
    .set({ last_seen_at: new Date(now) })
    .where('id', '=', id)
    .execute();
}

/** Loads a live session with its user; expired or idle sessions are deleted and give null. */
export async function loadSession(trx: Trx, token: string, config: Config) {
  const id = hashToken(token);
  const row = await sessionRow(trx, id);
  if (!row) return null;
  const now = Date.now();
  if (ended(row, config, now)) {
    await deleteSession(trx, id);
    return null;
  }
  if (now - new Date(row.lastSeenAt).getTime() > TOUCH_AFTER_MS) await touchSession(trx, id, now);
  return row;
}

/**
 * The session read inside a request's own transaction (one statement instead of a transaction of
 * its own): `unknown` for no such session, `write` when answering needs a write this transaction
 * may not do (an ended session to delete, or a last-seen to update in a read-only transaction) —
 * the caller then goes through `loadSession` in a transaction of its own.
 */
export async function peekSession(
  trx: Trx,
  token: string,
  config: Config,
  mayWrite: boolean,
): Promise<SessionRow | 'unknown' | 'write'> {
  const id = hashToken(token);
  const row = await sessionRow(trx, id);
  if (!row) return 'unknown';
  const now = Date.now();
  if (ended(row, config, now)) return 'write';
  if (now - new Date(row.lastSeenAt).getTime() > TOUCH_AFTER_MS) {
    if (!mayWrite) return 'write';
    await touchSession(trx, id, now);
  }
  return row;
}

export type LoadedSession = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

/**
 * The check of a session remembered from an earlier request (`rememberedSession`, session-auth.ts),
 * sent ahead of the request's first statement instead of a select of its own: one statement that
 * fails (division by zero) unless the session still exists exactly as remembered — same user, role,
 * institution, CSRF token and the rest — and is live without needing a write (not expired, not
 * idle, its last-seen not due). On PostgreSQL it travels with the next statement (`DEFERRED`,
 * pg-pipeline.ts), and an error of its stops everything after it in that batch, so nothing of the
 * request runs for a session that ended or changed; the caller then reads the session the usual way.
 * On the embedded engine it runs at once.
 */
export async function checkRememberedSession(
  trx: Trx,
  row: SessionRow,
  config: Config,
  now: number,
): Promise<void> {
  const touchedSince = new Date(now - checkWindowMs(config));
  const args = [
    row.sessionId,
    row.csrfToken,
    new Date(row.expiresAt),
    new Date(now),
    touchedSince,
    row.userId,
    row.username,
    row.displayName,
    row.role,
    row.locale,
    row.totpEnabled,
    row.institutionId,
    row.institutionCode,
    row.institutionName,
  ] as const;
  await runCompiled(trx, 'sessionCheck', args, (a) => sessionCheckQuery(trx, a));
}

function sessionCheckQuery(
  trx: Trx,
  [
    id,
    csrf,
    expiresAt,
    now,
    touchedSince,
    userId,
    username,
    displayName,
    role,
    locale,
    totp,
    institutionId,
    code,
    name,
  ]: readonly unknown[],
) {
  // count(*) is 0 or 1 (sessions.id is the key): 1 / 0 fails the statement when the session is not
  // as remembered. Every column of the session the request uses is compared.
  const same = trx
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('institutions', 'institutions.id', 'users.institution_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sessions.id', '=', id as string)
    .where('sessions.csrf_token', '=', csrf as string)
    .where('sessions.expires_at', '=', expiresAt as Date)
    .where('sessions.expires_at', '>', now as Date)
    .where('sessions.last_seen_at', '>=', touchedSince as Date)
    .where('users.id', '=', userId as string)
    .where('users.username', '=', username as string)
    .where('users.display_name', '=', displayName as string)
    .where('users.role', '=', role as string)
    .where('users.status', '=', 'active')
    .where('users.locale', '=', locale as string)
    .where('users.totp_enabled', '=', totp as boolean)
    .where('users.institution_id', '=', institutionId as string)
    .where('institutions.code', '=', code as string)
    .where('institutions.name', '=', name as string);
  return trx
    .selectNoFrom(sql<number>`1 / (${same})::int`.as('live'))
    .modifyEnd(PREPARED)
    .modifyEnd(DEFERRED);
}
