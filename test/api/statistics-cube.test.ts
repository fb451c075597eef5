/**
 * The statistics cube (src/server/statistics-engine/cube.ts) is maintained incrementally by the refresh of
 * the facts: after records change, the refreshed cube must be exactly the cube a full rebuild gives
 * (every fact rebuilt from nothing). Figures read from the cube are compared with an independent
 * computation in statistics-figures.test.ts. Synthetic data only.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Trx } from '../../src/server/db/database.js';
import { refreshFacts } from '../../src/server/statistics-engine/refresh.js';
import { skipBackend } from '../helpers/db.js';
import { useDemoData } from './statistics-fixtures.js';
import { useTestContext } from '../helpers/suite.js';

interface CubeRow {
  side: string;
  on_date: string;
  cell: string;
  n: number;
}

async function cube(trx: Trx): Promise<string[]> {
  const rows = await sql<CubeRow>`select side, on_date::text, cell, n from stat_cube`.execute(trx);
  return rows.rows.map((r) => `${r.side} ${r.on_date} ${r.cell} ${r.n}`).sort();
}

/** Empties the facts and the cube and marks every person: the next refresh rebuilds everything. */
async function rebuild(trx: Trx): Promise<void> {
  for (const table of ['stat_persons', 'stat_services', 'stat_referrals', 'stat_needs', 'stat_cube'])
    await sql`delete from ${sql.table(table)}`.execute(trx);
  await sql`insert into stat_dirty (person_id) select id from persons on conflict do nothing`.execute(trx);
  await refreshFacts(trx);
}

describe.skipIf(skipBackend)('the statistics cube follows the records', () => {
  const t = useTestContext();

  useDemoData(t, { cases: 160, seed: 'cube', protection: true }, 300_000);

  it('counts every fact once: each side sums to its facts', async () => {
    await t.services.db.transaction(async (trx) => {
      await refreshFacts(trx);
      const sums = await sql<{ side: string; n: number }>`select side, sum(n)::int as n from stat_cube
        where side in ('persons', 'services', 'referrals', 'needs', 'assisted') group by side`.execute(trx);
      const facts = await sql<{
        persons: number;
        services: number;
        referrals: number;
        needs: number;
        assisted: number;
      }>`
        select (select count(*)::int from stat_persons where identified_on is not null) as persons,
          (select count(*)::int from stat_services f join stat_persons p using (person_key)) as services,
          (select count(*)::int from stat_referrals f join stat_persons p using (person_key)) as referrals,
          (select count(*)::int from stat_needs f join stat_persons p using (person_key)
            where f.status = 'unmet') as needs,
          (select count(*)::int from (select distinct person_key, extract(year from on_date)
            from stat_services f join stat_persons p using (person_key)) x) as assisted`.execute(trx);
      const want = facts.rows[0]!;
      expect(Object.fromEntries(sums.rows.map((r) => [r.side, r.n]))).toEqual(want);
      expect(want.persons).toBeGreaterThan(0);
      expect(want.services).toBeGreaterThan(0);
      expect(await sql`select 1 from stat_cube where n <= 0`.execute(trx)).toMatchObject({ rows: [] });
    });
  });

  it('after records change, the refreshed cube equals a full rebuild', async () => {
    const before = await t.services.db.transaction(async (trx) => {
      await refreshFacts(trx);
      return cube(trx);
    });
    // Changes to several sources of the facts: a person's sex, a case's department, a decision that
    // takes a victim out, a service delivered a year later and one person's forms of exploitation.
    await t.services.db.transaction(async (trx) => {
      const victims = await sql<{ person_id: string; case_id: string; institution_id: string }>`
        select distinct on (person_id) person_id, case_id, institution_id from trafficking_decisions
        where status in ('PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking')
        order by person_id, decided_on limit 6`.execute(trx);
      const [a, b, c, d] = victims.rows;
      await sql`update persons set sex = case when sex = 'Female' then 'Male' else 'Female' end
        where id = ${a!.person_id}`.execute(trx);
      await sql`update cases set detection_department = 'PY-16' where id = ${b!.case_id}`.execute(trx);
      await trx
        .insertInto('trafficking_decisions')
        .values({
          case_id: c!.case_id,
          person_id: c!.person_id,
          status: 'NotAVictimOfTrafficking',
          decision_org_type: 'Police',
          institution_id: c!.institution_id,
          decided_on: '2026-11-01',
          reason: t.services.crypto.encrypt('Revisión sintética', 'trafficking_decisions.reason'),
        })
        .execute();
      await sql`update victim_exploitation set exploitation_types = array['ForcedLabour']
        where person_id = ${d!.person_id}`.execute(trx);
      await sql`insert into service_deliveries (referral_id, delivered_on, description, institution_id)
        select referral_id, delivered_on + 400, description, institution_id from service_deliveries
        order by id limit 1`.execute(trx);
    });
    const incremental = await t.services.db.transaction(async (trx) => {
      expect(await refreshFacts(trx)).toBeGreaterThan(0);
      return cube(trx);
    });
    const rebuilt = await t.services.db.transaction(async (trx) => {
      await rebuild(trx);
      return cube(trx);
    });
    expect(incremental).not.toEqual(before);
    expect(incremental).toEqual(rebuilt);
  }, 120_000);

  it('follows a link of two persons into one cluster, and its undoing', async () => {
    const pair = await t.services.db.transaction(async (trx) => {
      await refreshFacts(trx);
      const rows = await sql<{ person_id: string }>`select person_id from stat_persons
        where identified_on is not null and person_key = person_id order by person_id limit 2`.execute(trx);
      return rows.rows.map((r) => r.person_id);
    });
    const link = async (linked: boolean) => {
      const incremental = await t.services.db.transaction(async (trx) => {
        if (linked)
          await sql`insert into person_clusters (person_id, cluster_id)
            select id, ${pair[0]!}::uuid from persons where id in (${pair[0]!}, ${pair[1]!})`.execute(trx);
        else await sql`delete from person_clusters where cluster_id = ${pair[0]!}`.execute(trx);
        await refreshFacts(trx);
        return cube(trx);
      });
      const rebuilt = await t.services.db.transaction(async (trx) => {
        await rebuild(trx);
        return cube(trx);
      });
      expect(incremental).toEqual(rebuilt);
      return incremental;
    };
    const linked = await link(true);
    const unlinked = await link(false);
    expect(linked).not.toEqual(unlinked);
  }, 120_000);
});
