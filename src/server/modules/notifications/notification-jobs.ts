/**
 * The server's background work for notifications: every minute, run the follow-up rules (overdue
 * referrals escalated, tasks made and overdue tasks announced, tasks/task-rules.ts) and,
 * when e-mail is configured, send the pending notification e-mails. Timers are unref'd so they
 * never keep the process alive; the returned function stops them.
 */
import { schedulePeriodic } from '../../core/jobs.js';
import type { Database } from '../../db/database.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { drainMailOutbox, mailEnabled, smtpSender } from '../../mail/mail-outbox.js';
import { runFollowUpRules } from '../tasks/task-rules.js';

export const NOTIFICATION_JOB_INTERVAL_MS = 60_000;

export function scheduleNotificationJobs(db: Database, config: Config, logger: Logger): () => void {
  const send = mailEnabled(config) ? smtpSender(config.smtpUrl!) : null;
  return schedulePeriodic(db, logger, {
    firstAfterMs: 5_000,
    everyMs: NOTIFICATION_JOB_INTERVAL_MS,
    failure: 'notification jobs failed',
    run: async () => {
      const rules = await runFollowUpRules(db);
      if (rules.referralsEscalated || rules.tasksCreated || rules.tasksNotified || rules.tasksSettled)
        logger.info(rules, 'follow-up rules');
      if (send) {
        const { sent, failed } = await drainMailOutbox(db, config, send, logger);
        if (sent || failed) logger.info({ sent, failed }, 'notification e-mails');
      }
    },
  });
}
