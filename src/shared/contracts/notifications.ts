/** Notifications: the signed-in user's own, newest first, and marking them read. */

import { defineOperations } from '../contract.js';
import * as api from '../api-notifications.js';

const notifications = defineOperations({ tags: ['notifications'], purpose: 'referral' });

export const listNotifications = notifications.get('listNotifications', '/api/notifications', {
  summary: 'The signed-in user’s notifications, newest first (at most 50), and how many are unread',
  action: 'notification.list',
  response: api.NotificationList,
});

export const markNotificationsRead = notifications.post('markNotificationsRead', '/api/notifications/read', {
  summary: 'Mark own notifications read: the given ids, or all',
  action: 'notification.markRead',
  body: api.MarkNotificationsReadRequest,
  response: api.MarkNotificationsReadResponse,
});
