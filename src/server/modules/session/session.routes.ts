/** Signing in and out, the current session, preferences and optional TOTP enrolment. */
import type { FastifyInstance } from 'fastify';
import type { SessionView } from '../../../shared/api.js';
import { contracts } from '../../../shared/contracts/index.js';
import type { Actor } from '../../access/actor.js';
import { permissionsOf } from '../../access/policies.js';
import { writeAudit } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import { AppError, errors } from '../../core/errors.js';
import { routesOf } from '../../http/route.js';
import {
  actorOf,
  authenticate,
  clearSessionCookie,
  DEVICE_COOKIE,
  setDeviceCookie,
  setSessionCookie,
} from '../../http/session-auth.js';
import type { AppServices } from '../../services.js';
import type { Locale, Role } from '../../../shared/roles.js';
import { DEVICE_COOKIE_DAYS, deviceCookie, login } from '../auth/auth.service.js';
import { deleteOtherSessions, deleteSession, deleteUserSessions, loadSession } from '../auth/sessions.js';
import { generateTotpSecret, matchTotp, totpEnrolment } from '../auth/totp.js';
import { enableTotp, sessionUser, setUserLocale, storeTotpSecret, userTotp } from './session.repository.js';
import { type AuditFieldName } from '../../../shared/audit-fields/lists.js';

/** The audit row of a change signed-in users make to their own account. */
function auditOwnAccount(
  trx: Trx,
  actor: Actor,
  requestId: string,
  action: 'user.preferences' | 'user.totpEnrol' | 'user.totpConfirm',
  changedFields: AuditFieldName[],
) {
  return writeAudit(trx, {
    actor,
    action,
    requestId,
    resourceType: 'user',
    resourceId: actor.userId,
    changedFields,
  });
}

async function presentSession(
  trx: Trx,
  actor: Actor,
  csrfToken: string,
  expiresAt: Date | string,
): Promise<SessionView> {
  const user = await sessionUser(trx, actor.userId);
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as Role,
      institution: { id: user.institution_id, code: user.code, name: user.name },
      locale: user.locale as Locale,
      totpEnabled: user.totp_enabled,
    },
    permissions: permissionsOf({ ...actor, role: user.role as Role }),
    csrfToken,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

export function sessionRoutes(app: FastifyInstance, services: AppServices) {
  const route = routesOf(app, services);
  route(
    contracts.login,
    async ({ request, reply, requestId }, { body }) => {
      const device = request.cookies[DEVICE_COOKIE];
      const session = await login(services, body, request.ip, requestId, device);
      // A challenge, not an error: the browser asks for the code without logging a failed request.
      if ('secondFactor' in session) return session;
      setSessionCookie(request, reply, session.token, session.expiresAt);
      setDeviceCookie(request, reply, deviceCookie(services.crypto, session.userId), DEVICE_COOKIE_DAYS);
      return services.db.transaction(async (trx) => {
        const loaded = await loadSession(trx, session.token, services.config);
        return presentSession(trx, actorOf(loaded!), session.csrfToken, session.expiresAt);
      });
    },
    { transaction: 'none' },
  );

  route(contracts.logout, async ({ trx, actor, request, reply, requestId }) => {
    await deleteSession(trx, actor.sessionId);
    await writeAudit(trx, { actor, action: 'auth.logout', requestId, resourceType: 'session' });
    clearSessionCookie(request, reply);
  });

  route(contracts.logoutEverywhere, async ({ trx, actor, request, reply, requestId }) => {
    const ended = await deleteUserSessions(trx, actor.userId);
    await writeAudit(trx, {
      actor,
      action: 'auth.logoutEverywhere',
      requestId,
      resourceType: 'session',
      changedFields: [`sessions:${ended}`],
    });
    clearSessionCookie(request, reply);
  });

  route(contracts.getSession, async ({ trx, actor, request }) =>
    presentSession(trx, actor, request.session!.csrfToken, request.session!.expiresAt),
  );

  route(
    contracts.probeSession,
    async ({ request, reply }) => {
      try {
        const actor = await authenticate(services, request, reply);
        const session = await services.db.transaction(
          (trx) => presentSession(trx, actor, request.session!.csrfToken, request.session!.expiresAt),
          { readOnly: true },
        );
        return { signedIn: true, session };
      } catch (error) {
        if (error instanceof AppError && error.code === 'unauthenticated')
          return { signedIn: false, session: null };
        throw error;
      }
    },
    { transaction: 'none' },
  );

  route(contracts.updatePreferences, async ({ trx, actor, request, requestId }, { body }) => {
    await setUserLocale(trx, actor.userId, body.locale);
    await auditOwnAccount(trx, actor, requestId, 'user.preferences', ['locale']);
    return presentSession(
      trx,
      { ...actor, locale: body.locale },
      request.session!.csrfToken,
      request.session!.expiresAt,
    );
  });

  route(contracts.enrollTotp, async ({ trx, actor, requestId, crypto }) => {
    const user = await userTotp(trx, actor.userId);
    if (user.totp_enabled) throw errors.conflict('totp_already_enabled');
    const secret = generateTotpSecret();
    await storeTotpSecret(trx, actor.userId, crypto.encrypt(secret, 'users.totp_secret'));
    await auditOwnAccount(trx, actor, requestId, 'user.totpEnrol', ['totp']);
    return totpEnrolment(secret, actor.username);
  });

  route(contracts.confirmTotp, async ({ trx, actor, request, requestId, crypto }, { body }) => {
    const user = await userTotp(trx, actor.userId);
    if (user.totp_enabled) throw errors.conflict('totp_already_enabled');
    if (!user.totp_secret) throw errors.badRequest('totp_not_enrolled');
    const step = matchTotp(crypto.decrypt(user.totp_secret, 'users.totp_secret'), body.code);
    if (step === null) throw errors.badRequest('invalid_totp');
    await enableTotp(trx, actor.userId, step);
    // Other sessions were opened without the second factor: end them.
    await deleteOtherSessions(trx, actor.userId, actor.sessionId);
    await auditOwnAccount(trx, actor, requestId, 'user.totpConfirm', ['totp']);
    return presentSession(trx, actor, request.session!.csrfToken, request.session!.expiresAt);
  });
}
