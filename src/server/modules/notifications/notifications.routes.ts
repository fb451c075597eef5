/** Notifications: the signed-in user's own, newest first, and marking them read. */
import type { FastifyInstance } from 'fastify';
import { auditOperation } from '../../audit/audit.js';
import { contracts } from '../../../shared/contracts/index.js';
import { routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

export function notificationRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.listNotifications, async ({ trx, actor, locale }) =>
    listNotifications({ trx, actor }, locale),
  );

  route(contracts.markNotificationsRead, async (ctx, { body }) => {
    const result = await markNotificationsRead(ctx, body);
    await auditOperation(ctx, 'notification.markRead', 'notification', null, ['readAt']);
    return result;
  });
}
