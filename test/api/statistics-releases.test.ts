/**
 * Public statistics as releases, and the differencing attack replayed: one adult woman is registered
 * as a victim between two releases. The public figures do not move until the next release, and the
 * next release does not single her out: no published value differs by a handful of persons (a value
 * changes only when at least k persons moved it), and no row or column appears for her.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { noiseOf, perturb } from '../../src/server/modules/statistics/release-cells.js';
import type { PublicTable } from '../../src/shared/api-statistics.js';
import { skipBackend } from '../helpers/db.js';
import { api, buildPersonRecord, userWithSession } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { useDemoData } from './statistics-fixtures.js';

/** Every published value of a release year by a stable id (table, row, column). */
function valuesOf(tables: PublicTable[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const t of tables) {
    t.rowKeys.forEach((r, i) => {
      t.colKeys.forEach((c, j) => out.set(`${t.id}|${r}|${c}`, t.cells[i]![j]!));
      out.set(`${t.id}|${r}|*`, t.rowTotals[i]!);
    });
    t.colKeys.forEach((c, j) => out.set(`${t.id}|*|${c}`, t.colTotals[j]!));
    out.set(`${t.id}|*|*`, t.total);
  }
  return out;
}

describe('the cell-key perturbation table', () => {
  it('has mean 0 over the keys, moves a value by at most 2, keeps zeros and never goes under k', () => {
    const noises = Array.from({ length: 256 }, (_, key) => noiseOf(key));
    expect(noises.reduce((a, b) => a + b, 0)).toBe(0);
    expect(Math.max(...noises.map(Math.abs))).toBe(2);
    expect(perturb(0, 5, 11)).toBe(0);
    expect(perturb(11, 0, 11)).toBe(11);
    expect(perturb(40, 0, 11)).toBe(38);
  });
});

