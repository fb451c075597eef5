/**
 * Hashes the statistics answers of an embedded demo database (a copy of it), for speed-only changes
 * of the statistics request: the same figures before and after (bench/README.md, "The embedded
 * statistics request").
 *
 *   NANDUTI_LOAD_DIR=… npx tsx bench/load/stats-answers.ts [--cases 10000]
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { getJson, signIn } from './scenarios.js';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { buildApp } from '../../src/server/http/app.js';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' } } });
const LOAD_DIR = process.env.NANDUTI_LOAD_DIR ?? '/tmp/nanduti-load';
const source = path.join(LOAD_DIR, `pglite-${values.cases}`, 'data');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-stats-answers-'));
execFileSync('cp', ['-a', `${source}/.`, copy]);
fs.rmSync(path.join(copy, 'nanduti.lock'), { force: true });
const services = await openServices({
  config: loadConfig({ ...process.env, NANDUTI_DATA_DIR: copy, LOG_LEVEL: 'warn' }),
});
const app = await buildApp(services);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const readers = [await signIn(base, 'mesa.analyst1'), await signIn(base, 'pnptu.caseworker1')];
const queries = [
  'figure=victimsIdentified&year=2025&by=department',
  'figure=victimsIdentified&year=2025',
  'figure=victimsIdentified&year=2024&by=sex',
  'figure=victimsIdentified&year=2025&by=institution',
  'figure=victimsIdentified&year=2025&by=ageGroup&department=PY-11',
  'figure=possibleVictims&year=2025&by=department',
  'figure=victimsAssisted&year=2025&by=department',
  'figure=victimsIdentifiedOnline&year=2025',
  'figure=personsCharged&year=2025',
  'figure=victimsIdentified&year=2025&by=nope',
];
const all = crypto.createHash('sha256');
for (const reader of readers)
  for (const query of queries)
    for (let i = 0; i < 3; i++) {
      let body: string;
      try {
        body = JSON.stringify(await getJson(base, reader, `/api/statistics?${query}`));
      } catch (error) {
        body = `error: ${(error as Error).message}`;
      }
      const hash = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
      all.update(body);
      if (i === 0) console.log(hash, query, body.length, body.slice(0, 100));
    }
console.log('answers', all.digest('hex'));
// The audit rows the reads wrote (what, by whom, which filters; not when nor the request id).
const audit = await sql<
  Record<string, unknown>
>`select actor_username, actor_role, action, outcome, resource_type,
    resource_id, purpose, changed_fields from audit_events where action like 'statistics.%' order by seq`.execute(
  services.db.unsafeRoot(),
);
console.log(
  'audit rows',
  audit.rows.length,
  crypto.createHash('sha256').update(JSON.stringify(audit.rows)).digest('hex'),
);
await app.close();
await services.db.close();
fs.rmSync(copy, { recursive: true, force: true });
