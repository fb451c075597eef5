/**
 * Planner statistics for embedded PostgreSQL. PGlite runs PostgreSQL in single-user mode, where no
 * autovacuum worker ever runs ANALYZE: without statistics the planner guesses, and at scale it
 * guesses badly (a filtered case list on a million cases: 20 s without statistics, 2 s with), and
 * no VACUUM keeps the visibility map that index-only scans need. The embedded server therefore does
 * autovacuum's work itself: shortly after start and then every minute it finds the tables whose
 * statistics or visibility map are out of date, by autovacuum's own thresholds, and runs ANALYZE or
 * VACUUM on those only, one table at a time, each when no request is using the one connection. A
 * PostgreSQL server's autovacuum does this on its own; nothing is scheduled there.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery } from 'kysely';
import type { Database } from './database.js';
import type { Logger } from '../logger.js';

export const FIRST_ANALYZE_DELAY_MS = 10_000;
export const ANALYZE_INTERVAL_MS = 60_000;
/** How long a step waits for the connection to be free of requests before it runs anyway. */
export const IDLE_WAIT_MS = 30_000;

interface DueTable {
  name: string;
  analyze_due: boolean;
  vacuum_due: boolean;
}

/**
 * The tables due for ANALYZE (statistics) or VACUUM (visibility map, dead rows), by autovacuum's
 * default thresholds on the activity counters: changed rows for ANALYZE (50 + 10 % of the table),
 * dead rows (50 + 20 %) or rows inserted since the last VACUUM (1,000 + 20 %) for VACUUM. PGlite
 * loses those counters when it closes, so a table never processed, or grown by more than a tenth
 * since it last was (pages on disk against the catalogue's count), is due for both.
 */
function dueTablesQuery(all: boolean): CompiledQuery<DueTable> {
  const grown = `pg_relation_size(c.oid) / current_setting('block_size')::int > 1.1 * c.relpages + 8`;
  return CompiledQuery.raw(
    `select name, needs_analyze as analyze_due, needs_vacuum as vacuum_due from (
       select format('%I.%I', n.nspname, c.relname) as name, c.relpages,
              ${all} or c.reltuples < 0 or ${grown}
                or coalesce(s.n_mod_since_analyze, 0) > 50 + 0.1 * greatest(c.reltuples, 0) as needs_analyze,
              ${all} or c.reltuples < 0 or ${grown}
                or coalesce(s.n_dead_tup, 0) > 50 + 0.2 * greatest(c.reltuples, 0)
                or coalesce(s.n_ins_since_vacuum, 0) > 1000 + 0.2 * greatest(c.reltuples, 0) as needs_vacuum
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         left join pg_stat_user_tables s on s.relid = c.oid
        where c.relkind in ('r', 'm') and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_%') t
      where needs_analyze or needs_vacuum
      order by relpages`,
    [],
  );
}

export interface RefreshOptions {
  /** Every table, due or not (after a bulk load). */
  all?: boolean;
  /** Before each table, wait up to this long for no request to be using the database. */
  idleWaitMs?: number;
}

async function untilIdle(db: Database, maxMs: number): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (db.activeTransactions > 0 && Date.now() < deadline) await sleep(20);
}

/**
 * Runs ANALYZE, VACUUM or both on each table due for it, outside any transaction, and returns the
 * time it took and the tables processed. One table at a time: the embedded engine has one
 * connection (and runs on Node's thread), so requests that arrive meanwhile run between two tables
 * instead of waiting for the whole database (at 100,000 demo cases a single `vacuum (analyze)` held
 * every request, `/api/health` included, for 16 s on an idle machine: bench/README.md, "Load").
 */
export async function refreshStatistics(
  db: Database,
  options: RefreshOptions = {},
): Promise<{ ms: number; tables: number }> {
  const started = performance.now();
  const root = db.unsafeRoot();
  const { rows } = await root.executeQuery(dueTablesQuery(options.all ?? false));
  for (const table of rows) {
    await untilIdle(db, options.idleWaitMs ?? 0);
    if (db.closed) break;
    const what =
      table.analyze_due && table.vacuum_due ? 'vacuum (analyze)' : table.vacuum_due ? 'vacuum' : 'analyze';
    await root.executeQuery(CompiledQuery.raw(`${what} ${table.name}`, []));
  }
  return { ms: performance.now() - started, tables: rows.length };
}

/** Schedules the statistics upkeep for the embedded database; returns a function that cancels it. */
export function scheduleEmbeddedStatistics(db: Database, logger: Logger): () => void {
  if (!db.embedded) return () => {};
  let running = false;
  const run = () => {
    if (running || db.closed) return;
    running = true;
    refreshStatistics(db, { idleWaitMs: IDLE_WAIT_MS })
      .then(({ ms, tables }) => {
        if (tables) logger.info({ ms: Math.round(ms), tables }, 'planner statistics refreshed');
      })
      .catch((error: unknown) => {
        if (!db.closed) logger.warn({ err: error }, 'refreshing planner statistics failed');
      })
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(run, FIRST_ANALYZE_DELAY_MS);
  const every = setInterval(run, ANALYZE_INTERVAL_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
