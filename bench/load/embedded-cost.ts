/**
 * Where an embedded request's time goes: the server in this process on a copy of an embedded demo
 * database, PGlite's engine timed from inside.
 *
 *   npx tsx bench/load/embedded-cost.ts [--cases 10000] [--n 40] [--only list,case…]
 *                                       [--connections 10] [--duration 6] [--explain]
 *                                       [--cpu-prof-dir DIR]
 *
 * PGlite runs PostgreSQL as WebAssembly on the calling thread: each protocol message
 * (`execProtocolRawSync`) blocks Node's event loop until the database has answered. This script
 * copies the load benchmark's demo data directory (bench/load/demo-db.ts, made by `bench/load/run.ts
 * --engines pglite --cases N`), starts the same services and app as `nanduti serve` with the same
 * background jobs, and reports per operation:
 *  - one request at a time (`--n`): wall time, the engine's time (the synchronous calls into
 *    PostgreSQL), statements, the rest (Node: HTTP, Kysely, crypto, serialisation), and the
 *    process' CPU per request (what a loaded machine does not inflate);
 *  - under load (`--connections` for `--duration` s, autocannon on loopback): req/s, p50/p99, the
 *    event loop's utilisation and the engine's share of the wall time, the time a transaction held
 *    the one connection and how long requests waited for it;
 *  - with `--explain`, EXPLAIN (ANALYZE, BUFFERS) inside PGlite of the case list's statement as the
 *    case worker runs it;
 *  - with `--statements`, the engine's time per request of each statement (by its text), one
 *    request at a time;
 *  - with `--cpu-prof-dir DIR`, a CPU profile of this process (server and engine: they share the
 *    thread) over each operation's one-at-a-time requests, `DIR/<operation>.cpuprofile`.
 */
import { execFileSync } from 'node:child_process';
import inspector from 'node:inspector/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { HEALTH, operations, signIn, type Scenario } from './scenarios.js';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { buildApp } from '../../src/server/http/app.js';
import { startAuditSequencer } from '../../src/server/audit/sequencer.js';
import { scheduleEmbeddedStatistics } from '../../src/server/db/statistics.js';
import { scheduleStatisticsRefresh } from '../../src/server/statistics-engine/refresh-job.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    n: { type: 'string', default: '40' },
    only: { type: 'string' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '6' },
    explain: { type: 'boolean', default: false },
    'no-jobs': { type: 'boolean', default: false },
    'cpu-prof-dir': { type: 'string' },
    statements: { type: 'boolean', default: false },
  },
});
const N = Number(values.n);
const only = values.only ? new Set(values.only.split(',')) : null;
const LOAD_DIR = process.env.NANDUTI_LOAD_DIR ?? '/tmp/nanduti-load';
const source = path.join(LOAD_DIR, `pglite-${values.cases}`, 'data');
if (!fs.existsSync(source)) throw new Error(`no embedded demo in ${source}: run bench/load/run.ts first`);
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-embedded-cost-'));
execFileSync('cp', ['-a', `${source}/.`, copy]);
fs.rmSync(path.join(copy, 'nanduti.lock'), { force: true });

const config = loadConfig({ ...process.env, NANDUTI_DATA_DIR: copy, LOG_LEVEL: 'warn' });
const services = await openServices({ config });
const engine = services.db.embedded!;

