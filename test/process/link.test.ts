/**
 * `nanduti link` run as an institution runs it: a child process on CSV files, no database and no
 * network configured. Synthetic persons from the benchmark's generator (bench/linkage/hard.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hardPopulation } from '../../bench/linkage/hard.js';
import { clusterQuality } from '../../src/server/linkage-engine/evaluate.js';
import { cleanUp, runCli, tempDir } from './helpers.js';

afterAll(cleanUp);

const field = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The population as the command's CSV, columns in an unusual order, with an ignored column. */
function csvOf(persons: number): { text: string; entities: string[]; ids: string[] } {
  const { records, entities } = hardPopulation(persons, 'moderate', 3);
  const lines = [
    'surname2,record_id,notes,given_names,surname1,sex,birth_date,estimated_age,age_recorded_on,document_number,nationality,department',
  ];
  for (const r of records)
    lines.push(
      [
        r.secondSurname,
        r.id,
        'ignored',
        r.givenNames,
        r.firstSurname,
        r.sex === 'Female' ? 'F' : r.sex === 'Male' ? 'M' : '',
        r.dateOfBirth,
        r.estimatedAge,
        r.ageRecordedOn,
        r.documentNumber,
        (r.nationalities ?? []).join(';'),
        r.department,
      ]
        .map(field)
        .join(','),
    );
  return { text: `${lines.join('\n')}\n`, entities, ids: records.map((r) => r.id) };
}

function readClusters(file: string): Map<string, string> {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split('\n');
  expect(header).toBe('record_id,cluster_id');
  return new Map(rows.map((r) => r.split(',') as [string, string]));
}

describe('nanduti link', () => {
  const dir = tempDir('nanduti-link-');
  const population = csvOf(800);
  const input = path.join(dir, 'persons.csv');
  fs.writeFileSync(input, population.text);
  const secret = path.join(dir, 'secret');
  fs.writeFileSync(secret, 'a secret shared by the institutions, never sent\n');
  // No database, no key, no network settings: the command needs none.
  const env = { NANDUTI_DATA_DIR: undefined, DATABASE_URL: undefined };

  it('links a file into clusters, one line per record, the same person together', async () => {
    const output = path.join(dir, 'clusters.csv');
    const result = await runCli(['link', '--input', input, '--output', output], { env });
    expect(result.stderr).toMatch(/^nanduti link: linked \d+ records/);
    expect(result.code).toBe(0);
    const clusters = readClusters(output);
    expect([...clusters.keys()]).toEqual(population.ids);
    const labels = population.ids.map((id) => Number(clusters.get(id)));
    const q = clusterQuality(labels, population.entities);
    // Most registrations of one person end up together, and few of different persons do.
    expect(q.precision).toBeGreaterThan(0.9);
    expect(q.recall).toBeGreaterThan(0.85);
  });

  it('encodes with a secret, writes nothing in clear, and links the encodings alone', async () => {
    const clks = path.join(dir, 'clks.csv');
    const encoded = await runCli(
      ['link', 'encode', '--input', input, '--output', clks, '--secret-file', secret],
      {
        env,
      },
    );
    expect(encoded.code).toBe(0);
    const text = fs.readFileSync(clks, 'utf8');
    expect(text.split('\n')[0]).toBe('record_id,key_check,clk');
    for (const clear of ['González', 'Gonzalez', 'PY-11', '19']) expect(text).not.toContain(`,${clear}`);
    const output = path.join(dir, 'clk-clusters.csv');
    const linked = await runCli(['link', '--input', clks, '--output', output], { env });
    expect(linked.code).toBe(0);
    const clusters = readClusters(output);
    const q = clusterQuality(
      population.ids.map((id) => Number(clusters.get(id))),
      population.entities,
    );
    expect(q.precision).toBeGreaterThan(0.9);
    expect(q.recall).toBeGreaterThan(0.8);
  });

  it('stops on a bad row with its line, exit code 1 and no output file', async () => {
    const bad = path.join(dir, 'bad.csv');
    const rows = population.text.split('\n');
    rows[5] = rows[5]!.replace(/^([^,]*),[^,]*,/, '$1,,');
    fs.writeFileSync(bad, rows.join('\n'));
    const output = path.join(dir, 'never.csv');
    const result = await runCli(['link', '--input', bad, '--output', output], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^nanduti: bad\.csv: line 6: record_id is missing\n$/);
    expect(fs.existsSync(output)).toBe(false);
    const dates = path.join(dir, 'dates.csv');
    fs.writeFileSync(dates, 'record_id,birth_date\nx1,1990-01-01\nx2,1990-02-31\n');
    const second = await runCli(['link', '--input', dates, '--output', output], { env });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/line 3: birth_date is not a date/);
    expect(fs.existsSync(output)).toBe(false);
  });

  it('prints its own usage for --help, and writes nothing', async () => {
    const help = await runCli(['link', '--help'], { env });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('nanduti link --input persons.csv --output clusters.csv');
    expect(help.stdout).toContain('nanduti link encode');
    expect(help.stdout).not.toContain('create-admin');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.csv') && f !== 'persons.csv')).not.toContain(
      '--help',
    );
  });
});
