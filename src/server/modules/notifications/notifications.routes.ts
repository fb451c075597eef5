/** Notifications: the signed-in user's own, newest first, and marking them read. */
import type { FastifyInstance } from 'fastify';
import { writeAudit } from '../../audit/audit.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import {
  MarkNotificationsReadRequest,
  MarkNotificationsReadResponse,
  NotificationList,
} from '../../../shared/api-notifications.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

const common = { tags: ['notifications'], auth: 'session' as const, purpose: 'referral' };

export function notificationRoutes(app: FastifyInstance, services: AppServices): void {
  defineRoute(app, services, {
    ...common,
    operationId: 'listNotifications',
    method: 'GET',
    url: '/api/notifications',
    summary: 'The signed-in user’s notifications, newest first (at most 50), and how many are unread',
    action: 'notification.list',
    response: NotificationList,
    handler: async ({ trx, actor, locale }) => listNotifications({ trx, actor }, locale),
  });

  defineRoute(app, services, {
    ...common,
    operationId: 'markNotificationsRead',
    method: 'POST',
    url: '/api/notifications/read',
    summary: 'Mark own notifications read: the given ids, or all',
    action: 'notification.markRead',
    body: MarkNotificationsReadRequest,
    response: MarkNotificationsReadResponse,
    handler: async ({ trx, actor, requestId, purpose, body }) => {
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
    },
  });
}
