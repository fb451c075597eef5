/**
 * The case list as it opens (no filter) is prepared (case-list.repository.ts): after five runs on a
 * connection PostgreSQL keeps one plan made without the actor's values. That plan must still show
 * exactly what the actor may see — the institution's own cases and the cases shared with it, a
 * share counted and listed at once, a revoked one gone at once, another institution's cases never —
 * with the exact total, and the list stays one round trip once the session is known.
 */
import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryActor } from '../../src/server/access/actor.js';
import { listVisibleCases } from '../../src/server/modules/cases/case-list.repository.js';
import { backend, skipBackend } from '../helpers/db.js';
import { api, createCaseAs, signIn } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('the case list as it opens, prepared', () => {
  const t = useTestContext();
  const [worker, minna, mtess] = useSessions(
    t,
    'case_worker@PNPTU',
    'case_worker@MINNA',
    'case_worker@MTESS',
  );
  afterEach(() => vi.restoreAllMocks());

  it('lists what the actor may see, shares included at once and revoked ones gone, on the kept plan', async () => {
    const own: Array<{ id: string }> = [];
    for (const day of ['2025-01-10', '2025-02-11', '2025-03-12'])
      own.push(await createCaseAs(t, worker, { detectedOn: day }));
    const theirs = await createCaseAs(t, minna, { detectedOn: '2025-02-20' });
    const unrelated = await createCaseAs(t, mtess, { detectedOn: '2025-02-21' });
    const actor = queryActor('case_worker', worker.user.institutionId, worker.user.id);
    const opening = { limit: 50, offset: 0 };

    // One read-write transaction, so every run is on one connection (the last-read mark is ignored
    // in a read-write transaction): the plan PostgreSQL keeps is the one that answers from the sixth.
    await t.services.db.transaction(async (trx) => {
      const ids = async () => {
        const { items, total } = await listVisibleCases(trx, actor, opening);
        return { ids: items.map((item) => item.id), total, shared: items.map((i) => i.owner_institution_id) };
      };
      const ownIds = own.map((c) => c.id).reverse(); // newest detection first
      for (let run = 0; run < 7; run++) expect(await ids()).toMatchObject({ ids: ownIds, total: 3 });

      if (backend === 'postgres') {
        const prepared = await sql<{ generic_plans: number; custom_plans: number }>`
          select generic_plans::int, custom_plans::int from pg_prepared_statements
          where statement like ${'%/* prepared */ /* last read */'}`.execute(trx);
        // Named (parsed once per connection) and answered from the plan made without the values from
        // its first named run: never planned for the values (PostgreSQL's own choice would plan the
        // first five runs, and at 100,000 cases every run).
        expect(prepared.rows).toHaveLength(1);
        expect(prepared.rows[0]!.generic_plans).toBeGreaterThan(0);
        expect(prepared.rows[0]!.custom_plans).toBe(0);
      }

      const [share] = await trx
        .insertInto('case_shares')
        .values({ case_id: theirs.id, institution_id: worker.user.institutionId, reason: 'joint work' })
        .returning('id')
        .execute();
      const withShare = await ids();
      expect(withShare.ids).toEqual([own[2]!.id, theirs.id, own[1]!.id, own[0]!.id]);
      expect(withShare.total).toBe(4);
      expect(withShare.ids).not.toContain(unrelated.id);

      // Paging through the kept plan: the window of both arms and the offset.
      const second = await listVisibleCases(trx, actor, { limit: 2, offset: 2 });
      expect(second.items.map((item) => item.id)).toEqual([own[1]!.id, own[0]!.id]);
      expect(second.total).toBe(4);

      await trx
        .updateTable('case_shares')
        .set({ revoked_at: new Date() })
        .where('id', '=', share!.id)
        .execute();
      expect(await ids()).toMatchObject({ ids: ownIds, total: 3 });
      await trx.deleteFrom('case_shares').where('id', '=', share!.id).execute();
    });

    // The other institution's list on the same kept statement shows its own case only.
    const theirList = await api(t, minna, 'GET', '/api/cases');
    expect(theirList.json()).toMatchObject({ total: 1, items: [{ id: theirs.id, shared: false }] });
  });

  it.skipIf(backend !== 'postgres')(
    'answers the list in one round trip once the session is known',
    async () => {
      const session = await signIn(t, worker.user);
      const proto = (pg as unknown as { Connection: { prototype: { sync(): void; query(t: string): void } } })
        .Connection.prototype;
      const sync = vi.spyOn(proto, 'sync');
      const simple = vi.spyOn(proto, 'query');
      const trips = () => sync.mock.calls.length + simple.mock.calls.length;
      expect((await api(t, session, 'GET', '/api/cases')).statusCode).toBe(200);
      for (let run = 0; run < 7; run++) {
        const before = trips();
        const res = await api(t, session, 'GET', '/api/cases');
        expect(res.statusCode).toBe(200);
        expect(res.json().total).toBe(3);
        // begin + session check + list + commit, one batch.
        expect(trips() - before).toBe(1);
      }
    },
  );
});