describe.skipIf(skipBackend)('public statistics releases', () => {
  const t = useTestContext();
  useDemoData(t, { cases: 300, seed: 'releases' }, 240_000);
  const [analyst] = useSessions(t, 'analyst@MESA');

  /** A new adult woman, victim in `caseId` as the case's first identified victim was decided. */
  const addVictim = async (caseId: string) => {
    const woman = await buildPersonRecord(t, { institution: 'PNPTU', sex: 'Female', birthYear: 1990 });
    await t.services.db.transaction(async (trx) => {
      await sql`insert into case_persons (case_id, person_id, role) values (${caseId}, ${woman.id}, 'PresumedVictim')`.execute(
        trx,
      );
      await sql`insert into trafficking_decisions (case_id, person_id, status, decision_org_type, institution_id, decided_by, decided_on, reason)
        select case_id, ${woman.id}, status, decision_org_type, institution_id, decided_by, decided_on, reason
        from trafficking_decisions where case_id = ${caseId} and status = 'ActualVictimOfTrafficking'
        order by id limit 1`.execute(trx);
    });
  };

  const publicYear = async (year: number, release?: number) => {
    const res = await api(
      t,
      null,
      'GET',
      `/api/public/statistics?year=${year}${release ? `&release=${release}` : ''}`,
    );
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const liveTotal = async (year: number) => {
    const res = await api(t, analyst, 'GET', `/api/statistics?figure=victimsIdentified&year=${year}`);
    expect(res.statusCode).toBe(200);
    return res.json().total as number;
  };

  it('serves nothing before the first release, and only a statistician publishes', async () => {
    expect((await api(t, null, 'GET', '/api/public/statistics')).statusCode).toBe(404);
    // No release yet; the calendar says when the first is due (test/api/statistics-calendar.test.ts).
    expect((await api(t, null, 'GET', '/api/public/statistics/releases')).json()).toMatchObject({
      releases: [],
    });
    const supervisor = await userWithSession(t, { role: 'supervisor', institution: 'PNPTU' });
    expect((await api(t, supervisor, 'POST', '/api/statistics/releases', {})).statusCode).toBe(403);
    expect((await api(t, null, 'POST', '/api/statistics/releases', {})).statusCode).toBe(401);
  });

  it('one victim registered changes no public figure until the next release, and the next release does not single her out', async () => {
    const first = await api(t, analyst, 'POST', '/api/statistics/releases', {});
    expect(first.statusCode).toBe(201);
    const r1 = first.json();
    expect(r1).toMatchObject({ version: 1, k: 11 });
    const years: number[] = r1.years;
    const before = new Map<number, Map<string, number | null>>();
    for (const y of years) before.set(y, valuesOf((await publicYear(y)).tables));

    // One adult woman, registered as a victim in a case that already has an identified victim in
    // `year` (so she falls into cells that exist): the live figures move by one.
    const { rows } = await t.services.db.transaction((trx) =>
      sql<{ case_id: string; year: number }>`select d.case_id, extract(year from d.decided_on)::int as year
        from trafficking_decisions d where d.status = 'ActualVictimOfTrafficking'
        order by d.decided_on desc, d.id limit 1`.execute(trx),
    );
    const year = rows[0]!.year;
    expect(years).toContain(year);
    const liveBefore = await liveTotal(year);
    await addVictim(rows[0]!.case_id);
    expect(await liveTotal(year)).toBe(liveBefore + 1);

    // The public site still serves release 1, unchanged.
    for (const y of years) expect(valuesOf((await publicYear(y)).tables)).toEqual(before.get(y));

    // Release 2: the differencing attack compares every value with release 1 and finds no change.
    const second = await api(t, analyst, 'POST', '/api/statistics/releases', {});
    expect(second.statusCode).toBe(201);
    expect(second.json().version).toBe(2);
    for (const y of years) {
      const now = await publicYear(y);
      expect(now.release.version).toBe(2);
      const changed = [...valuesOf(now.tables)].filter(([id, v]) => before.get(y)!.get(id) !== v);
      expect(changed, `year ${y}`).toEqual([]);
    }
    // Release 1 stays as it was, and both are listed.
    expect(valuesOf((await publicYear(year, 1)).tables)).toEqual(before.get(year));
    const list = (await api(t, null, 'GET', '/api/public/statistics/releases')).json();
    expect(list.releases.map((r: { version: number }) => r.version)).toEqual([2, 1]);
  });

  it('a value changes only when at least k persons changed it, perturbed by its cell key; releases are immutable', async () => {
    // Many victims in one stroke: 30 cases get one more identified victim each.
    const { rows } = await t.services.db.transaction((trx) =>
      sql<{ n: number }>`select count(*)::int as n from statistics_releases`.execute(trx),
    );
    expect(rows[0]!.n).toBe(2);
    const basisOf = async (version: number) =>
      (
        await t.services.db.transaction((trx) =>
          trx
            .selectFrom('statistics_releases')
            .select('basis')
            .where('version', '=', version)
            .executeTakeFirstOrThrow(),
        )
      ).basis as unknown as Record<string, number>;
    const b2 = await basisOf(2);
    const cases = await t.services.db.transaction((trx) =>
      sql<{ case_id: string }>`select distinct case_id from trafficking_decisions
        where status = 'ActualVictimOfTrafficking' order by case_id limit 30`.execute(trx),
    );
    for (const { case_id } of cases.rows) await addVictim(case_id);
    const third = await api(t, analyst, 'POST', '/api/statistics/releases', {});
    expect(third.statusCode).toBe(201);
    const b3 = await basisOf(3);
    let moved = 0;
    for (const [id, truth] of Object.entries(b3)) {
      const last = b2[id];
      if (last === undefined || truth === last) continue;
      // A basis moves only by k or more persons; otherwise it stays as it was.
      expect(Math.abs(truth - last), id).toBeGreaterThanOrEqual(11);
      moved++;
    }
    expect(moved).toBeGreaterThan(0);
    await expect(
      t.services.db.transaction((trx) =>
        sql`update statistics_releases set k = 1 where version = 1`.execute(trx),
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.services.db.transaction((trx) => sql`delete from statistics_releases where version = 1`.execute(trx)),
    ).rejects.toThrow(/immutable/);
  });
});
