/**
 * Figures kept by the facts' version (statistics-engine/figure-cache.ts) stay exact: a second read
 * of the same figure is served from the cache, and every kind of write to the records that changes
 * a figure (each table whose triggers mark persons for the facts' refresh) gives, at the next read,
 * the figure computed afresh — never the kept one.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DimensionId, StatisticsFilters } from '../../src/shared/api-statistics.js';
import type { Trx } from '../../src/server/db/database.js';
import { computeFigure } from '../../src/server/statistics-engine/engine.js';
import { figureCacheOf } from '../../src/server/statistics-engine/figure-cache.js';
import { figure } from '../../src/server/statistics-engine/figures/index.js';
import { refreshFacts } from '../../src/server/statistics-engine/refresh.js';
import { skipBackend } from '../helpers/db.js';
import { api } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { useDemoData } from './statistics-fixtures.js';

type FigureId = Parameters<typeof figure>[0];

describe.skipIf(skipBackend)('statistics kept by the facts version', () => {
  const t = useTestContext();
  useDemoData(t, { cases: 80, seed: 'figure-cache', protection: true });
  // A supervisor reads exact figures (an analyst's small counts are withheld: statistics.service.ts).
  const [reader] = useSessions(t, 'supervisor@MESA');

  const read = async (id: FigureId, by?: DimensionId) => {
    const res = await api(t, reader, 'GET', `/api/statistics?figure=${id}&year=2025${by ? `&by=${by}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const { freshness, ...result } = res.json();
    expect(freshness.pending).toBe(0);
    return result;
  };
  /** The figure computed from the records now, without the cache. */
  const afresh = (id: FigureId, by?: DimensionId) =>
    t.services.db.transaction(async (trx) => {
      await refreshFacts(trx);
      const filters: StatisticsFilters = { year: 2025 };
      return computeFigure(trx, figure(id), filters, by, 'es');
    });
  const write = (fn: (trx: Trx) => Promise<unknown>) => t.services.db.transaction(fn);
  /** A person counted among the victims identified in 2025, with a property of the facts. */
  const identified2025 = async (trx: Trx, where = sql`true`) => {
    const row = await sql<{ person_id: string; case_id: string; institution_id: string }>`select
        person_id, case_id, institution_id from stat_persons
      where identified_on >= '2025-01-01' and identified_on < '2026-01-01'
        and status = 'ActualVictimOfTrafficking' and ${where}
      order by person_id limit 1`.execute(trx);
    expect(row.rows.length).toBe(1);
    return row.rows[0]!;
  };
  /** Copies one row of `table` chosen by `where`, with a new id and the given columns changed. */
  const copyRow = (
    trx: Trx,
    table: string,
    where: ReturnType<typeof sql>,
    changes: Record<string, unknown>,
  ) =>
    sql`insert into ${sql.table(table)}
      select (jsonb_populate_record(null::${sql.table(table)},
        to_jsonb(r) || ${JSON.stringify({ ...changes })}::jsonb || jsonb_build_object('id', gen_random_uuid()))).*
      from ${sql.table(table)} r where ${where} order by r.id limit 1`.execute(trx);

  it('serves a second read of the same figure from the cache, equal to the first', async () => {
    const cache = figureCacheOf(t.services.db);
    const first = await read('victimsIdentified', 'department');
    const kept = cache.size;
    expect(kept).toBeGreaterThan(0);
    expect(await read('victimsIdentified', 'department')).toEqual(first);
    expect(cache.size).toBe(kept);
    expect(first).toEqual(await afresh('victimsIdentified', 'department'));
  });

  const WRITES: Array<[string, FigureId, DimensionId | undefined, (trx: Trx) => Promise<unknown>]> = [
    [
      'a new decision (trafficking_decisions)',
      'victimsIdentified',
      'department',
      async (trx) => {
        const p = await identified2025(trx);
        await sql`insert into trafficking_decisions (case_id, person_id, status, decision_org_type,
            institution_id, decided_on, reason)
          values (${p.case_id}, ${p.person_id}, 'NotAVictimOfTrafficking', 'Police', ${p.institution_id},
            '2026-11-01', ${t.services.crypto.encrypt('Revisión sintética', 'trafficking_decisions.reason')})`.execute(
          trx,
        );
      },
    ],
    [
      "a person's sex (persons)",
      'victimsIdentified',
      'sex',
      async (trx) => {
        const p = await identified2025(trx, sql`sex in ('Female', 'Male')`);
        await sql`update persons set sex = case when sex = 'Female' then 'Male' else 'Female' end
          where id = ${p.person_id}`.execute(trx);
      },
    ],
    [
      "a case's department (cases)",
      'victimsIdentified',
      'department',
      async (trx) => {
        const p = await identified2025(trx, sql`department <> 'PY-10'`);
        await sql`update cases set detection_department = 'PY-10' where id = ${p.case_id}`.execute(trx);
      },
    ],
    [
      'the forms of exploitation (victim_exploitation)',
      'victimsIdentified',
      'exploitation',
      async (trx) => {
        const p = await identified2025(
          trx,
          sql`not ('OrganRemoval' = any(exploitation)) and person_id in
          (select person_id from victim_exploitation)`,
        );
        await sql`update victim_exploitation set exploitation_types = array['OrganRemoval']
          where person_id = ${p.person_id}`.execute(trx);
      },
    ],
    [
      'an online recruitment (trafficking_events)',
      'victimsIdentified',
      'ict',
      async (trx) => {
        const p = await identified2025(
          trx,
          sql`ict = 'offline' and case_id in (select case_id from trafficking_events)`,
        );
        await copyRow(trx, 'trafficking_events', sql`r.case_id = ${p.case_id}`, {
          person_id: null,
          type: 'Recruitment',
          online: true,
          platforms: ['Facebook'],
          country: 'PY',
        });
      },
    ],
    [
      'a referral (referrals)',
      'referralsMade',
      undefined,
      (trx) => copyRow(trx, 'referrals', sql`true`, { created_at: '2025-06-15T15:00:00Z' }),
    ],
    [
      'a service delivered (service_deliveries)',
      'servicesDelivered',
      undefined,
      (trx) => copyRow(trx, 'service_deliveries', sql`true`, { delivered_on: '2025-06-15' }),
    ],
    [
      'an unmet need (person_needs)',
      'unmetNeeds',
      undefined,
      (trx) => copyRow(trx, 'person_needs', sql`status = 'unmet'`, { created_at: '2025-06-15T15:00:00Z' }),
    ],
  ];

  it.each(WRITES)('after %s the next read is the figure computed afresh', async (_what, id, by, change) => {
    const before = await read(id, by);
    expect(await read(id, by)).toEqual(before); // now kept
    await write(change);
    const after = await read(id, by);
    expect(after).toEqual(await afresh(id, by));
    // The write changed the figure: a kept figure would have failed above.
    expect(after).not.toEqual(before);
  });
});
