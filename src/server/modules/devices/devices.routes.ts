/** Offline devices: register, list, revoke, unlock (docs/OFFLINE.md). */
import type { FastifyInstance } from 'fastify';
import { contracts } from '../../../shared/contracts/index.js';
import { routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { intakeDraftKeys, submitIntake } from './intake.service.js';
import { deviceGone, listDevices, registerDevice, revokeDevice, unlockDevice } from './devices.service.js';

export function deviceRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  const expiryDays = services.config.deviceExpiryDays;

  route(contracts.registerDevice, async (ctx, { body }) =>
    registerDevice(ctx, ctx.crypto, body.name, expiryDays),
  );
  route(contracts.submitIntake, async (ctx, { body }) => {
    // The device header was checked on the way in (route.ts): an active device of this user.
    const device = ctx.request.headers['x-nanduti-device'];
    return submitIntake(ctx, ctx.crypto, body, typeof device === 'string' && device !== '' ? device : null);
  });
  route(contracts.getIntakeDraftKeys, async (ctx) => intakeDraftKeys(ctx.crypto, ctx.actor.userId));
  route(contracts.listDevices, async (ctx, { query }) => listDevices(ctx, query));
  route(contracts.revokeDevice, async (ctx, { params }) => revokeDevice(ctx, params.id));
  // Its own transaction: an expiry found on the way is kept (and audited) even though the answer is 410.
  route(
    contracts.getDeviceKey,
    async (ctx, { params, body }) => {
      const result = await services.db.transaction((trx) =>
        unlockDevice({ ...ctx, trx }, ctx.crypto, params.id, body.secret, expiryDays),
      );
      if (result.gone) throw deviceGone();
      return result.answer;
    },
    { transaction: 'none' },
  );
}
