/**
 * Cost per request, one request at a time: the work each operation of the load benchmark costs,
 * measured so that it means something on a loaded machine (where req/s says more about the
 * neighbours than about the server).
 *
 *   DATABASE_URL=postgres://… NANDUTI_MASTER_KEY=… npx tsx bench/load/cost.ts [--n 30] [--only create,event]
 *
 * The database must hold a demo (`nanduti demo --cases 2000 --password-stdin` with the password of
 * bench/load/demo-db.ts). Starts `nanduti serve`, signs in, then for each operation sends `--n`
 * requests one after the other and reports per request: wall time (median), the server's CPU time
 * (utime+stime of the server process and its children, /proc, Linux), the CPU time of the
 * database's backends serving this database, and the SQL statements the database ran (counted from
 * the server log: the script sets `log_min_duration_statement = 0` on the database for the run and
 * resets it after; PGLOG=/var/log/postgresql/postgresql-15-main.log by default, lines carrying
 * `@<database>` — log_line_prefix must include %d). With `--statements` it prints, per operation,
 * each distinct statement (first 160 characters) with its count and total time; with
 * `--cpu-prof-dir DIR` the server runs under `node --cpu-prof` (the profile is written at its exit).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BIN } from './demo-db.js';
import { HEALTH, operations, signIn, type Session } from './scenarios.js';
import { freePort } from '../../test/helpers/pg-cluster.js';
import { descendants, TICK_MS, ticksOf } from './proc.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '30' },
    only: { type: 'string' },
    statements: { type: 'boolean', default: false },
    'cpu-prof-dir': { type: 'string' },
  },
});
const N = Number(values.n);
const only = values.only ? new Set(values.only.split(',')) : null;
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL (a PostgreSQL database holding a demo) is required');
const dbName = new URL(url).pathname.slice(1);
const PGLOG = process.env.PGLOG ?? '/var/log/postgresql/postgresql-15-main.log';
const admin = new pg.Client({ connectionString: url });
await admin.connect();
async function backendPids(): Promise<number[]> {
  const r = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [dbName],
  );
  return r.rows.map((row) => row.pid);
}
const cpuMs = (pids: number[]) => pids.reduce((s, p) => s + ticksOf(p), 0) * TICK_MS;

await admin.query(`alter database "${dbName}" set log_min_duration_statement = 0`);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child: ChildProcess = spawn(
  process.execPath,
  [
    ...(values['cpu-prof-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof-dir']}`] : []),
    BIN,
    'serve',
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
  ],
  {
    env: {
      ...process.env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      NODE_ENV: 'production',
      NANDUTI_FROM_SOURCE: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);

async function send(s: Session, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The statements the database logged for this database since `offset`. */
function statementsSince(offset: number): Array<{ ms: number; sql: string }> {
  const fd = fs.openSync(PGLOG, 'r');
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.alloc(size - offset);
  fs.readSync(fd, buf, 0, buf.length, offset);
  fs.closeSync(fd);
  const out: Array<{ ms: number; sql: string }> = [];
  const marker = `@${dbName} LOG:  duration: `;
  for (const line of buf.toString('utf8').split('\n')) {
    const at = line.indexOf(marker);
    if (at < 0) continue;
    const rest = line.slice(at + marker.length);
    const ms = parseFloat(rest);
    const sql = rest.replace(/^[\d.]+ ms\s+(statement|execute [^:]*|parse [^:]*|bind [^:]*):\s*/, '');
    if (/^[\d.]+ ms\s+(parse|bind)/.test(rest)) continue; // counted once, at execute
    out.push({ ms, sql });
  }
  return out;
}
const logSize = () => fs.statSync(PGLOG).size;

try {
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
  const worker = await signIn(base, 'pnptu.caseworker1');
  const analyst = await signIn(base, 'mesa.analyst1');
  const statsPath = '/api/statistics?figure=victimsIdentified&year=2025&by=department';
  for (let i = 0; ; i++) {
    const fig = (await (await send(analyst, 'GET', statsPath)).json()) as {
      freshness?: { pending?: number };
    };
    if (!fig.freshness?.pending) break;
    if (i > 300) throw new Error('facts not built');
    await new Promise((r) => setTimeout(r, 1000));
  }
  // A scenario's body is read at each request (create person draws a new person each time).
  const ops = [HEALTH, ...(await operations(base, worker, analyst)).scenarios].map((op) => ({
    scenario: op,
    id: op.id,
    label: op.label,
    path: op.path,
    s: op.session ?? worker,
    method: op.method ?? 'GET',
  }));
  console.log(`cost per request, ${N} requests one at a time, load average ${os.loadavg()[0]!.toFixed(1)}`);
  console.log('| Operation | wall p50 ms | server CPU ms | database CPU ms | statements | SQL time ms |');
  console.log('|---|---|---|---|---|---|');
  for (const op of ops) {
    if (only && !only.has(op.id)) continue;
    for (let i = 0; i < 3; i++) await (await send(op.s, op.method, op.path, op.scenario.body)).arrayBuffer();
    const serverPids = descendants(child.pid!);
    const dbPids = await backendPids();
    const off = logSize();
    const s0 = cpuMs(serverPids);
    const d0 = cpuMs(dbPids);
    const walls: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      const res = await send(op.s, op.method, op.path, op.scenario.body);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${op.label}: ${res.status}`);
      walls.push(performance.now() - t);
    }
    const s1 = cpuMs(serverPids);
    const d1 = cpuMs(await backendPids());
    await new Promise((r) => setTimeout(r, 300)); // the log is written asynchronously
    const stmts = statementsSince(off);
    walls.sort((a, b) => a - b);
    const sqlMs = stmts.reduce((s, x) => s + x.ms, 0);
    console.log(
      `| ${op.label} | ${walls[Math.floor(N / 2)]!.toFixed(1)} | ${((s1 - s0) / N).toFixed(1)} | ` +
        `${((d1 - d0) / N).toFixed(1)} | ${(stmts.length / N).toFixed(1)} | ${(sqlMs / N).toFixed(1)} |`,
    );
    if (values.statements) {
      const by = new Map<string, { n: number; ms: number }>();
      for (const st of stmts) {
        const key = st.sql.slice(0, 160);
        const e = by.get(key) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += st.ms;
        by.set(key, e);
      }
      for (const [sql, e] of [...by].sort((a, b) => b[1].ms - a[1].ms))
        console.log(`    ${(e.n / N).toFixed(1)}×  ${(e.ms / N).toFixed(2)} ms  ${sql}`);
    }
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await admin.query(`alter database "${dbName}" reset log_min_duration_statement`);
  await admin.end();
}
