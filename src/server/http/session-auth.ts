/** Authentication of API requests by session cookie, and CSRF protection of cookie-authenticated writes. */
import crypto from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import {
  checkRememberedSession,
  hashToken,
  loadSession,
  peekSession,
  seenDueSoon,
  SESSION_COOKIE,
  touchSessionAhead,
  type LoadedSession,
} from '../modules/auth/sessions.js';
import type { AppServices } from '../services.js';
import type { Trx } from '../db/database.js';
import type { Locale, Role } from '../../shared/roles.js';
import { errors } from '../core/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    session?: LoadedSession;
  }
}

/** The session cookie's attributes: the whole site, never read by scripts, never sent cross-site. */
function cookieOptions(request: FastifyRequest, maxAge: number): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
) {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request, maxAge));
}

/** The device cookie (auth.service.ts `deviceCookie`): sent only to the sign-in routes, never read by scripts. */
export const DEVICE_COOKIE = 'nanduti_device';

export function setDeviceCookie(request: FastifyRequest, reply: FastifyReply, value: string, days: number) {
  reply.setCookie(DEVICE_COOKIE, value, { ...cookieOptions(request, days * 86_400), path: '/api/auth' });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.setCookie(SESSION_COOKIE, '', cookieOptions(request, 0));
}

export function actorOf(session: LoadedSession): Actor {
  return {
    userId: session.userId,
    username: session.username,
    displayName: session.displayName,
    role: session.role as Role,
    institutionId: session.institutionId,
    institutionCode: session.institutionCode,
    sessionId: session.sessionId,
    locale: session.locale as Locale,
  };
}

/** The session cookie's token; 401 without one (or with one too long to be ours). */
function tokenOf(request: FastifyRequest): string {
  // @fastify/cookie parses the header; a value it cannot decode (a lone `%`) stays as sent and
  // matches no session, so a malformed cookie is a 401 like any other unknown one.
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) throw errors.unauthenticated();
  return token;
}

