/**
 * How many fsync calls a commit costs on the embedded database, and what that does to commit
 * latency, with Ñandutí's durability (src/server/db/embedded.ts) and without it.
 *
 *   npx tsx bench/durability/fsync-count.ts [--mode durable|no-fsync-op|default|all] [--n 500] [--json]
 *
 * Modes:
 *   durable      openEmbedded(): postgres without -F, wal_sync_method=fsync, NODEFS with a real fsync
 *   no-fsync-op  postgres without -F but PGlite's stock NODEFS (whose fsync does nothing)
 *   default      PGlite's defaults: postgres started with -F (fsync off)
 *
 * fsync calls are counted where they leave JavaScript (node:fs fsyncSync/fdatasyncSync); run one
 * mode under `strace -f -c -e trace=fsync,fdatasync` to see them reach the kernel (README.md).
 * Figures and their reading are in docs/adr/0002-embedded-durability.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { openEmbedded, startParams } from '../../src/server/db/embedded.js';

type Mode = 'durable' | 'no-fsync-op' | 'default';
const MODES: Mode[] = ['durable', 'no-fsync-op', 'default'];

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'all' },
    n: { type: 'string', default: '500' },
    json: { type: 'boolean', default: false },
  },
});
const commits = Number(values.n);
if (!Number.isInteger(commits) || commits < 10) throw new Error('--n must be a whole number ≥ 10');
const modes = values.mode === 'all' ? MODES : [values.mode as Mode];
if (!modes.every((m) => MODES.includes(m))) throw new Error(`--mode must be one of ${MODES.join(', ')}, all`);

// Count every fsync that leaves JavaScript. embedded.ts calls fs.fsyncSync through the same module
// object, so replacing the property here sees its calls.
let fsyncs = 0;
for (const name of ['fsyncSync', 'fdatasyncSync'] as const) {
  const original = fs[name];
  (fs as unknown as Record<string, unknown>)[name] = (fd: number) => {
    fsyncs++;
    original(fd);
  };
}

async function open(mode: Mode, dir: string): Promise<PGlite> {
  if (mode === 'durable') return openEmbedded(dir);
  const pg =
    mode === 'no-fsync-op'
      ? new PGlite({ fs: new NodeFS(dir), startParams: startParams() })
      : new PGlite({ fs: new NodeFS(dir) });
  await pg.waitReady;
  return pg;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Result {
  mode: Mode;
  commits: number;
  fsyncsPerAutocommitInsert: number;
  fsyncsPerTwoStatementTransaction: number;
  fsyncsForOneTransactionOf200Inserts: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  /** Wall time of the whole run of single-row autocommit inserts. */
  elapsedMs: number;
  commitsPerSecond: number;
  settings: Record<string, string>;
}

async function measure(mode: Mode): Promise<Result> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nanduti-fsync-${mode}-`));
  try {
    const pg = await open(mode, dir);
    const settings: Record<string, string> = {};
    for (const name of ['fsync', 'wal_sync_method', 'synchronous_commit', 'full_page_writes']) {
      settings[name] = (await pg.query<{ v: string }>(`select current_setting('${name}') as v`)).rows[0]!.v;
    }
    await pg.exec(
      'create table bench (id serial primary key, body text not null, at timestamptz not null default now())',
    );
    await pg.exec('create table bench_audit (seq bigserial primary key, ref int not null)');
    await pg.exec('checkpoint'); // start from a clean WAL position: no checkpoint inside the loop

    // 1. Single-row autocommit inserts: one commit each.
    const latencies: number[] = [];
    fsyncs = 0;
    const started = performance.now();
    for (let i = 0; i < commits; i++) {
      const t0 = performance.now();
      await pg.query('insert into bench (body) values ($1)', [`row ${i}`]);
      latencies.push(performance.now() - t0);
    }
    const elapsed = performance.now() - started;
    const perInsert = fsyncs / commits;

    // 2. The shape of an application write: a row and its audit row in one transaction.
    fsyncs = 0;
    for (let i = 0; i < 50; i++) {
      await pg.transaction(async (tx) => {
        const { rows } = await tx.query<{ id: number }>('insert into bench (body) values ($1) returning id', [
          `tx ${i}`,
        ]);
        await tx.query('insert into bench_audit (ref) values ($1)', [rows[0]!.id]);
      });
    }
    const perTransaction = fsyncs / 50;

    // 3. One transaction of 200 inserts.
    fsyncs = 0;
    await pg.transaction(async (tx) => {
      for (let i = 0; i < 200; i++) await tx.query('insert into bench (body) values ($1)', [`batch ${i}`]);
    });
    const batch = fsyncs;

    await pg.close();
    latencies.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 1000) / 1000;
    return {
      mode,
      commits,
      fsyncsPerAutocommitInsert: round(perInsert),
      fsyncsPerTwoStatementTransaction: round(perTransaction),
      fsyncsForOneTransactionOf200Inserts: batch,
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        mean: round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
        max: round(latencies[latencies.length - 1]!),
      },
      elapsedMs: Math.round(elapsed),
      commitsPerSecond: Math.round((commits / elapsed) * 1000),
      settings,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const results: Result[] = [];
for (const mode of modes) results.push(await measure(mode));

if (values.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(
    `${commits} single-row autocommit inserts per mode; tmpdir ${os.tmpdir()}; Node ${process.version}; ${os.cpus().length} CPUs`,
  );
  console.log(
    'mode         fsync/commit  fsync/2-stmt-tx  fsync/200-insert-tx  p50 ms  p95 ms  p99 ms  elapsed ms  commits/s  settings',
  );
  for (const r of results) {
    console.log(
      [
        r.mode.padEnd(12),
        String(r.fsyncsPerAutocommitInsert).padStart(12),
        String(r.fsyncsPerTwoStatementTransaction).padStart(16),
        String(r.fsyncsForOneTransactionOf200Inserts).padStart(20),
        r.latencyMs.p50.toFixed(3).padStart(7),
        r.latencyMs.p95.toFixed(3).padStart(7),
        r.latencyMs.p99.toFixed(3).padStart(7),
        String(r.elapsedMs).padStart(11),
        String(r.commitsPerSecond).padStart(10),
        ` fsync=${r.settings.fsync} wal_sync_method=${r.settings.wal_sync_method}`,
      ].join(' '),
    );
  }
}
