/**
 * Small counts for analysts (docs/PRIVACY.md): a count of 1 or 2 that includes other institutions'
 * victims reaches an analyst as "<3" (null with `small`), never exact; a case role reads it exact,
 * and so does an analyst filtering to their own institution. Synthetic demo data only.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, institutionId } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { useDemoData } from './statistics-fixtures.js';

type Row = { key: string; value: number | null; small?: boolean };

describe.skipIf(skipBackend)('statistics: small counts for analysts', () => {
  const t = useTestContext();
  useDemoData(t, { cases: 60, seed: 'small-counts' });
  const [analyst, ownAnalyst, supervisor] = useSessions(
    t,
    'analyst@MESA',
    'analyst@PNPTU',
    'supervisor@PNPTU',
  );
  const QUERY = '/api/statistics?figure=victimsIdentified&year=2025&by=department';

  it('shows an analyst "<3" where the count is 1 or 2, and the exact count otherwise', async () => {
    const exact = (await api(t, supervisor, 'GET', QUERY)).json() as { rows: Row[] };
    const res = await api(t, analyst, 'GET', QUERY);
    expect(res.statusCode).toBe(200);
    const seen = res.json() as { rows: Row[] };
    const small = exact.rows.filter((r) => r.value === 1 || r.value === 2);
    // The demo's 60 cases spread over 18 departments: some hold one or two victims.
    expect(small.length).toBeGreaterThan(0);
    expect(seen.rows.map((r) => r.key)).toEqual(exact.rows.map((r) => r.key));
    exact.rows.forEach((r, i) => {
      if (r.value === 1 || r.value === 2)
        expect(seen.rows[i]).toEqual({ key: r.key, value: null, small: true });
      else expect(seen.rows[i]).toEqual(r);
    });
    expect(seen.rows.some((r) => r.value === 1 || r.value === 2)).toBe(false);
  });

  it('withholds a total of 1 or 2 and its change, and is exact for the analyst’s own institution', async () => {
    const pnptu = await institutionId(t, 'PNPTU');
    const own = `${QUERY}&institution=${pnptu}`;
    const mine = (await api(t, ownAnalyst, 'GET', own)).json() as { rows: Row[] };
    const exact = (await api(t, supervisor, 'GET', own)).json() as { rows: Row[] };
    expect(mine.rows).toEqual(exact.rows);
    // A filter narrowing to one department's victims: the total itself is small.
    const one = exact.rows.find((r) => r.value === 1 || r.value === 2)!;
    const narrow = `/api/statistics?figure=victimsIdentified&year=2025&department=${one.key}`;
    const byAnalyst = (await api(t, analyst, 'GET', narrow)).json();
    const bySupervisor = (await api(t, supervisor, 'GET', narrow)).json();
    expect(bySupervisor.total).toBe(one.value);
    expect(byAnalyst.total).toBeNull();
    expect(byAnalyst.smallTotals).toContain('total');
    expect(byAnalyst.changePercent).toBeNull();
  });

  it('withholds the same small counts in the national report an analyst reads or downloads', async () => {
    const REPORT = '/api/statistics/report?year=2025';
    type Figure = { figure: string; by: string | null; total: number | null; rows: Row[] };
    type Report = {
      sections: Array<{ figures: Figure[] }>;
      tip: Array<{ value: number | null; small?: boolean }>;
      glotip: Array<{ cells: Array<Array<number | null>> }>;
    };
    const figures = (r: Report) => r.sections.flatMap((s) => s.figures);
    const small = (n: number | null) => n === 1 || n === 2;
    const exact = (await api(t, supervisor, 'GET', REPORT)).json() as Report;
    const res = await api(t, analyst, 'GET', REPORT);
    expect(res.statusCode).toBe(200);
    const seen = res.json() as Report;
    // Without the protection the report handed the analyst what the figure withholds.
    const exactSmall = figures(exact).flatMap((f) => f.rows.filter((r) => small(r.value)));
    expect(exactSmall.length).toBeGreaterThan(0);
    figures(exact).forEach((f, i) => {
      const mine = figures(seen)[i]!;
      expect(mine.figure).toBe(f.figure);
      f.rows.forEach((r, j) => {
        if (small(r.value) && !(f.by === 'institution' && r.key === 'MESA'))
          expect(mine.rows[j]).toEqual({ key: r.key, value: null, small: true });
        else expect(mine.rows[j]).toEqual(r);
      });
    });
    expect(seen.tip.filter((a) => small(a.value))).toEqual([]);
    expect(seen.glotip.flatMap((t) => t.cells.flat()).filter(small)).toEqual([]);
    // The files say "<3" where the JSON says null, and no 1 or 2 appears as a value.
    const csv = (await api(t, analyst, 'GET', '/api/statistics/report/file?year=2025&format=csv')).body;
    const values = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(',').at(-1));
    expect(values).toContain('<3');
    expect(values.filter((v) => v === '1' || v === '2')).toEqual([]);
    const exactCsv = (await api(t, supervisor, 'GET', '/api/statistics/report/file?year=2025&format=csv'))
      .body;
    expect(exactCsv).not.toContain('<3');
  });
});
