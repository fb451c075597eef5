/**
 * Audited-read throughput: how many audited transactions per second the server completes with many
 * concurrent requests, on a fresh PostgreSQL database (the audit append is what serialised them).
 *
 *   npx tsx bench/audit/throughput.ts [--seconds 10] [--concurrency 1,8,32] [--processes 1]
 *
 * Two measurements per concurrency level, each for --seconds:
 *   - `txn`: a read transaction with its audit row (`writeAudit`), straight on the database;
 *   - `http`: `GET /api/audit-events?limit=1` as the data protection officer through the whole pipeline
 *     (session, validation, transaction, audit row), with `app.inject`.
 * `--processes N` runs N copies of the `txn` measurement as separate processes (like N app servers)
 * against the same database and sums them. Uses NANDUTI_TEST_PG_URL or postgres@127.0.0.1:5432.
 * The audit sequencer runs in the main process throughout (it folds every row into the tree).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { openServices } from '../../src/server/bootstrap.js';
import { writeAudit } from '../../src/server/audit/audit.js';
import { loadConfig } from '../../src/server/config.js';
import { connect } from '../../src/server/db/database.js';
import { buildApp } from '../../src/server/http/app.js';
import { createLogger } from '../../src/server/logger.js';
import { createSession } from '../../src/server/modules/auth/sessions.js';
import { insertBenchUser } from '../users.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '1,8,32' },
    processes: { type: 'string', default: '1' },
    worker: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const levels = values.concurrency.split(',').map(Number);
const adminUrl = process.env.NANDUTI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const urlOf = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

async function loop(concurrency: number, once: () => Promise<void>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await once();
        done++;
      }
    }),
  );
  return done / seconds;
}

/** One audited read transaction, as a service does it. */
function auditedTxn(db: Awaited<ReturnType<typeof connect>>) {
  return () =>
    db.transaction(async (trx) => {
      await trx.selectFrom('institutions').select('id').limit(1).execute();
      await writeAudit(trx, {
        actor: null,
        action: 'audit.list',
        resourceType: 'audit_event',
        purpose: 'audit',
        requestId: crypto.randomUUID(),
      });
    });
}

if (values.worker) {
  // A child process: one "app server" running the txn loop against the given database.
  const [url, c] = values.worker.split('|');
  const db = await connect({ databaseUrl: url!, dataDir: null, poolSize: Number(c) });
  const rate = await loop(Number(c), auditedTxn(db));
  await db.close();
  process.stdout.write(JSON.stringify({ rate }));
  process.exit(0);
}

const name = `nanduti_bench_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
const databaseUrl = urlOf(name);
const logger = createLogger('warn');
const config = loadConfig(
  { DATABASE_URL: databaseUrl, NANDUTI_MASTER_KEY: crypto.randomBytes(32).toString('base64') },
  { dataDir: '/nonexistent' },
);
const services = await openServices({
  config,
  logger,
  db: await connect({ databaseUrl, dataDir: null, poolSize: Math.max(...levels) }),
});
const app = await buildApp(services, { webDir: '/nonexistent' });
await app.ready();
// The sequencer folds rows into the audit tree while the load runs, as in `nanduti serve`.
// (Absent before the tree: the same script then measures the locked hash chain.)
const sequencer = await import('../../src/server/audit/sequencer.js').catch(() => null);
const stopSequencer = sequencer ? sequencer.startAuditSequencer(services.db, logger) : () => {};
const dpo = await services.db.transaction(async (trx) => {
  const inst = await trx
    .selectFrom('institutions')
    .select('id')
    .where('code', '=', 'MESA')
    .executeTakeFirstOrThrow();
  const id = await insertBenchUser(trx, {
    institutionId: inst.id,
    username: 'bench.dpo',
    displayName: 'Bench DPO',
    role: 'dpo',
  });
  return { id };
});
const session = await services.db.transaction((trx) => createSession(trx, dpo.id, services.config));
const cookie = `nanduti_session=${session.token}`;

console.log(`PostgreSQL ${name}, ${seconds} s per measurement, ${values.processes} process(es) for txn`);
try {
  for (const c of levels) {
    const processes = Number(values.processes);
    let txn: number;
    if (processes > 1) {
      const runs = await Promise.all(
        Array.from(
          { length: processes },
          () =>
            new Promise<number>((resolve, reject) => {
              const child = spawn(
                process.execPath,
                [
                  ...process.execArgv,
                  process.argv[1]!,
                  '--seconds',
                  String(seconds),
                  '--worker',
                  `${databaseUrl}|${c}`,
                ],
                { stdio: ['ignore', 'pipe', 'inherit'] },
              );
              let out = '';
              child.stdout.on('data', (d: Buffer) => (out += d.toString()));
              child.on('exit', (code) =>
                code === 0
                  ? resolve((JSON.parse(out) as { rate: number }).rate)
                  : reject(new Error(`worker ${code}`)),
              );
            }),
        ),
      );
      txn = runs.reduce((a, b) => a + b, 0);
    } else {
      txn = await loop(c, auditedTxn(services.db));
    }
    const http = await loop(c, async () => {
      const res = await app.inject({ method: 'GET', url: '/api/audit-events?limit=1', headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`GET /api/audit-events: ${res.statusCode} ${res.body}`);
    });
    const lag = await services.db.transaction(async (trx) => {
      const rows = await trx
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const tree = sequencer
        ? await sql<{ size: number }>`select size from audit_tree_state`.execute(trx)
        : null;
      return tree ? Number(rows.n) - Number(tree.rows[0]!.size) : null;
    });
    console.log(
      `concurrency ${String(c).padStart(3)}: txn ${txn.toFixed(0).padStart(6)}/s   http ${http.toFixed(0).padStart(6)}/s` +
        (lag === null ? '' : `   rows not yet in the tree at the end: ${lag}`),
    );
  }
} finally {
  stopSequencer();
  await app.close();
  await services.db.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
