/** Notifications: the signed-in user's own, newest first, and marking them read. */

import { defineContract } from '../contract.js';
import {
  MarkNotificationsReadRequest,
  MarkNotificationsReadResponse,
  NotificationList,
} from '../api-notifications.js';

const common = { tags: ['notifications'], purpose: 'referral' } as const;

export const listNotifications = defineContract({
  ...common,
  operationId: 'listNotifications',
  method: 'GET',
  path: '/api/notifications',
  summary: 'The signed-in user’s notifications, newest first (at most 50), and how many are unread',
  action: 'notification.list',
  response: NotificationList,
});

export const markNotificationsRead = defineContract({
  ...common,
  operationId: 'markNotificationsRead',
  method: 'POST',
  path: '/api/notifications/read',
  summary: 'Mark own notifications read: the given ids, or all',
  action: 'notification.markRead',
  body: MarkNotificationsReadRequest,
  response: MarkNotificationsReadResponse,
});