// The engine's clock: every synchronous call into PostgreSQL, and the statements sent. Each call
// is charged to the statement it serves (`--statements`): a Parse names it, a Bind runs it.
const clock = { engineMs: 0, statements: 0 };
const byStatement = new Map<string, { ms: number; runs: number }>();
const statementNames = new Map<string, string>();
let current = '(other)';
const proto = engine as unknown as { execProtocolRawSync: (m: Uint8Array) => Uint8Array };
const rawSync = proto.execProtocolRawSync.bind(engine);
proto.execProtocolRawSync = (message) => {
  const t0 = performance.now();
  try {
    return rawSync(message);
  } finally {
    const ms = performance.now() - t0;
    clock.engineMs += ms;
    const entry = byStatement.get(current) ?? { ms: 0, runs: 0 };
    entry.ms += ms;
    byStatement.set(current, entry);
  }
};
const cString = (b: Buffer, at: number) => b.toString('utf8', at, b.indexOf(0, at));
/**
 * Counts a statement at its Bind and notes which statement the next engine calls serve. One call
 * may carry several messages (the driver sends a held BEGIN or a plan setting ahead of a Bind): the
 * call is charged to its last statement.
 */
function follow(message: Uint8Array) {
  const b = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  for (let at = 0; at + 5 <= b.length; at += 1 + b.readInt32BE(at + 1)) followOne(b, at);
}
function followOne(b: Buffer, at: number) {
  if (b[at] === 0x50) {
    const name = cString(b, at + 5);
    const text = cString(b, at + 5 + Buffer.byteLength(name) + 1).replace(/\s+/g, ' ');
    if (name) statementNames.set(name, text);
    current = text;
  } else if (b[at] === 0x51) {
    // A simple query (the driver's BEGIN, COMMIT, a plan setting).
    clock.statements++;
    current = cString(b, at + 5).replace(/\s+/g, ' ');
    const entry = byStatement.get(current) ?? { ms: 0, runs: 0 };
    entry.runs++;
    byStatement.set(current, entry);
  } else if (b[at] === 0x42) {
    clock.statements++;
    const portal = cString(b, at + 5);
    const name = cString(b, at + 5 + Buffer.byteLength(portal) + 1);
    // The unnamed statement: the Parse just before it named the text.
    if (name) current = statementNames.get(name) ?? '(unknown)';
    const entry = byStatement.get(current) ?? { ms: 0, runs: 0 };
    entry.runs++;
    byStatement.set(current, entry);
  }
}
// A statement is one Bind: the driver's prepared statements and PGlite's own query() both send one.
const execProtocol = engine.execProtocol.bind(engine);
(engine as { execProtocol: typeof engine.execProtocol }).execProtocol = ((message, options) => {
  follow(message);
  return execProtocol(message, options);
}) as typeof engine.execProtocol;
const protoStream = engine as unknown as {
  execProtocolStream: (m: Uint8Array, o?: unknown) => Promise<unknown>;
};
const execProtocolStream = protoStream.execProtocolStream.bind(engine);
protoStream.execProtocolStream = (message, options) => {
  follow(message);
  return execProtocolStream(message, options);
};
// The driver's prepared statements run through execProtocolRawStream (it reads the rows itself).
const rawStream = engine as unknown as {
  execProtocolRawStream: (m: Uint8Array, o: unknown) => Promise<void>;
};
const execProtocolRawStream = rawStream.execProtocolRawStream.bind(engine);
rawStream.execProtocolRawStream = (message, options) => {
  follow(message);
  return execProtocolRawStream(message, options);
};

// The WAL's fsyncs: on Node's thread (fsyncSync: the engine waits, and every request with it) or
// on libuv's pool (fsync: grouped commits, src/server/db/wal-sync.ts).
const fsyncs = { onThread: 0, onThreadMs: 0, offThread: 0 };
const fsyncSync = fs.fsyncSync;
fs.fsyncSync = (fd) => {
  const t0 = performance.now();
  try {
    fsyncSync(fd);
  } finally {
    fsyncs.onThread++;
    fsyncs.onThreadMs += performance.now() - t0;
  }
};
const fsyncAsync = fs.fsync;
fs.fsync = ((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
  fsyncs.offThread++;
  fsyncAsync(fd, callback);
}) as typeof fs.fsync;

