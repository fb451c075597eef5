/** API shapes of in-app notifications: the signed-in user's own, and marking them read. */
import { z } from 'zod';
import { Uuid } from './api.js';

export const NOTIFICATION_KINDS = [
  'referral_created',
  'referral_accepted',
  'referral_declined',
  'referral_completed',
  'referral_closed',
  'referral_withdrawn',
  'referral_overdue',
  // privacy: someone opened a record of the institution in an emergency (docs/PRIVACY.md)
  'break_glass_opened',
  'task_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationView = z.object({
  id: Uuid,
  kind: z.enum(NOTIFICATION_KINDS),
  resourceType: z.enum(['referral', 'break_glass', 'task']),
  resourceId: Uuid,
  /** A task's case (where its notice links to); null for other notices or a task without a case. */
  caseId: Uuid.nullable(),
  /** The referral's or task's reference, e.g. DER-1A2B3C4D, TAR-1A2B3C4D (a break-glass use: BG-1A2B3C4D). */
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
    message: 'issue.idsOrAll',
    path: ['ids'],
  });
export const MarkNotificationsReadResponse = z.object({ marked: z.number().int(), unread: z.number().int() });
