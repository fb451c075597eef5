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
import { personColumns, type PersonInput } from '../../src/server/modules/persons/person-record.js';
import { insertBenchUser } from '../users.js';
import { hardPopulation } from './hard.js';

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

/** The generator's date (with or without dashes) as YYYY-MM-DD. */
function isoDate(date: string | null | undefined): string | null {
  const d = date?.replace(/-/g, '');
  return d ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : null;
}

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
    const input = {
      givenNames: p.givenNames || 'NN',
      firstSurname: p.firstSurname ?? null,
      secondSurname: p.secondSurname ?? null,
      aliases: [...(p.aliases ?? [])],
      pseudonym: false,
      dateOfBirth: isoDate(p.dateOfBirth),
      birthYear: p.dateOfBirth ? null : (p.birthYear ?? null),
      estimatedAge: p.estimatedAge ?? null,
      ageApproximate: p.estimatedAge !== null && p.estimatedAge !== undefined,
      sex: p.sex === 'Female' || p.sex === 'Male' ? p.sex : 'Unknown',
      nationalities: [...(p.nationalities ?? [])],
      documentType: p.documentNumber ? 'CedulaPY' : null,
      documentNumber: p.documentNumber ?? null,
      residenceDepartment: p.department ?? null,
      residenceDistrict: p.district ?? null,
      languages: [],
      interpreterNeeded: false,
      indigenous: false,
    } as unknown as PersonInput;
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
    const input = {
      givenNames: p.givenNames || 'NN',
      firstSurname: p.firstSurname ?? null,
      secondSurname: p.secondSurname ?? null,
      aliases: [...(p.aliases ?? [])],
      dateOfBirth: isoDate(p.dateOfBirth),
      estimatedAge: p.estimatedAge ?? null,
      sex: p.sex === 'Female' || p.sex === 'Male' ? p.sex : 'Unknown',
      nationalities: [...(p.nationalities ?? [])],
      documentNumber: p.documentNumber ?? null,
      residenceDepartment: p.department ?? null,
      residenceDistrict: p.district ?? null,
      pseudonym: false,
    } as Parameters<typeof findPersonMatches>[2];
    const start = performance.now();
    const found = await services.db.transaction((trx) =>
      findPersonMatches({ trx, actor: worker, requestId: 'bench', purpose: 'bench' }, services.crypto, input),
    );
    times.push(performance.now() - start);
    shown += found.matches.length;
    if (found.matches.some((m) => entityOfId.get(m.id) === entity)) hits++;
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return {
    queries: times.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: at(1),
    cpuMsPerQuery: Math.round((used.user + used.system) / 1000 / Math.max(times.length, 1)),
    matchesShown: shown,
    // Only when the persons were stored by this run (their ids are known): same person found.
    sameEntityFound: entityOfId.size > 0 ? hits : null,
  };
}
