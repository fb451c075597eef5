/**
 * Statistics through the API: an analyst sees figures and never a personal field; the drill-down
 * lists only cases the reader may open and is audited; the public open data works without a session
 * and never publishes a cell under k; bad input is refused clearly; the national report renders in
 * every format and language, from the web and from the CLI's code path.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.js';
import { publicK } from '../../src/server/statistics-engine/public.js';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf } from '../helpers/factories.js';
import { useDemoData } from './statistics-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('statistics API', () => {
  const t = useTestContext();

  useDemoData(t, { cases: 400, seed: 'statistics', protection: true });
  const [analyst, supervisor] = useSessions(t, 'analyst@MESA', 'supervisor@PNPTU');

  it('gives an analyst figures, breakdowns and the year-over-year change, with no personal field', async () => {
    const res = await api(
      t,
      analyst,
      'GET',
      '/api/statistics?figure=victimsIdentified&year=2025&by=exploitation',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.previousTotal).toBeGreaterThan(0);
    expect(body.changePercent).toBe(
      Math.round(((body.total - body.previousTotal) / body.previousTotal) * 1000) / 10,
    );
    expect(body.multiValued).toBe(true);
    // Nothing that identifies a person: no ids, no names. Only codes and counts.
    const text = res.body;
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(Object.keys(body).sort()).toEqual([
      'area',
      'breakdowns',
      'by',
      'changePercent',
      'definition',
      'figure',
      'freshness',
      'multiValued',
      'period',
      'previousTotal',
      'rows',
      'title',
      'total',
      'unit',
    ]);
    const audit = await auditOf(t, analyst.user.id, 'success');
    expect(audit.some((row) => row.action === 'statistics.read')).toBe(true);
    // An analyst may not drill down to records.
    const drill = await api(t, analyst, 'GET', '/api/statistics/records?figure=victimsIdentified&year=2025');
    expect(drill.statusCode).toBe(403);
  });

  it('drills down to the cases a supervisor may open, counting the others without naming them', async () => {
    const res = await api(
      t,
      supervisor,
      'GET',
      '/api/statistics/records?figure=victimsIdentified&year=2025&by=sex&key=Female',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const cell = await api(t, analyst, 'GET', '/api/statistics?figure=victimsIdentified&year=2025&by=sex');
    const female = cell.json().rows.find((r: { key: string }) => r.key === 'Female').value;
    // The identifying cases of those persons (a case may hold several of them).
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBeLessThanOrEqual(female);
    expect(body.cases.length + body.hidden).toBe(body.total);
    expect(body.cases.length).toBeGreaterThan(0);
    expect(body.hidden).toBeGreaterThan(0);
    for (const c of body.cases.slice(0, 5)) {
      expect((await api(t, supervisor, 'GET', `/api/cases/${c.id}`)).statusCode).toBe(200);
    }
    const audit = await auditOf(t, supervisor.user.id, 'success');
    const row = audit.find((r) => r.action === 'statistics.drill')!;
    expect(row.changed_fields).toContain(`case:${body.cases[0].id}`);
  });

  it('publishes open data without a session, every cell of at least k persons or suppressed', async () => {
    expect(publicK({})).toBe(11);
    expect(publicK({ NANDUTI_STATISTICS_K: '5' })).toBe(5);
    expect(() => publicK({ NANDUTI_STATISTICS_K: '1' })).toThrow(/at least 2/);
    // The public site serves published releases only: a statistician publishes one first.
    expect((await api(t, analyst, 'POST', '/api/statistics/releases', {})).statusCode).toBe(201);
    const res = await api(t, null, 'GET', '/api/public/statistics?year=2025');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.k).toBe(11);
    expect(body.licence.id).toBe('CC-BY-4.0');
    expect(body.tables.length).toBeGreaterThanOrEqual(8);
    // Possible victims are published beside the formally identified, never added to them.
    const figureOf = (id: string) => body.tables.find((table: { id: string }) => table.id === id)?.figure;
    expect(figureOf('identifiedByYear')).toBe('victimsIdentified');
    expect(figureOf('possibleByYear')).toBe('possibleVictims');
    let published = 0;
    for (const table of body.tables) {
      const values = [...table.cells.flat(), ...table.rowTotals, ...table.colTotals, table.total];
      for (const v of values) {
        if (v === null || v === 0) continue;
        expect(v).toBeGreaterThanOrEqual(11);
        published++;
      }
    }
    expect(published).toBeGreaterThan(0);
    expect(body.tables.some((table: { suppressed: number }) => table.suppressed > 0)).toBe(true);
    const csv = await api(t, null, 'GET', '/api/public/statistics.csv?year=2025');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('identifiedByDepartmentAndSex');
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFyear,table,figure,row_dimension,row,column_dimension,column,persons,suppressed',
    );
  });

  it('refuses bad input with what to fix, and changes nothing', async () => {
    const cases = [
      '/api/statistics?figure=nope&year=2025',
      '/api/statistics?figure=victimsIdentified&year=2025&by=referralState',
      '/api/statistics?figure=victimsIdentified&year=2025&from=2025-01-01&to=2025-02-01',
      '/api/statistics?figure=victimsIdentified&from=2025-03-01&to=2025-02-01',
      '/api/statistics?figure=victimsIdentified&nationality=paraguay',
      '/api/statistics?figure=victimsIdentified&name=Maria',
    ];
    for (const url of cases) {
      const res = await api(t, analyst, 'GET', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.issues.length, url).toBeGreaterThan(0);
    }
    expect((await api(t, null, 'GET', '/api/public/statistics?year=12')).statusCode).toBe(400);
  });

  it('gives the national report in JSON and as PDF, spreadsheet and CSV, in Spanish and English', async () => {
    // Read exact, as a supervisor: an analyst's report shows counts of 1 and 2 of other institutions'
    // victims as "<3" (statistics-small-counts.test.ts), so its cells would not add up.
    const json = await api(t, supervisor, 'GET', '/api/statistics/report?year=2025&locale=en');
    expect(json.statusCode).toBe(200);
    const report = json.json();
    expect(report.sections.map((s: { area: string }) => s.area)).toEqual([
      'identification',
      'protection',
      'ict',
      'prosecution',
      'prevention',
    ]);
    expect(report.tip[0].question).toBe('Victims identified');
    const identified = await api(t, supervisor, 'GET', '/api/statistics?figure=victimsIdentified&year=2025');
    expect(report.tip[0].value).toBe(identified.json().total);
    const glotip = report.glotip[0];
    expect(glotip.cells.flat().reduce((a: number, b: number) => a + b, 0)).toBe(identified.json().total);

    const pdf = await api(t, supervisor, 'GET', '/api/statistics/report/file?year=2025&format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await api(
      t,
      supervisor,
      'GET',
      '/api/statistics/report/file?year=2025&format=xlsx&locale=es',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.name).toBe('Informe 2025');
    const csv = await api(t, supervisor, 'GET', '/api/statistics/report/file?year=2025&format=csv&locale=es');
    expect(csv.body).toContain('Víctimas identificadas');
    expect(csv.body).toContain(`Víctimas identificadas formalmente,Total,2025,${identified.json().total}`);
  });

  it('writes the same report from the command line', async () => {
    const file = `/tmp/nanduti-report-test-${process.pid}.json`;
    expect(await runReport(t.services.db, ['--year', '2025', '--format', 'json', '--output', file])).toBe(
      file,
    );
    const fromCli = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8')));
    const fromApi = (await api(t, supervisor, 'GET', '/api/statistics/report?year=2025&locale=es')).json();
    expect({ ...fromCli, generatedAt: null }).toEqual({ ...fromApi, generatedAt: null });
    await expect(runReport(t.services.db, ['--year', 'soon'])).rejects.toThrow(/--year/);
  });
});
