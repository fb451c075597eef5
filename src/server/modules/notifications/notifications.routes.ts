/** Notifications: the signed-in user's own, newest first, and marking them read. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Uuid } from '../../../shared/api.js';
import { writeAudit } from '../../audit/audit.js';
import { defineRoute } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { NOTIFICATION_KINDS } from './notification-text.js';
import { listNotifications, markNotificationsRead } from './notifications.service.js';

export const NotificationView = z.object({
  id: Uuid,
  kind: z.enum(NOTIFICATION_KINDS),
  resourceType: z.literal('referral'),
  resourceId: Uuid,
  /** The referral's reference, e.g. DER-1A2B3C4D. */
  reference: z.string(),
  /** The text in the reader's language; never holds personal data. */
  text: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const NotificationList = z.object({
  items: z.array(NotificationView),
  unread: z.number().int(),
});
export const MarkNotificationsReadRequest = z
  .strictObject({
    ids: z.array(Uuid).max(200).optional(),
    all: z.boolean().optional(),
  })
  .refine((b) => b.all === true || (b.ids?.length ?? 0) > 0, {
    message: 'give ids or all: true',
    path: ['ids'],
  });
export const MarkNotificationsReadResponse = z.object({ marked: z.number().int(), unread: z.number().int() });

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
