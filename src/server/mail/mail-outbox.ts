/**
 * Sends notification e-mails after commit. The notification rows are the outbox: written with
 * mail_state 'pending' in the transaction of the change (so nothing acknowledged is lost), claimed
 * here with a lease (mail_next_at moves ahead, so a crash or a second server does not send twice
 * within it), sent outside any transaction, then marked 'sent' — or retried with back-off and, after
 * MAX_ATTEMPTS, marked 'failed'. Messages carry the kind and the referral reference only.
 */
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { notificationMail } from '../modules/notifications/notification-text.js';

export const MAX_ATTEMPTS = 5;
const BATCH = 20;
const LEASE_MS = 5 * 60_000;

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}
export type SendMail = (message: MailMessage) => Promise<void>;

/** True when both the relay and the sender address are configured. */
export function mailEnabled(config: Config): boolean {
  return Boolean(config.smtpUrl && config.mailFrom);
}

/** A sender over the configured SMTP relay (nodemailer, pure JavaScript). */
export function smtpSender(smtpUrl: string): SendMail {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (message) => {
    await transport.sendMail(message);
  };
}

/** Sends what is due; returns how many were sent and how many failed this round. */
export async function drainMailOutbox(
  db: Database,
  config: Config,
  send: SendMail,
  logger?: Logger,
): Promise<{ sent: number; failed: number }> {
  if (!config.mailFrom) return { sent: 0, failed: 0 };
  const claimed = await db.transaction(async (trx) => {
    const due = await trx
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select([
        'notifications.id',
        'notifications.kind',
        'notifications.resource_id',
        'notifications.mail_attempts',
        'users.email',
        'users.locale',
      ])
      .where('notifications.mail_state', '=', 'pending')
      .where('notifications.mail_next_at', '<=', sql<Date>`now()`)
      .orderBy('notifications.mail_next_at')
      .limit(BATCH)
      .forUpdate('notifications')
      .skipLocked()
      .execute();
    if (due.length) {
      await trx
        .updateTable('notifications')
        .set((eb) => ({
          mail_next_at: new Date(Date.now() + LEASE_MS),
          mail_attempts: eb('mail_attempts', '+', 1),
        }))
        .where(
          'id',
          'in',
          due.map((d) => d.id),
        )
        .execute();
    }
    return due;
  });
  let sent = 0;
  let failed = 0;
  for (const item of claimed) {
    let state: 'sent' | 'pending' | 'failed' = 'sent';
    if (item.email) {
      try {
        const mail = notificationMail(item.kind, item.resource_id, item.locale, config.publicUrl);
        await send({ from: config.mailFrom, to: item.email, ...mail });
        sent++;
      } catch (error) {
        failed++;
        state = item.mail_attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending';
        logger?.warn({ err: error, notificationId: item.id }, 'sending a notification e-mail failed');
      }
    }
    const backoffMs = 60_000 * 2 ** item.mail_attempts;
    await db.transaction((trx) =>
      trx
        .updateTable('notifications')
        .set({
          mail_state: item.email ? state : 'none',
          ...(state === 'pending' ? { mail_next_at: new Date(Date.now() + backoffMs) } : {}),
        })
        .where('id', '=', item.id)
        .execute(),
    );
  }
  return { sent, failed };
}
