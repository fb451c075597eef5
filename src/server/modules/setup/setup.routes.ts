/** Unauthenticated account flows: first-run set-up and one-time password links. */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { completeSetup, setPasswordWithToken } from './accounts.service.js';
import { hasUsers } from '../users/users.repository.js';

export function setupRoutes(app: FastifyInstance, services: AppServices) {
  const route = routesOf(app, services);
  route(contracts.getSetupStatus, async ({ trx }) => ({
    needsSetup: !(await hasUsers(trx)),
  }));

  route(contracts.completeSetup, async ({ trx, requestId, crypto, locale }, { body }) => {
    const admin = await completeSetup(trx, crypto, body.token, { ...body, locale }, requestId);
    return {
      userId: admin.id,
      totpSecret: admin.totpSecret,
      otpauthUri: admin.otpauthUri,
      qrCode: admin.qrCode,
    };
  });

  route(contracts.setPasswordWithToken, async ({ trx, requestId, crypto, locale }, { body }) =>
    setPasswordWithToken(trx, crypto, body.token, body.password, requestId, locale),
  );
}