// The one connection: how long each transaction held it, how long callers waited for it.
const hold = { waits: [] as number[], holds: [] as number[] };
const db = services.db as unknown as { transaction: typeof services.db.transaction };
const transaction = services.db.transaction.bind(services.db);
db.transaction = (async (fn, options) => {
  const called = performance.now();
  let began = 0;
  try {
    return await transaction(async (trx) => {
      began = performance.now();
      hold.waits.push(began - called);
      return fn(trx);
    }, options);
  } finally {
    if (began) hold.holds.push(performance.now() - began);
  }
}) as typeof services.db.transaction;

const app = await buildApp(services);
const stops = values['no-jobs']
  ? []
  : [
      scheduleEmbeddedStatistics(services.db, services.logger),
      startAuditSequencer(services.db, services.logger),
      scheduleStatisticsRefresh(services.db, services.logger),
    ];
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const caseworker = await signIn(base, 'pnptu.caseworker1');
const analyst = await signIn(base, 'mesa.analyst1');
const measured = await operations(base, caseworker, analyst);
const scenarios = [HEALTH, ...measured.scenarios];
const chosen = scenarios.filter((s) => s.id === 'health' || !only || only.has(s.id));

function headersOf(s: Scenario): Record<string, string> {
  const h: Record<string, string> = {};
  if (s.session) {
    h.cookie = s.session.cookie;
    h['x-csrf-token'] = s.session.csrf;
  }
  if (s.body !== undefined) h['content-type'] = 'application/json';
  return h;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))]! : 0;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const load = () => r1(os.loadavg()[0]!);

/** The text parameters of a Bind message (the driver sends every value as text). */
function bindValues(message: Uint8Array): Array<string | null> {
  const b = Buffer.from(message);
  let at = 5;
  for (let i = 0; i < 2; i++) at = b.indexOf(0, at) + 1; // portal, statement
  at += 2 + 2 * b.readInt16BE(at);
  const n = b.readInt16BE(at);
  at += 2;
  const out: Array<string | null> = [];
  for (let i = 0; i < n; i++) {
    const len = b.readInt32BE(at);
    at += 4;
    out.push(len < 0 ? null : b.toString('utf8', at, at + len));
    if (len > 0) at += len;
  }
  return out;
}

