/**
 * Planner statistics: PGlite has no autovacuum, so Ñandutí runs ANALYZE itself (after `nanduti demo`,
 * and on the embedded server shortly after start and daily). Without statistics the planner takes
 * plans that cost seconds at national scale (bench/README.md).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/server/db/database.js';
import {
  FIRST_ANALYZE_DELAY_MS,
  refreshStatistics,
  scheduleEmbeddedStatistics,
} from '../../src/server/db/statistics.js';
import { createLogger } from '../../src/server/logger.js';
import { openTestDatabase, skipBackend } from '../helpers/db.js';

describe.skipIf(skipBackend)('planner statistics', () => {
  let db: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase());
    await db.transaction(async (trx) => {
      await sql`create table stats_probe (n int not null, kind text not null)`.execute(trx);
      await sql`insert into stats_probe select g, case when g % 10 = 0 then 'rare' else 'common' end
        from generate_series(1, 5000) g`.execute(trx);
    });
  });
  afterAll(async () => drop?.());

  const statsRows = () =>
    db.transaction(async (trx) => {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stats
        where tablename = 'stats_probe'`.execute(trx);
      return rows[0]!.n;
    });

  it('gathers statistics for every table', async () => {
    expect(await statsRows()).toBe(0);
    const first = await refreshStatistics(db);
    expect(first.tables).toBeGreaterThan(0);
    expect(await statsRows()).toBe(2);
    const mostCommon = await db.transaction(async (trx) => {
      const { rows } = await sql<{ v: string }>`select most_common_vals::text as v from pg_stats
        where tablename = 'stats_probe' and attname = 'kind'`.execute(trx);
      return rows[0]!.v;
    });
    expect(mostCommon).toBe('{common,rare}');
  });

  it('then processes only the tables that changed', async () => {
    // Just refreshed: nothing is due (PGlite's activity counters are flushed after a statement that
    // follows a second's pause, so a run right after the last one may find the refresh's own work).
    await new Promise((r) => setTimeout(r, 1100));
    await db.transaction((trx) => sql`select 1`.execute(trx));
    const analyzedAt = () =>
      db.transaction(async (trx) => {
        const { rows } = await sql<{
          t: string | null;
        }>`select coalesce(last_analyze, last_autoanalyze)::text as t
          from pg_stat_user_tables where relname = 'cases'`.execute(trx);
        return rows[0]?.t ?? null;
      });
    const casesBefore = await analyzedAt();
    // The probe doubles: due again, by its size against the catalogue's count.
    await db.transaction((trx) =>
      sql`insert into stats_probe select g, 'rare' from generate_series(1, 5000) g`.execute(trx),
    );
    await refreshStatistics(db);
    const rare = await db.transaction(async (trx) => {
      const { rows } = await sql<{ v: string }>`select most_common_vals::text as v from pg_stats
        where tablename = 'stats_probe' and attname = 'kind'`.execute(trx);
      return rows[0]!.v;
    });
    expect(rare).toBe('{rare,common}');
    if (db.embedded) expect(await analyzedAt()).toBe(casesBefore);
  });

  it('is scheduled on the embedded database only, and can be cancelled', async () => {
    // Something to do: the probe grows again.
    await db.transaction((trx) =>
      sql`insert into stats_probe select g, 'rare' from generate_series(1, 10000) g`.execute(trx),
    );
    vi.useFakeTimers();
    try {
      const logger = createLogger('silent');
      const info = vi.spyOn(logger, 'info');
      const cancel = scheduleEmbeddedStatistics(db, logger);
      await vi.advanceTimersByTimeAsync(FIRST_ANALYZE_DELAY_MS + 10);
      vi.useRealTimers();
      await vi.waitFor(() => expect(info.mock.calls.length).toBe(db.embedded ? 1 : 0));
      cancel();
    } finally {
      vi.useRealTimers();
    }
  });
});
