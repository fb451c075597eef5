/** Authentication of API requests by session cookie, and CSRF protection of cookie-authenticated writes. */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor.js';
import { loadSession, SESSION_COOKIE, type LoadedSession } from '../modules/auth/sessions.js';
import type { AppServices } from '../services.js';
import type { Locale, Role } from '../../shared/roles.js';
import { errors } from '../core/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    session?: LoadedSession;
  }
}

export function readCookie(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name)
      return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}

function cookieAttributes(request: FastifyRequest): string {
  return `Path=/; HttpOnly; SameSite=Strict${request.protocol === 'https' ? '; Secure' : ''}`;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
) {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Max-Age=${maxAge}; ${cookieAttributes(request)}`);
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.header('set-cookie', `${SESSION_COOKIE}=; Max-Age=0; ${cookieAttributes(request)}`);
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

/** The actor of a request with a live session; otherwise 401 (and the stale cookie is cleared). */
export async function authenticate(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Actor> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token || token.length > 100) throw errors.unauthenticated();
  const session = await services.db.transaction((trx) => loadSession(trx, token, services.config));
  if (!session) {
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
