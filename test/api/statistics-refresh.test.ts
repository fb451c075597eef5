/**
 * Background work never makes a request wait: a small backlog of changed persons is refreshed by the
 * request itself (figures exact), a large one is left to the background refresh, which drains it in
 * batches; the figure says how many persons wait. Overdue referrals are escalated in batches.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { INLINE_REFRESH_LIMIT, pendingFacts } from '../../src/server/statistics-engine/refresh.js';
import { drainFacts } from '../../src/server/statistics-engine/refresh-job.js';
import { escalateOverdueReferrals } from '../../src/server/modules/notifications/notifications.service.js';
import { skipBackend } from '../helpers/db.js';
import { api } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { useDemoData } from './statistics-fixtures.js';

describe.skipIf(skipBackend)('statistics facts refreshed in the background', () => {
  const t = useTestContext();
  const figureUrl = '/api/statistics?figure=victimsIdentified&year=2025';

  useDemoData(t, { cases: 60, seed: 'refresh' });
  const [analyst] = useSessions(t, 'analyst@MESA');

  const pending = () => t.services.db.transaction((trx) => pendingFacts(trx, 1_000_000));
  const markAll = () =>
    t.services.db.transaction((trx) =>
      sql`insert into stat_dirty (person_id) select id from persons on conflict do nothing`.execute(trx),
    );

  it('leaves the demo with its facts built', async () => {
    expect(await pending()).toBe(0);
    const res = await api(t, analyst, 'GET', figureUrl);
    expect(res.statusCode).toBe(200);
    expect(res.json().freshness).toEqual({ source: 'primary', lagSeconds: null, pending: 0 });
  });

  it('refreshes a small backlog in the request, so the figure is exact', async () => {
    const before = (await api(t, analyst, 'GET', figureUrl)).json().total as number;
    await markAll();
    expect(await pending()).toBeGreaterThan(0);
    const res = await api(t, analyst, 'GET', figureUrl);
    expect(res.json().freshness.pending).toBe(0);
    expect(res.json().total).toBe(before);
    expect(await pending()).toBe(0);
  });

  it('answers at once past the inline limit, saying how many wait, and the background drains them', async () => {
    const before = (await api(t, analyst, 'GET', figureUrl)).json().total as number;
    await markAll();
    // Persons that no longer exist (or never did) are marked too: a bulk backlog.
    await t.services.db.transaction((trx) =>
      sql`insert into stat_dirty (person_id)
        select gen_random_uuid() from generate_series(1, ${INLINE_REFRESH_LIMIT + 50})`.execute(trx),
    );
    const waiting = await pending();
    const res = await api(t, analyst, 'GET', figureUrl);
    expect(res.statusCode).toBe(200);
    expect(res.json().freshness.pending).toBe(INLINE_REFRESH_LIMIT + 1);
    expect(res.json().total).toBe(before);
    expect(await pending()).toBe(waiting); // the request refreshed nothing
    // The background job, in batches of 100: every mark is consumed.
    await drainFacts(t.services.db, 100);
    expect(await pending()).toBe(0);
    // Embedded (no autovacuum): the drain vacuumed the marks it deleted, so no look-up walks them.
    if (t.services.db.embedded) {
      const [size] = await t.services.db.transaction(
        async (trx) =>
          (await sql<{ n: number }>`select pg_relation_size('stat_dirty')::int as n`.execute(trx)).rows,
      );
      expect(size!.n).toBe(0);
    }
    const after = await api(t, analyst, 'GET', figureUrl);
    expect(after.json().freshness.pending).toBe(0);
    expect(after.json().total).toBe(before);
  });

  it('escalates overdue referrals in batches, each once', async () => {
    // Only referrals still awaiting an answer can be overdue (an accepted one has its service day).
    const open = await t.services.db.transaction(async (trx) => {
      await sql`update referrals set state = 'requested', escalated_at = null, due_at = now() - interval '1 day'
        where id in (select id from referrals order by id limit 10)`.execute(trx);
      const row = await sql<{ n: number }>`select count(*)::int as n from referrals
        where state = 'requested' and escalated_at is null
          and due_at < now()`.execute(trx);
      return row.rows[0]!.n;
    });
    expect(open).toBeGreaterThanOrEqual(10);
    expect(await escalateOverdueReferrals(t.services.db, 3)).toBe(open);
    expect(await escalateOverdueReferrals(t.services.db, 3)).toBe(0);
  });
});
