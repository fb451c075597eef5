/**
 * `runLinkage` on a real database: `npx tsx bench/linkage/database.ts [--size 100000] [--setting
 * moderate] [--dir D] [--queries Q] [--reuse] [--skip-batch]` makes a fresh embedded database in D
 * (default a new temporary directory; the PostgreSQL server of DATABASE_URL instead when it is set,
 * with NANDUTI_MASTER_KEY), stores `size` registrations of the harder generator's setting as
 * persons (encrypted as intake stores them), then runs the national batch through the service
 * (read and decrypt every person, link, write the links and the review queue, recompute the
 * clusters, audit) and prints the time of each step and the process's peak memory, as one JSON
 * line. Only synthetic records.
 * `--reuse` stores nothing and links the persons already in the database, whatever their number.
 *
 * `--queries Q` then times the intake look-up as the product makes it: `findPersonMatches` (the
 * duplicate warning) for Q registrations held out of the stored ones at even steps, each asked by
 * a case worker of the registration's institution, and prints p50 / p95 / max and how often the
 * same person's stored registration was among the matches (with `--reuse`, when the storing run's
 * ids are in D). `--skip-batch` keeps the latest finished run.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logger.js';
import { runLinkage } from '../../src/server/modules/linkage/linkage.service.js';
import { findPersonMatches } from '../../src/server/modules/linkage/matches.service.js';
import { nameKeys } from '../../src/server/modules/persons/name-normalize.js';
import { personColumns } from '../../src/server/modules/persons/person-record.js';
import { insertBenchUser } from '../users.js';
import { hardPopulation } from './hard.js';
import { matchInputOf, personInputOf } from './person-input.js';

const args = process.argv.slice(2);
const flag = (key: string, fallback: string) => {
  const at = args.indexOf(`--${key}`);
  return at >= 0 ? args[at + 1]! : fallback;
};
const size = Number(flag('size', '100000'));
const setting = flag('setting', 'moderate');
const queries = Number(flag('queries', '0'));
// Time only the first M of the held-out queries (the same ones whatever M): to compare two versions quickly.
const maxQueries = Number(flag('max-queries', String(Number.MAX_SAFE_INTEGER)));
const reuse = args.includes('--reuse');
const skipBatch = args.includes('--skip-batch');
const dir = flag('dir', fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-linkage-db-')));
process.env.NANDUTI_DATA_DIR = path.join(dir, 'data');

const lap = (() => {
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    const out = {
      wallS: Math.round(performance.now() - wall) / 1000,
      cpuS: Math.round((used.user + used.system) / 1000) / 1000,
    };
    wall = performance.now();
    cpu = process.cpuUsage();
    return out;
  };
})();

const config = loadConfig();
const services = await openServices({ config, logger: createLogger('warn') });
const institutions = new Map(
  (
    await services.db.transaction((trx) => trx.selectFrom('institutions').select(['id', 'code']).execute())
  ).map((r) => [r.code, r.id] as const),
);
const fallback = institutions.get('PNPTU')!;
const population = hardPopulation(Math.ceil((size + queries) / 2.2) + 10, setting);
// Queries are registrations held out at even steps, so most have another registration stored.
const step = queries > 0 ? Math.floor((size + queries) / queries) : Infinity;
const isQuery = (i: number) => i % step === 0 && i / step < queries;
const persons = population.records.slice(0, size + queries).filter((_, i) => !isQuery(i));
const entities = population.entities.slice(0, size + queries).filter((_, i) => !isQuery(i));
const held = population.records.flatMap((p, i) =>
  i < size + queries && isQuery(i) ? [{ person: p, entity: population.entities[i]! }] : [],
);
const generated = lap();

const already = Number(
  (
    await services.db.transaction((trx) =>
      trx
        .selectFrom('persons')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
    )
  ).n,
);
if (reuse) {
  // Only the held-out queries are needed from the population: the rest is memory for the batch.
  persons.length = 0;
  population.records.length = 0;
}
// The persons as intake stores them, 1,000 rows per statement (ids kept to check the look-up).
const entityOfId = new Map<string, string>();
for (let at = 0; at < persons.length && !reuse; at += 1_000) {
  const rows = persons.slice(at, at + 1_000).map((p) => {
    const input = personInputOf(p);
    return {
      ...personColumns(services.crypto, input),
      owner_institution_id: institutions.get(p.source) ?? fallback,
      created_by: null,
    };
  });
  const ids = await services.db.transaction((trx) =>
    trx.insertInto('persons').values(rows).returning('id').execute(),
  );
  ids.forEach((r, i) => entityOfId.set(r.id, entities[at + i]!));
}
// The ids' persons, so that a later `--reuse` run can check its look-ups too.
const idsFile = path.join(dir, 'entities.json');
if (reuse && fs.existsSync(idsFile))
  for (const [id, entity] of JSON.parse(fs.readFileSync(idsFile, 'utf8')) as [string, string][])
    entityOfId.set(id, entity);
else if (!reuse) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(idsFile, JSON.stringify([...entityOfId]));
}
const stored = lap();

// A system administrator to run the batch as (a random password: nobody signs in; a name of its
// own, as a `--reuse` run adds one to the same database).
const adminName = `bench.linkage.${crypto.randomBytes(3).toString('hex')}`;
const mesa = institutions.get('MESA')!;
const userId = await services.db.transaction((trx) =>
  insertBenchUser(trx, {
    institutionId: mesa,
    username: adminName,
    displayName: 'Linkage benchmark',
    role: 'system_admin',
  }),
);
lap();
const actor = {
  userId,
  username: adminName,
  displayName: 'Linkage benchmark',
  role: 'system_admin' as const,
  institutionId: mesa,
  institutionCode: 'MESA',
  sessionId: 'bench',
  locale: 'es' as const,
};
const summary = skipBatch
  ? null
  : await services.db.transaction((trx) =>
      runLinkage({ trx, actor, requestId: 'bench', purpose: 'bench' }, services.crypto),
    );
const linked = lap();
const intake = queries > 0 ? await lookUps() : null;
await services.db.close();
console.log(
  JSON.stringify({
    size,
    personsStored: already + (reuse ? 0 : persons.length),
    setting,
    dir,
    openAndGenerate: generated,
    stored,
    runLinkage: linked,
    summary: summary && { ...summary, id: undefined },
    intake,
    peakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);

/** `findPersonMatches` for every held-out registration, as a case worker of its institution. */
async function lookUps() {
  const workers = new Map<
    string,
    { userId: string; username: string; institutionId: string; code: string }
  >();
  for (const [code, institutionId] of institutions) {
    const name = `bench.intake.${code.toLowerCase()}.${crypto.randomBytes(3).toString('hex')}`;
    const id = await services.db.transaction((trx) =>
      insertBenchUser(trx, {
        institutionId,
        username: name,
        displayName: 'Linkage benchmark',
        role: 'case_worker',
      }),
    );
    workers.set(code, { userId: id, username: name, institutionId, code });
  }
  const times: number[] = [];
  // The times by kind of query (how many name words, which age): the slowest kinds set the p95.
  const byKind = new Map<string, number[]>();
  let hits = 0;
  let shown = 0;
  const cpu = process.cpuUsage();
  for (const { person: p, entity } of held.slice(0, maxQueries)) {
    const w = workers.get(p.source) ?? workers.get('PNPTU')!;
    const worker = {
      ...actor,
      userId: w.userId,
      username: w.username,
      role: 'case_worker' as const,
      institutionId: w.institutionId,
      institutionCode: w.code,
    };
    const input = matchInputOf(p);
    const start = performance.now();
    const found = await services.db.transaction((trx) =>
      findPersonMatches({ trx, actor: worker, requestId: 'bench', purpose: 'bench' }, services.crypto, input),
    );
    const took = performance.now() - start;
    times.push(took);
    const words = nameKeys(input).length;
    const age = input.dateOfBirth
      ? 'date of birth'
      : input.estimatedAge !== null
        ? 'estimated age'
        : 'no age';
    const kind = `${words === 1 ? 'one word' : 'two or more words'}, ${age}`;
    byKind
      .set(kind, byKind.get(kind) ?? [])
      .get(kind)!
      .push(took);
    shown += found.matches.length;
    if (found.matches.some((m) => entityOfId.get(m.id) === entity)) hits++;
  }
  const used = process.cpuUsage(cpu);
  const at = (list: number[], q: number) =>
    Math.round(list.sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]! * 10) / 10;
  const p95 = at(times, 0.95);
  return {
    queries: times.length,
    p50Ms: at(times, 0.5),
    p95Ms: p95,
    maxMs: at(times, 1),
    cpuMsPerQuery: Math.round((used.user + used.system) / 1000 / Math.max(times.length, 1)),
    matchesShown: shown,
    // Only when the persons were stored by this run (their ids are known): same person found.
    sameEntityFound: entityOfId.size > 0 ? hits : null,
    byKind: Object.fromEntries(
      [...byKind].map(([kind, list]) => [
        kind,
        { queries: list.length, p50Ms: at(list, 0.5), overP95: list.filter((t) => t > p95).length },
      ]),
    ),
  };
}
