/**
 * The harder generator's records as the CSV `nanduti link` reads (issue 15's format), so that the
 * command itself — compiled, as an institution runs it — can be measured on them:
 *
 *   npx tsx bench/linkage/csv-export.ts write hard --persons 16400 --seed 11 --out /tmp/hard
 *     → /tmp/hard/persons.csv (the records) and /tmp/hard/truth.csv (record_id,entity: the labels)
 *   node bin/nanduti.mjs link --input /tmp/hard/persons.csv --output /tmp/hard/clusters.csv
 *   npx tsx bench/linkage/csv-export.ts score /tmp/hard/truth.csv /tmp/hard/clusters.csv
 *     → cluster P / R / F1 against the labels and a hash of the output file
 *
 * A registration the generator writes with only its birth year (the `birthYearOnly` rate) is written
 * with the year alone in `birth_date` (YYYY), which the command reads as the engine's `birthYear`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField } from '../../src/server/standards/csv.js';
import { clusterQuality } from '../../src/server/linkage-engine/evaluate.js';
import { PLAIN_COLUMNS } from '../../src/cli/link.js';
import { hardPopulation } from './hard.js';

const [, , command, ...rest] = process.argv;
function option(key: string, fallback: string): string {
  const at = rest.indexOf(`--${key}`);
  return at >= 0 ? rest[at + 1]! : fallback;
}

function write(): void {
  const setting = rest[0] && !rest[0].startsWith('--') ? rest[0] : 'hard';
  const out = option('out', '/tmp/nanduti-hard');
  const { records, entities } = hardPopulation(
    Number(option('persons', '16400')),
    setting,
    Number(option('seed', '11')),
  );
  const sex = (s: string | null | undefined) => (s === 'Female' ? 'F' : s === 'Male' ? 'M' : '');
  const lines = [PLAIN_COLUMNS.join(',')];
  for (const r of records)
    lines.push(
      [
        r.id,
        r.givenNames,
        r.firstSurname ?? '',
        r.secondSurname ?? '',
        sex(r.sex),
        r.dateOfBirth ??
          (r.estimatedAge === null || r.estimatedAge === undefined ? (r.birthYear?.toString() ?? '') : ''),
        r.estimatedAge ?? '',
        r.estimatedAge === null || r.estimatedAge === undefined ? '' : (r.ageRecordedOn ?? ''),
        r.documentNumber ?? '',
        (r.nationalities ?? []).join(';'),
        r.department ?? '',
      ]
        .map((v) => csvField(v, 'keep'))
        .join(','),
    );
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'persons.csv'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(out, 'truth.csv'),
    `record_id,entity\n${records.map((r, i) => `${csvField(r.id, 'keep')},${entities[i]}`).join('\n')}\n`,
  );
  console.log(`${records.length} records of setting ${setting} in ${out}/persons.csv (labels: truth.csv)`);
}

/** Rows of a simple two-column CSV written by this script or by `nanduti link` (no quoted commas). */
function pairs(file: string): Map<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n').slice(1);
  const map = new Map<string, string>();
  for (const line of lines) {
    if (line === '') continue;
    const comma = line.lastIndexOf(',');
    map.set(line.slice(0, comma), line.slice(comma + 1));
  }
  return map;
}

function score(): void {
  const [truthFile, clustersFile] = rest as [string, string];
  const truth = pairs(truthFile);
  const clusters = pairs(clustersFile);
  const ids = [...truth.keys()];
  const missing = ids.filter((id) => !clusters.has(id));
  if (missing.length > 0 || clusters.size !== truth.size)
    throw new Error(`the output has ${clusters.size} records, the labels ${truth.size}`);
  const q = clusterQuality(
    Int32Array.from(ids, (id) => Number(clusters.get(id))),
    ids.map((id) => truth.get(id)!),
  );
  const round = (x: number) => Math.round(x * 10_000) / 100;
  const hash = createHash('sha256').update(readFileSync(clustersFile)).digest('hex').slice(0, 16);
  console.log(
    JSON.stringify({
      records: ids.length,
      clusters: { precision: round(q.precision), recall: round(q.recall), f1: round(q.f1) },
      output: hash,
    }),
  );
}

if (command === 'write') write();
else if (command === 'score') score();
else
  throw new Error(
    'usage: csv-export.ts write [setting] [--persons N --seed S --out DIR] | score truth.csv clusters.csv',
  );
