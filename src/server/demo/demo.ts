/**
 * `nanduti demo`: fills a database with synthetic Paraguayan data, deterministic for a seed,
 * streamed in chunks (one multi-statement transaction per chunk, constant memory) so that
 * 1,000,000 cases fit in minutes. Refuses a database that already has cases unless appending.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import { writeAudit } from '../audit/audit.js';
import { unwrapKey, type FieldCrypto } from '../crypto/field-crypto.js';
import type { Database } from '../db/database.js';
import { refreshStatistics } from '../db/statistics.js';
import { drainFacts } from '../statistics-engine/refresh-job.js';
import { checkPasswordStrength, hashPassword } from '../modules/auth/password.js';
import type { DemoPlanData, KeyMaterial } from './chunk.js';
import { yearPlan } from './plan.js';
import { hashSeed, Rng } from './prng.js';
import { loadInstrument } from './screening.js';
import { chunkSource } from './pool.js';
import { canSkipTriggers, runScript } from './sql-script.js';
import { chunkTables } from './tables.js';
import { ensureDemoStaff, type DemoAdmin } from './users.js';
import { ensureDemoDirectory } from './directory.js';

export interface DemoOptions {
  cases: number;
  seed: string;
  /** Add to a database that already has cases (references continue from the counters). */
  append?: boolean;
  /** The demo users' password; generated (and returned once) when not given. */
  password?: string | null;
  /** Cases per transaction. */
  chunkSize?: number;
  /** Check every foreign key while inserting, even when skipping the checks would be safe. */
  checkForeignKeys?: boolean;
  /** Generator threads (needs `masterKey`); 0 builds in this thread. Default: one per core from 20,000 cases. */
  workers?: number;
  /** Called after every chunk with the number of cases written so far. */
  onProgress?: (written: number, total: number) => void;
}

export interface DemoSummary {
  cases: number;
  rows: Record<string, number>;
  seconds: number;
  peakRssMb: number;
  usersCreated: number;
  /** The generated password, when none was given. */
  generatedPassword: string | null;
  admins: DemoAdmin[];
  /** False when no screening instrument is published (screenings are then left out). */
  screenings: boolean;
}

export class DemoRefusedError extends Error {}

