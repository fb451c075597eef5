/** Security headers on every response; writes only from the app's own origin. */
import type { FastifyInstance } from 'fastify';
import { errors } from '../core/errors.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every response carries (a response over HTTPS also `strict-transport-security`). */
const EVERY_RESPONSE: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

export function securityHeaders(app: FastifyInstance): void {
  // A hook with a callback, not an async function: no promise and no microtask per response.
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(EVERY_RESPONSE);
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=63072000; includeSubDomains');
    }
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * A write to the API that a browser sent from another site is refused (403 `csrf_failed`) before
 * anything runs: its `Origin` must be the public URL's or the one the request was addressed to.
 * Defence in depth beside the session's CSRF token and the SameSite=Strict cookie, and the only
 * check on the public writes (sign-in, set-up, activation). A request without `Origin` (a command-line
 * client) passes here; a session write still needs the token.
 */
export function sameOriginWrites(app: FastifyInstance, publicUrl: string): void {
  const publicOrigin = originOf(publicUrl);
  app.addHook('onRequest', (request, _reply, done) => {
    const origin = request.headers.origin;
    if (origin === undefined || SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/'))
      return done();
    if (origin === publicOrigin || origin === originOf(`${request.protocol}://${request.host}`))
      return done();
    done(errors.csrf());
  });
}
