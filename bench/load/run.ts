/**
 * Load benchmark: the real server (`nanduti serve`, a child process) on a demo database, many
 * connections at once (autocannon, loopback only), bounded in time and in requests per run.
 *
 *   npx tsx bench/load/run.ts [--engines pglite,postgres] [--cases 100000] [--duration 10]
 *                             [--connections 10,50] [--max-requests 50000] [--only list,case…]
 *                             [--cpu-prof-dir DIR]  (the server under node --cpu-prof, written at its exit)
 *                             [--server-log FILE]   (the server's log lines, appended to FILE.<engine>)
 *                             [--warmup 3]          (seconds of each operation, unrecorded, before the measured runs)
 *                             [--node-args "--flag …"] (extra options of the server's node, e.g. V8's, for an A/B)
 *
 * For each engine: makes the demo database once (bench/load/demo-db.ts; PostgreSQL in a cluster of
 * its own unless DATABASE_URL is set), starts the server, signs in as a case worker and an analyst,
 * waits until the statistics facts are built, then for each connection count measures /api/health
 * and each operation in turn: req/s, p50 and p99 latency, non-2xx answers, and the machine's 1-minute
 * load average at the end of the run (the machine is shared: read figures beside it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BIN, demoDatabase, type Engine } from './demo-db.js';
import { getJson, HEALTH, operations, signIn, type Scenario } from './scenarios.js';
import { freePort } from '../../test/helpers/pg-cluster.js';
import { cpuMsOf, mainThreadMsOf } from './proc.js';

const { values } = parseArgs({
  options: {
    engines: { type: 'string', default: 'pglite,postgres' },
    cases: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,50' },
    'max-requests': { type: 'string', default: '50000' },
    only: { type: 'string' },
    'cpu-prof-dir': { type: 'string' },
    'server-log': { type: 'string' },
    warmup: { type: 'string', default: '3' },
    'node-args': { type: 'string', default: '' },
  },
});
const engines = values.engines.split(',') as Engine[];
const cases = Number(values.cases);
const duration = Number(values.duration);
const connectionCounts = values.connections.split(',').map(Number);
const maxRequests = Number(values['max-requests']);
const warmup = Number(values.warmup);
const only = values.only ? new Set(values.only.split(',')) : null;

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode})`);
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not answer /api/health in 10 minutes');
}

interface Figure {
  engine: Engine;
  connections: number;
  label: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  /** The status codes of the non-2xx answers, with their counts (`401×3 500×2`). */
  statuses: string;
  errors: number;
  load: number;
  /** CPU ms per request of the server process, and of the database (PostgreSQL, the benchmark's own cluster). */
  serverMs: number;
  /** Of `serverMs`, the server's main thread (the rest: GC and compiler threads, libuv's pool: the embedded WAL fsync). */
  mainThreadMs: number;
  databaseMs: number | null;
}

async function measure(
  base: string,
  scenario: Scenario,
  connections: number,
  cpu: { server: number; database: number | null },
  seconds = duration,
): Promise<Omit<Figure, 'engine'>> {
  const serverBefore = cpuMsOf([cpu.server], true);
  const mainBefore = mainThreadMsOf(cpu.server);
  const databaseBefore = cpu.database === null ? 0 : cpuMsOf([cpu.database], true);
  const headers: Record<string, string> = {};
  if (scenario.session) {
    headers.cookie = scenario.session.cookie;
    headers['x-csrf-token'] = scenario.session.csrf;
  }
  if (scenario.body !== undefined) headers['content-type'] = 'application/json';
  const result = await autocannon({
    url: `${base}${scenario.path}`,
    method: scenario.method ?? 'GET',
    headers,
    body: scenario.body === undefined ? undefined : JSON.stringify(scenario.body),
    // A scenario that varies sends a new body with every request.
    ...(scenario.varies
      ? { requests: [{ setupRequest: (req: object) => ({ ...req, body: JSON.stringify(scenario.body) }) }] }
      : {}),
    connections,
    duration: seconds,
    maxOverallRequests: maxRequests,
    timeout: 30,
  });
  const per = (ms: number) => Math.round((ms / Math.max(1, result.requests.total)) * 100) / 100;
  return {
    serverMs: per(cpuMsOf([cpu.server], true) - serverBefore),
    mainThreadMs: per(mainThreadMsOf(cpu.server) - mainBefore),
    databaseMs: cpu.database === null ? null : per(cpuMsOf([cpu.database], true) - databaseBefore),
    connections,
    label: scenario.label,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    statuses: Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, stat]) => `${code}×${stat.count}`)
      .join(' '),
    errors: result.errors + result.timeouts,
    load: Math.round(os.loadavg()[0]! * 10) / 10,
  };
}

