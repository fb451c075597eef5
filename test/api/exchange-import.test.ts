/**
 * The CTDC analysis area: importing the real CTDC extract (48,773 records of the 2020 global
 * dataset) gives counts equal to a plain count of the file; invalid files are refused whole and
 * change nothing; imported records never touch case tables; an export can be imported back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { skipBackend, type TestContext } from '../helpers/db.js';
import { api, auditOf, rowCount, userWithSession } from '../helpers/factories.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared data folder next to the checkout (see /work/shared/data/PROVENANCE.md). */
const EXTRACT =
  process.env.NANDUTI_CTDC_EXTRACT ??
  path.resolve(root, '../shared/data/ctdc/ctdc_global_dataset_14Apr2020_7cols_excl2019.csv');
const haveExtract = fs.existsSync(EXTRACT);

type Counts = { key: string; count: number }[];
const asMap = (counts: Counts) => Object.fromEntries(counts.map((c) => [c.key, c.count]));

/** The plain count: split lines and commas (the extract has no quoted fields), tally a column. */
function plainCount(
  text: string,
  column: string,
  keep: (v: string) => string | null,
): Record<string, number> {
  const [header, ...lines] = text.trimEnd().split(/\r?\n/);
  const at = header!.split(',').indexOf(column);
  const out: Record<string, number> = {};
  for (const line of lines) {
    const key = keep(line.split(',')[at]!);
    if (key !== null) out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

function caseTableSizes(t: TestContext): Promise<number[]> {
  return Promise.all(
    (['cases', 'persons', 'case_persons', 'victim_exploitation'] as const).map((table) => rowCount(t, table)),
  );
}

describe.skipIf(skipBackend)('CTDC analysis area', () => {
  // k = 1: the round trip compares every count; k-anonymity is tested in exchange-k-anonymity.test.ts.
  const t = useTestContext({ exportK: 1 });
  const [analyst] = useSessions(t, 'analyst@MESA');

  it.skipIf(!haveExtract)(
    'imports the CTDC extract: counts by year, gender and exploitation type equal a plain count',
    async () => {
      const text = fs.readFileSync(EXTRACT, 'utf8');
      const before = await caseTableSizes(t);
      const res = await api(t, analyst, 'POST', '/api/ctdc-imports?label=CTDC%202020', text, {
        'content-type': 'text/csv',
      });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
      const created = res.json();
      expect(created).toMatchObject({ label: 'CTDC 2020', format: 'global2020', recordCount: 48_773 });
      expect(created.columns).toEqual([
        'yearOfRegistration',
        'gender',
        'ageBroad',
        'citizenship',
        'isForcedLabour',
        'isSexualExploit',
        'CountryOfExploitation',
      ]);
      const counts = (await api(t, analyst, 'GET', `/api/ctdc-imports/${created.id}/counts`)).json();
      expect(counts.total).toBe(48_773);
      expect(asMap(counts.byYear)).toEqual(plainCount(text, 'yearOfRegistration', (v) => v || 'missing'));
      expect(asMap(counts.byGender)).toEqual(plainCount(text, 'gender', (v) => v || 'missing'));
      const flag = (column: string) =>
        plainCount(text, column, (v) => (Number(v) === 1 && v !== '' ? 'yes' : null)).yes;
      expect(asMap(counts.byExploitationType)).toMatchObject({
        forcedLabour: flag('isForcedLabour'),
        sexualExploit: flag('isSexualExploit'),
        otherExploit: 0,
      });
      // Figures known from the extract's provenance notes, as a check on the plain count itself.
      expect(asMap(counts.byGender)).toEqual({ Female: 35_506, Male: 13_267 });
      expect(asMap(counts.byYear)['2016']).toBe(16_399);
      expect(asMap(counts.byAgeBroad)['18-20']).toBe(4_448);
      expect(asMap(counts.byCitizenship)).toMatchObject({ PH: 11_365, ZZ: 8_858 });
      // Stored apart: no case table changed; the import is audited.
      expect(await caseTableSizes(t)).toEqual(before);
      const audit = await auditOf(t, analyst.user.id, 'success');
      expect(audit.find((a) => a.action === 'exchange.importCtdc')?.resource_id).toBe(created.id);
    },
  );

  it('refuses an invalid file as a whole, saying which line and column, and stores nothing', async () => {
    const listBefore = (await api(t, analyst, 'GET', '/api/ctdc-imports')).json().imports.length;
    const bad =
      'yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour,isSexualExploit\n' +
      '2016,Female,18--20,PY,0,1\n2017,Mujer,18--20,PY,0,1\n2018,Male,18--20,XX,0,1\n2019,Male,9--17,PY,2,1\n';
    const res = await api(t, analyst, 'POST', '/api/ctdc-imports', { csv: bad });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['csv.line 3.gender', 'csv.line 4.citizenship', 'csv.line 5.isForcedLabour']);
    // Each problem is a sentence in the reader's language, with its line, column and what is expected.
    expect(res.json().error.issues.map((f: { message: string }) => f.message)).toEqual([
      'Línea 3, columna «gender»: se espera uno de Female, Woman, Male, Man, Transgender/NonConforming, Trans/Transgender/NonConforming, Unknown, o vacío.',
      'Línea 4, columna «citizenship»: se espera un código de país ISO 3166-1 (alfa-2 o alfa-3), o vacío.',
      'Línea 5, columna «isForcedLabour»: se espera 1, 0 o vacío (-99, NULL).',
    ]);
    const inGuarani = await api(
      t,
      analyst,
      'POST',
      '/api/ctdc-imports',
      { csv: bad },
      { 'accept-language': 'gn' },
    );
    expect(inGuarani.json().error.issues[2].message).toBe(
      "Línea 5, columna «isForcedLabour»: oñeha'arõ 1, 0 térã nandi (-99, NULL).",
    );
    const missing = await api(t, analyst, 'POST', '/api/ctdc-imports', { csv: 'year,gender\n2016,Male\n' });
    expect(missing.json().error.issues.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['csv.line 1.yearOfRegistration', 'csv.line 1.isForcedLabour']),
    );
    const unclosed = await api(t, analyst, 'POST', '/api/ctdc-imports', {
      csv: 'yearOfRegistration,gender,isForcedLabour,isSexualExploit\n2016,"Male,1,0\n',
    });
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().error.issues[0].message).toMatch(/^Línea 2: el CSV está mal formado/);
    const headerOnly = await api(t, analyst, 'POST', '/api/ctdc-imports', {
      csv: 'yearOfRegistration,gender,isForcedLabour,isSexualExploit\n',
    });
    expect(headerOnly.statusCode).toBe(400);
    expect((await api(t, analyst, 'GET', '/api/ctdc-imports')).json().imports).toHaveLength(listBefore);
    const rows = await t.services.db.transaction((trx) =>
      trx.selectFrom('ctdc_imports').select('id').execute(),
    );
    expect(rows).toHaveLength(listBefore);
  });

  it('imports its own CTDC 2024 export back with the same counts', async () => {
    const supervisor = await userWithSession(t, { role: 'supervisor', institution: 'PNPTU' });
    for (let i = 0; i < 3; i++) {
      const caseId = await insertCase(t, 'PNPTU');
      const personId = await insertLinkedPerson(t, caseId, 'PNPTU');
      await t.services.db.transaction((trx) =>
        trx
          .insertInto('victim_exploitation')
          .values({
            case_id: caseId,
            person_id: personId,
            exploitation_types: i ? ['SexualExploitation'] : ['ForcedLabour'],
          })
          .execute(),
      );
    }
    const exported = await api(t, supervisor, 'GET', '/api/exports/ctdc?format=synthetic2024');
    const res = await api(t, analyst, 'POST', '/api/ctdc-imports?label=own', exported.body, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    expect(res.json()).toMatchObject({ format: 'synthetic2024', recordCount: 3 });
    const counts = (await api(t, analyst, 'GET', `/api/ctdc-imports/${res.json().id}/counts`)).json();
    expect(asMap(counts.byExploitationType)).toEqual({
      forcedLabour: 1,
      sexualExploit: 2,
      otherExploit: 0,
      missing: 0,
    });
    expect(asMap(counts.byGender)).toEqual({ Female: 3 });
    expect(asMap(counts.byYear)).toEqual({ '2026': 3 });
  });
});
