/** Authentication of API requests by session cookie, and CSRF protection of cookie-authenticated writes. */
import crypto from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import { loadSession, peekSession, SESSION_COOKIE, type LoadedSession } from '../modules/auth/sessions.js';
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
  return actorOf(session);
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
 */
export async function authenticateIn(
  trx: Trx,
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
  mayWrite: boolean,
): Promise<Actor> {
  const session = await peekSession(trx, tokenOf(request), services.config, mayWrite);
  if (session === 'write') throw new SessionNeedsWrite();
  if (session === 'unknown') {
    clearSessionCookie(request, reply);
    throw errors.unauthenticated();
  }
  request.session = session;
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
