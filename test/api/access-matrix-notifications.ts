/**
 * The notification rows of the access matrix (access-matrix.test.ts): every signed-in role reads
 * and marks its own notifications; nobody sees another user's (the service scopes to the caller).
 */
import { api } from '../helpers/factories.js';
import type { Runners } from './access-matrix-kit.js';

// prettier-ignore
export const NOTIFICATIONS_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'listNotifications: own notifications':                                 '200  200  200  200  200  200  200',
  'markNotificationsRead: all own notifications':                         '200  200  200  200  200  200  200',
} as const;

export const NOTIFICATIONS_RUN: Runners<typeof NOTIFICATIONS_MATRIX> = {
  'listNotifications: own notifications': (c) => api(c.t, c.s, 'GET', '/api/notifications'),
  'markNotificationsRead: all own notifications': (c) =>
    api(c.t, c.s, 'POST', '/api/notifications/read', { all: true }),
};
