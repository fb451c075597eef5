/**
 * The statistics facts' background refresh: every few seconds, the persons marked dirty are
 * recomputed in batches, one short transaction per batch, so that a bulk change (a data load, the
 * escalation of thousands of overdue referrals after a start) never makes a request wait for the
 * whole recomputation: requests refresh inline only a small backlog (refreshFactsIfFew) and
 * otherwise answer from the facts as they are, saying how many persons wait.
 *
 * On PostgreSQL every app server runs it; the refresh's advisory lock serialises them, so a second
 * server simply finds an empty queue. After a large backlog it ANALYZEs the fact tables (the planner
 * needs their statistics at once; PGlite has no autovacuum at all).
 */
import { CompiledQuery, sql } from 'kysely';
import { schedulePeriodic } from '../core/jobs.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { pendingFacts, refreshFacts } from './refresh.js';

export const REFRESH_INTERVAL_MS = 2_000;
/**
 * Persons per batch. A batch holds the refresh lock (which requests take only to refresh a small
 * backlog) and, embedded, the only connection: small there, large on a server (a batch has fixed
 * costs; measured at 100,000 cases under load, 2,000 per batch drained ~160 persons/s).
 */
export const REFRESH_BATCH = { postgres: 10_000, pglite: 300 } as const;
const ANALYZE_AFTER = 5_000;

/** Drains the dirty queue in batches; returns the person keys rebuilt. */
export async function drainFacts(db: Database, batch: number = REFRESH_BATCH[db.kind]): Promise<number> {
  let total = 0;
  for (;;) {
    if (db.closed) break;
    const { keys, more } = await db.transaction(async (trx) => ({
      keys: await refreshFacts(trx, { limit: batch }),
      more: (await pendingFacts(trx, 1)) > 0,
    }));
    total += keys;
    if (!more) break;
    // Let waiting requests in between batches (the embedded database has one connection).
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Embedded: no autovacuum runs, and PGlite's activity counters do not show the marks deleted, so
  // the scheduled upkeep (db/statistics.ts) never finds stat_dirty due. Left alone, every drained
  // mark stays in the table and its index, and the pending-marks look-up of every statistics request
  // walks them (46 ms at 100,000 demo cases; bench/README.md, "The embedded statistics request at
  // 100,000 cases"). VACUUM runs outside a transaction, once the connection is free.
  if (db.embedded && total > 0 && !db.closed)
    await db.unsafeRoot().executeQuery(CompiledQuery.raw('vacuum stat_dirty', []));
  if (total >= ANALYZE_AFTER && !db.closed)
    await db.transaction((trx) =>
      sql`analyze stat_persons, stat_services, stat_referrals, stat_needs, stat_cube`.execute(trx),
    );
  return total;
}

/** Schedules the background refresh; returns a function that stops it. */
export function scheduleStatisticsRefresh(
  db: Database,
  logger: Logger,
  intervalMs = REFRESH_INTERVAL_MS,
): () => void {
  return schedulePeriodic(db, logger, {
    firstAfterMs: 0,
    everyMs: intervalMs,
    failure: 'statistics refresh failed',
    run: async () => {
      const started = performance.now();
      const keys = await drainFacts(db);
      if (keys)
        logger.info({ keys, ms: Math.round(performance.now() - started) }, 'statistics facts refreshed');
    },
  });
}
