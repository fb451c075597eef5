/**
 * The privacy background job: every minute, the oversight alerts are computed from the audit rows
 * written since the last run (alerts.ts, in batches). Timers are unref'd so they never keep the
 * process alive; the returned function stops them.
 */
import { schedulePeriodic } from '../../core/jobs.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { alertThresholds, RecentPersonReads, runPrivacyAlerts } from './alerts.js';

export const PRIVACY_JOB_INTERVAL_MS = 60_000;

export function schedulePrivacyJobs(db: Database, crypto: FieldCrypto, logger: Logger): () => void {
  const thresholds = alertThresholds();
  // The window of person reads already read, kept from one run to the next (alerts.ts).
  const recent = new RecentPersonReads();
  return schedulePeriodic(db, logger, {
    firstAfterMs: 10_000,
    everyMs: PRIVACY_JOB_INTERVAL_MS,
    failure: 'privacy alert job failed',
    run: async () => {
      const raised = await runPrivacyAlerts(db, crypto, thresholds, recent);
      if (raised) logger.info({ raised }, 'privacy alerts raised');
    },
  });
}