if (values.explain) {
  // Each SELECT of one request per scenario, as the driver ran it, with its plan as a custom plan
  // (planned for these values) and as the generic plan a prepared statement settles on.
  for (const s of chosen.filter(
    (x) => (x.id !== 'health' && (x.method ?? 'GET') === 'GET') || x.id === 'search',
  )) {
    const names = new Map<string, string>();
    const runs: Array<{ sql: string; params: Array<string | null> }> = [];
    // Prepared statements go through execProtocol, PGlite's own query() (statements planned per
    // value) through execProtocolStream: both are watched.
    const watch = (message: Uint8Array) => {
      if (message[0] === 0x50) {
        const b = Buffer.from(message);
        const nameEnd = b.indexOf(0, 5);
        names.set(b.toString('utf8', 5, nameEnd), b.toString('utf8', nameEnd + 1, b.indexOf(0, nameEnd + 1)));
      }
      if (message[0] === 0x42) {
        const b = Buffer.from(message);
        const p0 = b.indexOf(0, 5) + 1;
        const statement = b.toString('utf8', p0, b.indexOf(0, p0));
        // A statement prepared before (by an earlier request) has its Parse in statementNames.
        const text = names.get(statement) ?? statementNames.get(statement);
        if (text) runs.push({ sql: text, params: bindValues(message) });
      }
    };
    const ep = engine.execProtocol;
    const eps = protoStream.execProtocolStream;
    const eprs = rawStream.execProtocolRawStream;
    rawStream.execProtocolRawStream = (message, options) => {
      watch(message);
      return eprs(message, options);
    };
    (engine as { execProtocol: typeof engine.execProtocol }).execProtocol = ((message, options) => {
      watch(message);
      return ep(message, options);
    }) as typeof engine.execProtocol;
    protoStream.execProtocolStream = (message, options) => {
      watch(message);
      return eps(message, options);
    };
    await fetch(`${base}${s.path}`, {
      method: s.method ?? 'GET',
      headers: headersOf(s),
      body: s.body === undefined ? undefined : JSON.stringify(s.body),
    }).then((r) => r.arrayBuffer());
    (engine as { execProtocol: typeof engine.execProtocol }).execProtocol = ep;
    protoStream.execProtocolStream = eps;
    rawStream.execProtocolRawStream = eprs;
    for (const run of runs) {
      const text = run.sql;
      if (!/^\s*\(?\s*(select|with)\b/i.test(text)) continue;
      const summary = async (prefix: string, generic: boolean) => {
        await engine.exec(`set plan_cache_mode = ${generic ? 'force_generic_plan' : 'force_custom_plan'}`);
        await engine.query(`prepare explained as ${text}`);
        const args = run.params.map((p) => (p === null ? 'null' : `'${p.replace(/'/g, "''")}'`)).join(', ');
        const plan = await engine.query<{ 'QUERY PLAN': string }>(
          `explain (analyze, buffers) execute explained${args ? `(${args})` : ''}`,
        );
        await engine.exec('deallocate explained; reset plan_cache_mode');
        const lines = plan.rows.map((r) => r['QUERY PLAN']);
        console.log(`  ${prefix}: ${lines.filter((l) => /Planning Time|Execution Time/.test(l)).join(', ')}`);
        if (process.env.EXPLAIN_FULL) console.log(lines.join('\n'));
      };
      console.log(`${s.label}: ${text.slice(0, 100).replace(/\s+/g, ' ')}…`);
      if (process.env.EXPLAIN_FULL) console.log(JSON.stringify({ sql: text, params: run.params }));
      await summary('custom plan', false);
      await summary('generic plan', true);
    }
  }
}

if (process.env.PLAN_CACHE_MODE) await engine.exec(`set plan_cache_mode = ${process.env.PLAN_CACHE_MODE}`);
console.log(
  `embedded cost: ${values.cases} demo cases (copy in ${copy}), ${measured.visible} cases visible, ` +
    `${os.cpus().length} cores, load ${os.loadavg().map(r1).join(' ')}`,
);
const profileDir = values['cpu-prof-dir'];
const profiler = profileDir ? new inspector.Session() : null;
if (profiler) {
  fs.mkdirSync(profileDir!, { recursive: true });
  profiler.connect();
  await profiler.post('Profiler.enable');
}
console.log('\none request at a time:');
for (const s of chosen) {
  if (profiler) await profiler.post('Profiler.start');
  byStatement.clear();
  const walls: number[] = [];
  const engines: number[] = [];
  const f0 = { ...fsyncs };
  const statements: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < N; i++) {
    const e0 = clock.engineMs;
    const n0 = clock.statements;
    const t0 = performance.now();
    const res = await fetch(`${base}${s.path}`, {
      method: s.method ?? 'GET',
      headers: headersOf(s),
      body: s.body === undefined ? undefined : JSON.stringify(s.body),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${s.label}: ${res.status}`);
    walls.push(performance.now() - t0);
    engines.push(clock.engineMs - e0);
    statements.push(clock.statements - n0);
  }
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    fs.writeFileSync(path.join(profileDir!, `${s.id}.cpuprofile`), JSON.stringify(profile));
  }
  // The process' CPU per request (server, engine and the in-process client): on a loaded machine
  // the wall times above include the time the thread waited for a core; this does not.
  const cpu = process.cpuUsage(cpu0);
  const w = median(walls);
  const e = median(engines);
  console.log(
    `  ${s.label.padEnd(28)} wall ${r1(w)} ms  engine ${r1(e)} ms  node ${r1(w - e)} ms  ` +
      `cpu ${r1((cpu.user + cpu.system) / 1000 / N)} ms  ` +
      `statements ${r1(statements.reduce((a, b) => a + b, 0) / N)}  ` +
      `fsync on thread ${r1((fsyncs.onThread - f0.onThread) / N)}× ${r1((fsyncs.onThreadMs - f0.onThreadMs) / N)} ms, ` +
      `off ${r1((fsyncs.offThread - f0.offThread) / N)}×  (load ${load()})`,
  );
  if (values.statements) {
    for (const [text, { ms, runs }] of [...byStatement].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(
        `      ${r1(ms / N)
          .toFixed(1)
          .padStart(6)} ms  ${r1(runs / N)}×  ${text.slice(0, 110)}`,
      );
    }
  }
}

const connections = Number(values.connections);
console.log(`\nunder load, ${connections} connections, ${values.duration} s each:`);
for (const s of chosen) {
  hold.waits.length = 0;
  hold.holds.length = 0;
  const e0 = clock.engineMs;
  const elu0 = performance.eventLoopUtilization();
  const cpu0 = process.cpuUsage();
  const f0 = { ...fsyncs };
  const t0 = performance.now();
  const result = await autocannon({
    url: `${base}${s.path}`,
    method: s.method ?? 'GET',
    headers: headersOf(s),
    body: s.body === undefined ? undefined : JSON.stringify(s.body),
    // A scenario that varies sends a new body with every request (as run.ts does).
    ...(s.varies
      ? { requests: [{ setupRequest: (req: object) => ({ ...req, body: JSON.stringify(s.body) }) }] }
      : {}),
    connections,
    duration: Number(values.duration),
    timeout: 30,
  });
  const wall = performance.now() - t0;
  const elu = performance.eventLoopUtilization(elu0);
  const cpu = process.cpuUsage(cpu0);
  const engineShare = (clock.engineMs - e0) / wall;
  // What bounds req/s on the one thread: its busy time per request (the event loop's active time;
  // autocannon runs in this process too, so it includes the client's share), and the process' CPU.
  const answered = Math.max(1, result.requests.total);
  console.log(
    `  ${s.label.padEnd(28)} ${String(Math.round(result.requests.average)).padStart(5)} req/s  ` +
      `p50 ${result.latency.p50} / p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  ` +
      `event loop ${Math.round(elu.utilization * 100)} %  engine ${Math.round(engineShare * 100)} %  ` +
      `thread ${r1(elu.active / answered)} ms/req  cpu ${r1((cpu.user + cpu.system) / 1000 / answered)} ms/req  ` +
      `fsync on thread ${r1((fsyncs.onThread - f0.onThread) / answered)}× ` +
      `${r1((fsyncs.onThreadMs - f0.onThreadMs) / answered)} ms/req, off ${r1((fsyncs.offThread - f0.offThread) / answered)}×  ` +
      `connection held ${r1(median(hold.holds))} ms (p99 ${r1(pct(hold.holds, 99))})  ` +
      `waited ${r1(median(hold.waits))} ms (p99 ${r1(pct(hold.waits, 99))})  load ${load()}`,
  );
}

if (values.statements) {
  // Which statements the engine answers from a plan made once (generic) and which it plans at every
  // run (custom): PostgreSQL's plan cache decides per prepared statement (bench/README.md).
  console.log('\nprepared statements: generic / custom plans so far');
  const plans = await engine.query<{ statement: string; generic_plans: number; custom_plans: number }>(
    'select statement, generic_plans::int, custom_plans::int from pg_prepared_statements order by custom_plans desc',
  );
  for (const p of plans.rows.slice(0, 12))
    console.log(
      `  ${String(p.generic_plans).padStart(6)} / ${String(p.custom_plans).padStart(6)}  ${p.statement.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
}

for (const stop of stops) stop();
await app.close();
await services.db.close();
fs.rmSync(copy, { recursive: true, force: true });
process.exit(0);
