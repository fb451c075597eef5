/**
 * The answers of the load benchmark's operations, hashed: for a speed-only change to the embedded
 * engine's path (src/server/db/pglite-driver.ts), run it before and after on the same demo database
 * and compare the hashes (they must be equal).
 *
 *   NANDUTI_LOAD_DIR=… npx tsx bench/load/answers.ts [--cases 10000] [--engine pglite]
 *
 * Runs the server in this process, without background jobs, on a fresh copy of the embedded demo
 * (bench/load/demo-db.ts) and asks, as the demo's case worker and analyst: case list pages with and
 * without filters, the first 20 cases of the list and the first person of each, name searches for
 * common, rare and absent names, statistics figures; then writes (persons drawn from a fixed seed,
 * events) whose answers are compared with ids and instants masked; then the audit rows the run wrote
 * (ids and instants masked). One hash per group and one of everything.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { signIn, type Session } from './scenarios.js';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { buildApp } from '../../src/server/http/app.js';
import { drawPerson } from '../../src/server/demo/person.js';
import { Rng } from '../../src/server/demo/prng.js';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' } } });
const LOAD_DIR = process.env.NANDUTI_LOAD_DIR ?? '/tmp/nanduti-load';
const source = path.join(LOAD_DIR, `pglite-${values.cases}`, 'data');
if (!fs.existsSync(source)) throw new Error(`no embedded demo in ${source}`);
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-answers-'));
execFileSync('cp', ['-a', `${source}/.`, copy]);
fs.rmSync(path.join(copy, 'nanduti.lock'), { force: true });

const config = loadConfig({ ...process.env, NANDUTI_DATA_DIR: copy, LOG_LEVEL: 'warn' });
const services = await openServices({ config });
const app = await buildApp(services);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const caseworker = await signIn(base, 'pnptu.caseworker1');
const analyst = await signIn(base, 'mesa.analyst1');
const [{ seq: firstSeq }] = (
  await services.db.transaction((trx) =>
    sql<{ seq: number }>`select coalesce(max(seq), 0) as seq from audit_events`.execute(trx),
  )
).rows as [{ seq: number }];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g;
const mask = (text: string) => text.replace(UUID, 'U').replace(INSTANT, 'T');

const groups = new Map<string, crypto.Hash>();
const all = crypto.createHash('sha256');
function note(group: string, text: string) {
  if (!groups.has(group)) groups.set(group, crypto.createHash('sha256'));
  groups.get(group)!.update(text);
  all.update(text);
}

const statuses = new Map<number, number>();
async function ask(session: Session, method: string, url: string, body?: unknown): Promise<string> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  return `${method} ${url} ${res.status}\n${await res.text()}\n`;
}

const lists = [
  '',
  '?page=2',
  '?status=Open',
  '?department=PY-11',
  '?detectionMethod=Police',
  '?reference=PY-2025',
];
for (const q of lists) note('list', await ask(caseworker, 'GET', `/api/cases${q}`));
const list = JSON.parse((await ask(caseworker, 'GET', '/api/cases')).split('\n')[1]!) as {
  items: Array<{ id: string }>;
};
const persons: string[] = [];
for (const item of list.items.slice(0, 20)) {
  const page = await ask(caseworker, 'GET', `/api/cases/${item.id}`);
  note('case', page);
  const body = JSON.parse(page.split('\n')[1]!) as { persons?: Array<{ personId: string }> };
  if (body.persons?.[0]) persons.push(body.persons[0].personId);
}
for (const id of persons) note('person', await ask(caseworker, 'GET', `/api/persons/${id}`));
for (const q of ['gonzales', 'benitez', 'maria gonzalez', 'rodriguez lopez', 'qqqzzz', 'ana']) {
  note('search', await ask(caseworker, 'POST', '/api/persons/search', { q, limit: 20 }));
  note('search', await ask(caseworker, 'POST', '/api/persons/search', { q, limit: 5 }));
}
for (const figure of ['victimsIdentified', 'casesOpened']) {
  for (const by of ['department', 'sex', 'year']) {
    note('stats', await ask(analyst, 'GET', `/api/statistics?figure=${figure}&year=2025&by=${by}`));
  }
}
const rng = new Rng(18_071_207);
for (let i = 0; i < 8; i++) {
  const age = rng.chance(0.3) ? rng.int(8, 17) : rng.int(18, 55);
  const sex = rng.chance(0.75) ? 'Female' : 'Male';
  const p = drawPerson(rng, { sex, age, detectedOn: '2026-06-01', foreign: rng.chance(0.1) });
  note('create', mask(await ask(caseworker, 'POST', '/api/persons', { ...p, confirmNotDuplicate: true })));
}
for (const item of list.items.slice(1, 4)) {
  const event = { type: 'Exploitation', country: 'PY', department: 'PY-11' };
  note('event', mask(await ask(caseworker, 'POST', `/api/cases/${item.id}/events`, event)));
}
note('bad', await ask(caseworker, 'GET', '/api/cases/00000000-0000-4000-8000-000000000000'));
note('bad', await ask(caseworker, 'GET', '/api/persons/not-a-uuid'));
note('bad', await ask(caseworker, 'GET', '/api/cases?status=Nope'));
const audit = await services.db.transaction((trx) =>
  sql<Record<string, unknown>>`select actor_username, actor_role, action, outcome, resource_type, resource_id,
    purpose, changed_fields from audit_events where seq > ${firstSeq} order by seq`.execute(trx),
);
note('audit', mask(JSON.stringify(audit.rows)));

await app.close();
await services.db.close();
fs.rmSync(copy, { recursive: true, force: true });
for (const [group, hash] of groups) console.log(`${group.padEnd(8)} ${hash.digest('hex').slice(0, 16)}`);
console.log(
  `all      ${all.digest('hex').slice(0, 16)}  (${audit.rows.length} audit rows; statuses ${JSON.stringify(Object.fromEntries(statuses))})`,
);