/** Fills `db` with `options.cases` demo cases. */
export async function generateDemo(
  services: { db: Database; crypto: FieldCrypto; masterKey?: Buffer },
  options: DemoOptions,
): Promise<DemoSummary> {
  const started = performance.now();
  const startedAt = new Date();
  const { db } = services;
  if (!Number.isInteger(options.cases) || options.cases < 1 || options.cases > 10_000_000) {
    throw new RangeError('--cases must be a whole number from 1 to 10,000,000.');
  }
  const existingCases = await db.transaction(async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  });
  if (existingCases > 0 && !options.append) {
    throw new DemoRefusedError(
      `The database already has ${existingCases} cases; nanduti demo only fills an empty database. ` +
        'Add --append to add demo data to it anyway.',
    );
  }
  const generatedPassword = options.password ? null : crypto.randomBytes(15).toString('base64url');
  const password = options.password ?? generatedPassword!;
  checkPasswordStrength(password, '');
  const passwordHash = await hashPassword(password);

  const seed = hashSeed(options.seed);
  const idSeed = hashSeed(`${options.seed}\u0000ids\u0000${existingCases}`);
  const setup = await db.transaction(async (trx) => {
    const instrument = await loadInstrument(trx);
    const staff = await ensureDemoStaff(
      trx,
      services.crypto,
      passwordHash,
      new Rng(idSeed, 0),
      new Rng(seed, 0),
    );
    // Fixed ids: the directory is the same in every demo database, whatever the seed.
    const directory = await ensureDemoDirectory(trx, new Rng(hashSeed('demo directory'), 0));
    const counters = await trx.selectFrom('case_counters').select(['year', 'last']).execute();
    const provisions = await trx.selectFrom('legal_provisions').select(['id', 'code']).execute();
    return {
      provisions: Object.fromEntries(provisions.map((p) => [p.code, p.id])),
      instrument,
      staff,
      directory,
      bases: new Map(counters.map((c) => [c.year, Number(c.last)])),
    };
  });
  const plan = yearPlan(options.cases, setup.bases);
  const data: DemoPlanData = {
    seed,
    idSeed,
    plan,
    institutions: [...setup.staff.institutions.values()],
    instrument: setup.instrument && {
      id: setup.instrument.id,
      version: setup.instrument.version,
      definition: setup.instrument.definition,
    },
    offers: setup.directory.offers,
    provisions: setup.provisions,
    total: options.cases,
    skipTriggers: options.checkForeignKeys
      ? false
      : await canSkipTriggers(
          db,
          Object.values(chunkTables()).map((t) => t.table),
        ),
  };
  const workers = options.workers ?? (options.cases >= 20_000 ? os.availableParallelism() : 0);
  const keys = services.masterKey && workers > 0 ? await keyMaterial(db, services.masterKey) : null;

  const rows: Record<string, number> = {
    users: setup.staff.created,
    service_providers: setup.directory.created,
  };
  const holds = new Map<string, number>();
  let pending: Promise<void> | null = null;
  const source = chunkSource({
    data,
    crypto: services.crypto,
    keys,
    total: options.cases,
    chunkSize: options.chunkSize ?? 1000,
    workers,
  });
  for await (const chunk of source) {
    if (pending) await pending;
    options.onProgress?.(chunk.start, options.cases);
    for (const [table, n] of Object.entries(chunk.rows)) rows[table] = (rows[table] ?? 0) + n;
    for (const [id, n] of Object.entries(chunk.holds)) holds.set(id, (holds.get(id) ?? 0) + n);
    pending = runScript(db, chunk.script).catch(async (error: unknown) => {
      await runScript(db, 'rollback').catch(() => {});
      throw error;
    });
    pending.catch(() => {}); // awaited before the next chunk is written
    // Let the script reach the server, then build the next chunk while the database writes this one.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (pending) await pending;
  options.onProgress?.(options.cases, options.cases);

  await db.transaction(async (trx) => {
    for (const slice of plan) {
      if (slice.count === 0) continue;
      const last = slice.base + slice.count;
      await trx
        .insertInto('case_counters')
        .values({ year: slice.year, last })
        .onConflict((oc) =>
          oc.column('year').doUpdateSet({ last: sql<number>`greatest(case_counters.last, ${last})` }),
        )
        .execute();
    }
    // The places the run's referrals hold at the end (never more than were free: see DemoOffer).
    for (const [id, n] of [...holds].sort()) {
      await trx
        .updateTable('provider_services')
        .set({ occupancy: sql<number>`occupancy + ${n}`, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    }
    // A case closed in the demo's past was closed then, not when the demo ran: the trigger stamped
    // the run's time at insert; the closure is the case's last timeline event (docs/PRIVACY.md
    // counts retention from it, so a demo shows old cases in the DPO's queue as a real system would).
    await sql`update cases c set closed_at = coalesce(
        (select max(t.at) from case_timeline t where t.case_id = c.id), c.updated_at)
      where c.status in ('Closed', 'ClosedReferred') and c.closed_at >= ${startedAt}`.execute(trx);
    await writeAudit(trx, {
      actor: null,
      action: 'demo.generate',
      resourceType: null,
      purpose: 'demo',
      changedFields: [`cases:${options.cases}`],
    });
  });
  // Bulk-loaded tables have no planner statistics yet (and PGlite never gathers them by itself).
  await refreshStatistics(db, { all: true });
  // Every loaded person is marked for the statistics facts: build them now, in batches, so that a
  // server started on the demo answers figures at once (and its background refresh finds nothing).
  await drainFacts(db);
  return {
    cases: options.cases,
    rows,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    usersCreated: setup.staff.created,
    generatedPassword,
    admins: setup.staff.admins,
    screenings: setup.instrument !== null,
  };
}

/** The raw data and blind-index keys, for generator threads (they build their own FieldCrypto). */
async function keyMaterial(db: Database, master: Buffer): Promise<KeyMaterial> {
  const rows = await db.transaction((trx) => trx.selectFrom('crypto_keys').selectAll().execute());
  const data = rows.filter((r) => r.purpose === 'data');
  const active = data.find((r) => r.status === 'active');
  const blind = rows.find((r) => r.purpose === 'blind_index');
  if (!active || !blind) throw new Error('The encryption keys are not set up.');
  return {
    activeKeyId: active.id,
    dataKeys: data.map((r) => [r.id, unwrapKey(master, r.id, r.wrapped)]),
    blindKey: unwrapKey(master, blind.id, blind.wrapped),
  };
}
