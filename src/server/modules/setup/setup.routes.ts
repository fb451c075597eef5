/** Unauthenticated account flows: first-run set-up and one-time password links. */
import type { FastifyInstance } from 'fastify';
import {
  SetPasswordRequest,
  SetPasswordResponse,
  SetupRequest,
  SetupResponse,
  SetupStatus,
} from '../../../shared/api.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { completeSetup, hasUsers, setPasswordWithToken } from './accounts.service.js';

export function setupRoutes(app: FastifyInstance, services: AppServices) {
  defineRoute(app, services, {
    operationId: 'getSetupStatus',
    method: 'GET',
    url: '/api/setup',
    summary: 'Whether the first system administrator still has to be created',
    tags: ['setup'],
    auth: 'public',
    response: SetupStatus,
    handler: async ({ trx }) => ({ needsSetup: !(await hasUsers(trx)) }),
  });

  defineRoute(app, services, {
    operationId: 'completeSetup',
    method: 'POST',
    url: '/api/setup',
    summary: 'Create the first system administrator with the one-time set-up token printed at first start',
    tags: ['setup'],
    auth: 'public',
    body: SetupRequest,
    response: SetupResponse,
    status: 201,
    handler: async ({ trx, body, requestId }) => {
      const admin = await completeSetup(trx, services.crypto, body.token, body, requestId);
      return { userId: admin.id, totpSecret: admin.totpSecret, otpauthUri: admin.otpauthUri };
    },
  });

  defineRoute(app, services, {
    operationId: 'setPasswordWithToken',
    method: 'POST',
    url: '/api/account/password',
    summary: 'Set a password with a one-time activation or reset link',
    tags: ['setup'],
    auth: 'public',
    body: SetPasswordRequest,
    response: SetPasswordResponse,
    handler: async ({ trx, body, requestId }) =>
      setPasswordWithToken(trx, services.crypto, body.token, body.password, requestId),
  });
}
