/**
 * Server-side sessions in the database, so app servers are stateless. The cookie carries a random
 * token; the table keeps only its SHA-256. Idle and absolute timeouts; logout everywhere.
 */
import crypto from 'node:crypto';
import type { Trx } from '../../db/database.js';
import type { Config } from '../../config.js';
import { PREPARED } from '../../db/pg-prepared.js';
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
