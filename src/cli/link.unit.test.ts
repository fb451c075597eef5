/**
 * `nanduti link` on bad input: every case stops with the line at fault and writes no output
 * (the command itself, spawned, is in test/process/link.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv, personsOf, readTable, runLink } from './link.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-link-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const f = path.join(dir, `in-${n++}.csv`);
  fs.writeFileSync(f, text);
  return f;
}
const HEADER =
  'record_id,given_names,surname1,sex,birth_date,estimated_age,age_recorded_on,nationality,department';
const GOOD = 'r1,Ana,Vera,F,1990-01-02,,,PY,PY-11';

/** Runs link on `rows` (after the header); expects a failure naming `reason`, and no output. */
function fails(text: string, reason: RegExp, extra: string[] = []): void {
  const output = path.join(dir, `out-${n++}.csv`);
  expect(() => runLink(['--input', file(text), '--output', output, ...extra])).toThrow(reason);
  expect(fs.existsSync(output)).toBe(false);
  expect(fs.readdirSync(dir).some((f) => f.includes('.partial'))).toBe(false);
}

describe('nanduti link, bad input', () => {
  it('refuses a file without a record_id column, or empty', () => {
    fails('given_names,surname1\nAna,Vera\n', /line 1: the header has no record_id column/);
    fails('', /line 1: the file is empty/);
  });

  it('refuses a row without record_id, or one already used, with its line', () => {
    fails(`${HEADER}\n${GOOD}\n,Rosa,Vera,F,1990-01-02,,,PY,PY-11\n`, /line 3: record_id is missing/);
    fails(`${HEADER}\n${GOOD}\n${GOOD}\n`, /line 3: record_id r1 already appears/);
  });

  it('refuses malformed dates and ages, with their line', () => {
    fails(`${HEADER}\n${GOOD}\nr2,Rosa,Vera,F,1990-02-30,,,PY,PY-11\n`, /line 3: birth_date is not a date/);
    fails(`${HEADER}\nr2,Rosa,Vera,F,02/01/1990,,,PY,PY-11\n`, /line 2: birth_date is not a date/);
    fails(`${HEADER}\nr2,Rosa,Vera,F,,25,2024-13-01,PY,PY-11\n`, /line 2: age_recorded_on is not a date/);
    fails(
      `${HEADER}\nr2,Rosa,Vera,F,,about 25,2024-01-01,PY,PY-11\n`,
      /line 2: estimated_age is not a whole number/,
    );
    fails(`${HEADER}\nr2,Rosa,Vera,F,,25,,PY,PY-11\n`, /line 2: estimated_age needs age_recorded_on/);
    fails(`${HEADER}\nr2,Rosa,Vera,F,1990-05,,,PY,PY-11\n`, /line 2: birth_date is not a date/);
    fails(
      `${HEADER}\nr2,Rosa,Vera,F,1850,,,PY,PY-11\n`,
      /line 2: birth_date is a year before 1880 or after this year/,
    );
  });

  it('takes a year alone as the year of birth, not as a missing date', () => {
    const table = readTable(
      file(`${HEADER}\nr1,Ana,Vera,F,1990,,,PY,PY-11\nr2,Ana,Vera,F,1990-05-03,,,PY,PY-11\n`),
    );
    const [yearOnly, fullDate] = personsOf(table, 'a');
    expect(yearOnly).toMatchObject({ dateOfBirth: null, birthYear: 1990, estimatedAge: null });
    expect(fullDate).toMatchObject({ dateOfBirth: '1990-05-03', birthYear: null });
  });

  it('refuses malformed codes, with their line and never the value (it may be personal data)', () => {
    fails(`${HEADER}\n${GOOD}\nr2,Rosa,Vera,X,,,,PY,PY-11\n`, /: line 3: sex must be F or M \(or empty\)$/);
    fails(
      `${HEADER}\nr2,Rosa,Vera,F,,,,Paraguay,PY-11\n`,
      /: line 2: nationality is not an ISO 3166-1 alpha-2 code such as PY$/,
    );
    fails(
      `${HEADER}\nr2,Rosa,Vera,F,,,,PY,Central\n`,
      /: line 2: department is not an ISO 3166-2:PY code such as PY-11$/,
    );
  });

  it('counts lines inside quoted fields, and refuses rows longer than the header or an open quote', () => {
    fails(
      `${HEADER}\n"r1","Ana\nMaría",Vera,F,,,,PY,PY-11\nr2,Rosa,Vera,F,1990-31-01,,,PY,PY-11\n`,
      /line 4: birth_date/,
    );
    fails(`${HEADER}\n${GOOD},extra\n`, /line 2: 10 fields, more than the header's 9/);
    fails(`${HEADER}\n"r1,Ana\n`, /line 2: a quoted field is not closed/);
  });

  it('refuses a file that is not UTF-8 (a spreadsheet saved as Latin-1), with its line', () => {
    const output = path.join(dir, `out-${n++}.csv`);
    const latin1 = file('');
    fs.writeFileSync(
      latin1,
      Buffer.from(`${HEADER}\n${GOOD}\nr2,Yanina,C\xe1ceres,F,,,,PY,PY-11\n`, 'latin1'),
    );
    expect(() => runLink(['--input', latin1, '--output', output])).toThrow(/line 3: the file is not UTF-8/);
    expect(fs.existsSync(output)).toBe(false);
  });

  it('refuses an age written as anything but digits, and text after a closing quote', () => {
    for (const age of ['0x10', '1e1', '16.5', '+16', '0b10'])
      fails(
        `${HEADER}\nr2,Rosa,Vera,F,,${age},2024-01-01,PY,PY-11\n`,
        /line 2: estimated_age is not a whole number/,
      );
    fails(`${HEADER}\n${GOOD}\nr2,"Rosa"x,Vera,F,,,,PY,PY-11\n`, /line 3: text after the closing quote/);
    // A number column with gaps, as data tools write it ("16.0"), is still a whole number of years.
    const output = path.join(dir, `out-${n++}.csv`);
    runLink(['--input', file(`${HEADER}\nr2,Rosa,Vera,F,,16.0,2024-01-01,PY,PY-11\n`), '--output', output]);
    expect(fs.readFileSync(output, 'utf8')).toBe('record_id,cluster_id\nr2,1\n');
  });

  it('refuses to write the clusters over an input file', () => {
    const input = file(`${HEADER}\n${GOOD}\n`);
    expect(() => runLink(['--input', input, '--output', input])).toThrow(/--output names an input file/);
    expect(fs.readFileSync(input, 'utf8')).toBe(`${HEADER}\n${GOOD}\n`);
  });

  it('refuses encodings without a secret, a short secret, and encodings of two secrets', () => {
    const input = file(`${HEADER}\n${GOOD}\n`);
    fails(`${HEADER}\n${GOOD}\n`, /--secret-file is required/, ['--privacy', 'clk']);
    const short = path.join(dir, 'short.key');
    fs.writeFileSync(short, 'too short\n');
    fails(`${HEADER}\n${GOOD}\n`, /at least 16 bytes/, ['--privacy', 'clk', '--secret-file', short]);
    const encode = (key: string, out: string) => {
      const k = path.join(dir, `${out}.key`);
      fs.writeFileSync(k, key);
      runLink(['encode', '--input', input, '--output', path.join(dir, out), '--secret-file', k]);
      return fs.readFileSync(path.join(dir, out), 'utf8').trim().split('\n');
    };
    const a = encode('first secret of the institutions', 'a.csv');
    const b = encode('second secret, not the same one', 'b.csv');
    expect(a[0]).toBe('record_id,key_check,clk');
    // The encodings hold no value in clear.
    expect(a[1]).not.toMatch(/Ana|Vera|1990/);
    fails(`${a[0]}\n${a[1]}\n${b[1]!.replace('r1', 'r2')}\n`, /line 3: encoded with another secret/);
    fails(`${a[0]}\nr9,${a[1]!.split(',')[1]},not-an-encoding\n`, /line 2: clk is not an encoding/);
  });

  it('links the encodings read back from their file as it links them right after encoding', () => {
    // Registrations of a few persons with spelling variants, so that blocking finds keys in most rules.
    const rows = [
      'a1,Ana María,Vera,Gómez,F,1990-01-02,,,1234567,PY,PY-11',
      'a2,Ana Maria,Vera,,F,1990-02-01,,,1234576,PY,PY-11',
      'a3,Anita,Bera,Gomez,F,,35,2025-03-01,,PY,PY-11',
      'b1,José Luis,Benítez,Rojas,M,1985-07-30,,,2345678,PY,PY-2',
      'b2,Jose,Benitez,Rojas,M,1985-07-30,,,2345678,,PY-2',
      'c1,Rosa,Vera,Gómez,F,1990-01-02,,,,PY,PY-11',
    ];
    const input = file(
      `record_id,given_names,surname1,surname2,sex,birth_date,estimated_age,age_recorded_on,document_number,nationality,department\n${rows.join('\n')}\n`,
    );
    const key = path.join(dir, 'same.key');
    fs.writeFileSync(key, 'the secret the institutions share');
    const clks = path.join(dir, `clks-${n++}.csv`);
    const direct = path.join(dir, `out-${n++}.csv`);
    const viaFile = path.join(dir, `out-${n++}.csv`);
    runLink(['encode', '--input', input, '--output', clks, '--secret-file', key]);
    runLink(['--input', input, '--output', direct, '--privacy', 'clk', '--secret-file', key]);
    runLink(['--input', clks, '--output', viaFile]);
    expect(fs.readFileSync(viaFile, 'utf8')).toBe(fs.readFileSync(direct, 'utf8'));
    const cluster = new Map(parseCsv(fs.readFileSync(direct, 'utf8')).map((r) => [r.fields[0], r.fields[1]]));
    expect(cluster.get('b1')).toBe(cluster.get('b2'));
    expect(cluster.get('b1')).not.toBe(cluster.get('a1'));
  });

  it('writes a record id that a spreadsheet would run as a formula as text in the clusters', () => {
    const output = path.join(dir, `out-${n++}.csv`);
    const input = file(
      `${HEADER}\n=HYPERLINK("http://x.test"),Ana,Vera,F,1990-01-02,,,PY,PY-11\n@r2,Rosa,Vera,F,,,,PY,PY-11\n`,
    );
    runLink(['--input', input, '--output', output]);
    const ids = parseCsv(fs.readFileSync(output, 'utf8')).map((r) => r.fields[0]);
    expect(ids).toEqual(['record_id', `'=HYPERLINK("http://x.test")`, "'@r2"]);
  });

  it('parses quoted fields, doubled quotes and CRLF line ends', () => {
    expect(parseCsv('a,b\r\n"x, ""y""",z\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', 'z'] },
    ]);
  });
});

