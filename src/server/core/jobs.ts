/**
 * A background job of the server: run once `firstAfterMs` after start, then every `everyMs`; never
 * two runs at once and none once the database is closed. A failure is logged as a warning (unless
 * the database closed meanwhile) and the next run tries again. The timers are unref'd so they never
 * keep the process alive; the returned function stops them.
 */
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';

export interface PeriodicJob {
  firstAfterMs: number;
  everyMs: number;
  /** The log message of a failed run. */
  failure: string;
  run: () => Promise<void>;
}

export function schedulePeriodic(db: Pick<Database, 'closed'>, logger: Logger, job: PeriodicJob): () => void {
  let running = false;
  const run = () => {
    if (running || db.closed) return;
    running = true;
    job
      .run()
      .catch((error: unknown) => {
        if (!db.closed) logger.warn({ err: error }, job.failure);
      })
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, job.firstAfterMs);
  const every = setInterval(run, job.everyMs);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