async function runEngine(engine: Engine): Promise<Figure[]> {
  const db = await demoDatabase(engine, cases);
  const serverLog = values['server-log'] ? fs.openSync(`${values['server-log']}.${engine}`, 'a') : undefined;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // The server's node options: a CPU profile (--cpu-prof-dir) and any --node-args.
  const nodeArgs = [
    ...(values['cpu-prof-dir'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof-dir']}`] : []),
    ...values['node-args'].split(' ').filter(Boolean),
  ];
  const child = spawn(
    process.execPath,
    [...nodeArgs, BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...process.env, ...db.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', NANDUTI_FROM_SOURCE: '1' },
      // The server's log (warnings and errors, one JSON line each) kept with --server-log FILE.
      stdio: ['ignore', serverLog ?? 'ignore', 'inherit'],
    },
  );
  const figures: Figure[] = [];
  try {
    const started = Date.now();
    await waitForHealth(base, child);
    const caseworker = await signIn(base, 'pnptu.caseworker1');
    const analyst = await signIn(base, 'mesa.analyst1');
    console.log(`${engine}: server up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // The first statistics request after a start answers like any other (the facts build in the
    // background); wait until they are built so every run measures the same work.
    const statsPath = '/api/statistics?figure=victimsIdentified&year=2025&by=department';
    for (let i = 0; ; i++) {
      const t0 = performance.now();
      const fig = await getJson<{ freshness?: { pending: number } }>(base, analyst, statsPath);
      if (i === 0)
        console.log(
          `${engine}: first statistics request after start ${(performance.now() - t0).toFixed(0)} ms, ` +
            `${fig.freshness?.pending ?? 0} persons waiting for the background refresh`,
        );
      if (!fig.freshness?.pending) break;
      if (i > 600) throw new Error('the statistics facts were not built in 10 minutes');
      await new Promise((r) => setTimeout(r, 1000));
    }
    const measured = await operations(base, caseworker, analyst);
    console.log(`${engine}: ${measured.visible.toLocaleString('en')} cases visible to pnptu.caseworker1`);
    const scenarios = measured.scenarios.filter((s) => !only || only.has(s.id));
    // A server in service has answered each kind of request many times before: the first run after
    // a start pays plan building and the JIT on both engines (bench/README, "The embedded case list
    // warmed and not"). Each operation runs `warmup` seconds unrecorded, on both engines alike.
    if (warmup > 0) {
      const cpu = { server: child.pid!, database: db.postmaster?.() ?? null };
      for (const scenario of [HEALTH, ...scenarios])
        await measure(base, scenario, connectionCounts[0]!, cpu, warmup);
      console.log(`${engine}: each operation warmed for ${warmup} s (not recorded)`);
    }

    for (const connections of connectionCounts) {
      for (const scenario of [HEALTH, ...scenarios]) {
        const cpu = { server: child.pid!, database: db.postmaster?.() ?? null };
        const figure = { engine, ...(await measure(base, scenario, connections, cpu)) };
        figures.push(figure);
        console.log(
          `${engine.padEnd(8)} c=${String(connections).padStart(2)}  ${figure.label.padEnd(34)} ` +
            `${String(figure.rps).padStart(6)} req/s  p50 ${String(figure.p50).padStart(4)} ms  ` +
            `p99 ${String(figure.p99).padStart(5)} ms  (${figure.requests} req, ${figure.non2xx} non-2xx${figure.statuses ? ` (${figure.statuses})` : ''}, ` +
            `${figure.errors} errors, load ${figure.load}; CPU ms/request: server ${figure.serverMs} (main thread ${figure.mainThreadMs})` +
            `${figure.databaseMs === null ? '' : `, database ${figure.databaseMs}`})`,
        );
      }
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await db.stop();
  }
  return figures;
}

const all: Figure[] = [];
console.log(
  `load benchmark: ${cases.toLocaleString('en')} demo cases, ${duration} s per run (at most ${maxRequests} requests), ` +
    `${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
);
for (const engine of engines) all.push(...(await runEngine(engine)));

console.log(
  '\n| Engine | Conn. | Operation | req/s | p50 / p99 ms | non-2xx | server / database CPU ms per request | load avg |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const f of all)
  console.log(
    `| ${f.engine} | ${f.connections} | ${f.label} | ${f.rps.toLocaleString('en')} | ${f.p50} / ${f.p99} | ${f.non2xx} | ${f.serverMs} / ${f.databaseMs ?? '–'} | ${f.load} |`,
  );
