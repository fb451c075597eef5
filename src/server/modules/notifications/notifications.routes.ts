/** Notifications: the signed-in user's own, newest first, and marking them read. */
import type { FastifyInstance } from 'fastify';
import { writeAudit } from '../../audit/audit.js';
import { contracts } from '../../../shared/contracts/index.js';
import { routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

export function notificationRoutes(app: FastifyInstance, services: AppServices): void {
  const route = routesOf(app, services);
  route(contracts.listNotifications, async ({ trx, actor, locale }) =>
    listNotifications({ trx, actor }, locale),
  );

  route(contracts.markNotificationsRead, async ({ trx, actor, requestId, purpose }, { body }) => {
    const result = await markNotificationsRead({ trx, actor }, body);
    await writeAudit(trx, {
      actor,
      action: 'notification.markRead',
      resourceType: 'notification',
      resourceId: null,
      purpose,
      requestId,
      changedFields: ['readAt'],
    });
    return result;
  });
}
