/**
 * The privacy background job: every minute, the oversight alerts are computed from the audit rows
 * written since the last run (alerts.ts, in batches). Timers are unref'd so they never keep the
 * process alive; the returned function stops them.
 */
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../logger.js';
import { alertThresholds, runPrivacyAlerts } from './alerts.js';

export const PRIVACY_JOB_INTERVAL_MS = 60_000;

export function schedulePrivacyJobs(db: Database, crypto: FieldCrypto, logger: Logger): () => void {
  const thresholds = alertThresholds();
  let running = false;
  const run = async () => {
    if (running || db.closed) return;
    running = true;
    try {
      const raised = await runPrivacyAlerts(db, crypto, thresholds);
      if (raised) logger.info({ raised }, 'privacy alerts raised');
    } catch (error) {
      logger.warn({ err: error }, 'privacy alert job failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), 10_000);
  const every = setInterval(() => void run(), PRIVACY_JOB_INTERVAL_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