/** The actor of a request with a live session; otherwise 401 (and the stale cookie is cleared). */
export async function authenticate(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor> {
  const token = tokenOf(request);
  const session = await services.db.transaction((trx) => loadSession(trx, token, services.config));
  if (!session) {
    clearSessionCookie(request, reply);
    throw errors.unauthenticated();
  }
  request.session = session;
  remember(services, request, token, session);
  return actorOf(session);
}

/**
 * Sessions as an earlier request of this process read them, by token hash: a GET checks its
 * session against the remembered one in a statement sent with its first one (`authenticateIn`)
 * instead of reading it first — one round trip fewer. Bounded; a session that ended or changed is
 * forgotten when its check fails. Per database (tests run many apps in one process).
 */
const remembered = new WeakMap<AppServices['db'], Map<string, LoadedSession>>();
const REMEMBERED_MAX = 10_000;

/**
 * The hash of a request's session token, computed once per request: the route asks whether the
 * session is remembered and then reads it, both by this hash (a SHA-256 each time before).
 */
const tokenHashes = new WeakMap<FastifyRequest, { token: string; hash: string }>();

function tokenHashOf(request: FastifyRequest, token: string): string {
  const known = tokenHashes.get(request);
  if (known && known.token === token) return known.hash;
  const hash = hashToken(token);
  tokenHashes.set(request, { token, hash });
  return hash;
}

function remember(
  services: AppServices,
  request: FastifyRequest,
  token: string,
  session: LoadedSession,
): void {
  let byHash = remembered.get(services.db);
  if (!byHash) {
    byHash = new Map();
    remembered.set(services.db, byHash);
  }
  const id = tokenHashOf(request, token);
  byHash.delete(id);
  // The oldest entry goes first (a Map iterates in insertion order).
  if (byHash.size >= REMEMBERED_MAX) byHash.delete(byHash.keys().next().value!);
  byHash.set(id, session);
}

/** Whether an earlier request left the request's session remembered (`checkAhead` will use it). */
export function remembersSession(services: AppServices, request: FastifyRequest): boolean {
  const token = request.cookies[SESSION_COOKIE];
  return Boolean(
    token && token.length <= 100 && remembered.get(services.db)?.has(tokenHashOf(request, token)),
  );
}

/** Forgets the request's session (its check failed: ended, changed, or its last-seen due). */
export function forgetSession(services: AppServices, request: FastifyRequest): void {
  const token = request.cookies[SESSION_COOKIE];
  if (token) remembered.get(services.db)?.delete(tokenHashOf(request, token));
}

/** Remembered sessions whose last-seen is being written ahead (`keepSessionSeen`), per database. */
const seenAhead = new WeakMap<AppServices['db'], Set<string>>();

/**
 * After a request whose remembered session passed its check: when the session's last-seen is two
 * thirds into the check's window, writes it in a transaction of its own (one at a time per session;
 * nobody waits for it). Without this a session's check fails once a minute, and on a busy session
 * it fails for every request then in flight at once: each is run again, reads the session, finds its
 * last-seen due in a read-only transaction and writes it in one more transaction, all of them on the
 * same row (50 connections of one session: ~50 requests +0.5–1 s, bench/README.md). A failed write
 * only forgets the session, so that the next request reads it the usual way.
 */
export function keepSessionSeen(services: AppServices, request: FastifyRequest): void {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const byHash = remembered.get(services.db);
  const id = tokenHashOf(request, token);
  const known = byHash?.get(id);
  const now = Date.now();
  if (!byHash || !known || !seenDueSoon(known, services.config, now)) return;
  let writing = seenAhead.get(services.db);
  if (!writing) {
    writing = new Set();
    seenAhead.set(services.db, writing);
  }
  if (writing.has(id)) return;
  writing.add(id);
  services.db
    .transaction((trx) => touchSessionAhead(trx, known.sessionId, services.config, now))
    .then((written) => {
      // Still the same entry (not replaced by a fresh read meanwhile): remember the new last-seen,
      // or, when nothing was written, forget it.
      if (byHash.get(id) !== known) return;
      if (written) byHash.set(id, { ...known, lastSeenAt: new Date(now) });
      else byHash.delete(id);
    })
    .catch((error: unknown) => {
      byHash.delete(id);
      if (!services.db.closed)
        services.logger.warn({ err: error }, 'session: writing the last-seen ahead failed');
    })
    .finally(() => writing.delete(id));
}

/** Thrown by `authenticateIn` when the session needs a write its transaction cannot do. */
export class SessionNeedsWrite extends Error {
  constructor() {
    super('the session needs a write: authenticate in a transaction of its own');
  }
}

/**
 * `authenticate` inside the request's own transaction: the session is one more statement of it
 * rather than a transaction of its own (two round trips and a connection checkout fewer per
 * request). When the session has ended (to be deleted) or its last-seen is due in a read-only
 * transaction, throws `SessionNeedsWrite`: the caller authenticates with `authenticate` and runs
 * the request again.
 *
 * With `checkAhead` and a session remembered from an earlier request, the session is not read: the
 * request goes on as the remembered actor, and a statement that fails unless the session is still
 * exactly that one and live (`checkRememberedSession`) is sent with the transaction's first
 * statement (pg-pipeline.ts). If the check fails, nothing after it in that batch runs, the
 * transaction fails, and the caller forgets the session and runs the request again, reading it.
 */
export async function authenticateIn(
  trx: Trx,
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
  mayWrite: boolean,
  checkAhead = false,
): Promise<Actor> {
  const token = tokenOf(request);
  const known = checkAhead ? remembered.get(services.db)?.get(tokenHashOf(request, token)) : undefined;
  if (known) {
    // Not read first: checked in a statement that goes ahead of the request's first one, and fails
    // it (and everything after it) unless the session is still exactly this one and live.
    await checkRememberedSession(trx, known, services.config, Date.now());
    request.session = known;
    return actorOf(known);
  }
  const session = await peekSession(trx, token, services.config, mayWrite);
  if (session === 'write') throw new SessionNeedsWrite();
  if (session === 'unknown') {
    clearSessionCookie(request, reply);
    throw errors.unauthenticated();
  }
  request.session = session;
  remember(services, request, token, session);
  return actorOf(session);
}

/** Cookie-authenticated writes must echo the session's CSRF token in `x-csrf-token`. */
export function requireCsrf(request: FastifyRequest, _services: AppServices): void {
  const given = request.headers['x-csrf-token'];
  const expected = request.session?.csrfToken;
  if (typeof given !== 'string' || !expected) throw errors.csrf();
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) throw errors.csrf();
}
