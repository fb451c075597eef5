/**
 * Planner statistics for embedded PostgreSQL. PGlite runs PostgreSQL in single-user mode, where no
 * autovacuum worker ever runs ANALYZE: without statistics the planner guesses, and at scale it
 * guesses badly (a filtered case list on a million cases: 20 s without statistics, 2 s with), and
 * no VACUUM keeps the visibility map that index-only scans need. The embedded server therefore
 * runs VACUUM (ANALYZE) itself, shortly after start and then daily. A
 * PostgreSQL server's autovacuum does this on its own; nothing is scheduled there.
 */
import { CompiledQuery } from 'kysely';
import type { Database } from './database.js';
import type { Logger } from '../logger.js';

export const FIRST_ANALYZE_DELAY_MS = 10_000;
export const ANALYZE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Runs VACUUM (ANALYZE) on every table, outside any transaction: planner statistics, plus the
 * visibility map that lets counts and lists be answered from indexes alone, and dead rows reclaimed.
 * On the embedded database requests wait their turn meanwhile.
 */
export async function refreshStatistics(db: Database): Promise<number> {
  const started = performance.now();
  await db.unsafeRoot().executeQuery(CompiledQuery.raw('vacuum (analyze)', []));
  return performance.now() - started;
}

/** Schedules ANALYZE for the embedded database; returns a function that cancels it. */
export function scheduleEmbeddedStatistics(db: Database, logger: Logger): () => void {
  if (!db.embedded) return () => {};
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    refreshStatistics(db)
      .then((ms) => logger.info({ ms: Math.round(ms) }, 'planner statistics refreshed'))
      .catch((error: unknown) => logger.warn({ err: error }, 'refreshing planner statistics failed'))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, FIRST_ANALYZE_DELAY_MS);
  const daily = setInterval(run, ANALYZE_INTERVAL_MS);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
