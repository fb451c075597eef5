/**
 * Planner statistics for embedded PostgreSQL. PGlite runs PostgreSQL in single-user mode, where no
 * autovacuum worker ever runs ANALYZE: without statistics the planner guesses, and at scale it
 * guesses badly (a filtered case list on a million cases: 20 s without statistics, 2 s with), and
 * no VACUUM keeps the visibility map that index-only scans need. The embedded server therefore
 * runs VACUUM (ANALYZE) itself, shortly after start and then daily. A
 * PostgreSQL server's autovacuum does this on its own; nothing is scheduled there.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CompiledQuery } from 'kysely';
import type { Database } from './database.js';
import type { Logger } from '../logger.js';

export const FIRST_ANALYZE_DELAY_MS = 10_000;
export const ANALYZE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Runs VACUUM (ANALYZE) on every table, outside any transaction: planner statistics, plus the
 * visibility map that lets counts and lists be answered from indexes alone, and dead rows reclaimed.
 * One table at a time: the embedded engine has one connection, so requests that arrive meanwhile
 * run between two tables instead of waiting for the whole database (at 100,000 demo cases a single
 * `vacuum (analyze)` held every request, `/api/health` included, for 16 s on an idle machine and for
 * minutes on a loaded one: bench/README.md, "Load").
 */
export async function refreshStatistics(db: Database): Promise<number> {
  const started = performance.now();
  const root = db.unsafeRoot();
  const { rows } = await root.executeQuery<{ name: string }>(
    CompiledQuery.raw(
      `select format('%I.%I', n.nspname, c.relname) as name from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_%'
        order by c.relpages`,
      [],
    ),
  );
  for (const { name } of rows) {
    await root.executeQuery(CompiledQuery.raw(`vacuum (analyze) ${name}`, []));
    // Let the requests queued behind this table have the connection before the next one.
    await nextTurn();
  }
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