describe('nanduti link, files read a piece at a time', () => {
  it('reads the rows of a file of several megabytes as parseCsv reads its whole text', () => {
    // Quoted fields with line breaks, doubled quotes, CRLF and letters of two and three bytes, so
    // that pieces end anywhere in a row, never inside a character.
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `r${i},"Ana\nMaría ""${i}""",Cáceres€${'x'.repeat(i % 97)},F${i % 5 === 0 ? '\r\n' : '\n'}`,
    );
    const text = `record_id,given_names,surname1,sex\n${rows.join('')}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 2 ** 20);
    const table = readTable(file(text));
    expect(table.rows).toEqual(parseCsv(text).slice(1));
    expect(table.rows.at(-1)!.line).toBe(1 + 2 * 40_000 - 1);
  });

  it('stops at the line of a byte that is not UTF-8 beyond the first megabyte', () => {
    const good = Array.from({ length: 30_000 }, (_, i) => `r${i},Ana,Vera,F,,,,PY,PY-11\n`).join('');
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n${good}`),
      Buffer.from('r-bad,Yanina,C\xe1ceres,F,,,,PY,PY-11\n', 'latin1'),
    ]);
    const output = path.join(dir, `out-${n++}.csv`);
    const input = file('');
    fs.writeFileSync(input, bytes);
    expect(() => runLink(['--input', input, '--output', output])).toThrow(
      /line 30002: the file is not UTF-8/,
    );
  });
});
