/**
 * Failover drill, on this machine, with PostgreSQL's own tools:
 *
 *   npx tsx bench/failover/run.ts [--writers 4] [--readers 2] [--before 8] [--after 8]
 *
 * 1. a primary (initdb) and a synchronous hot standby (pg_basebackup; synchronous_standby_names,
 *    synchronous_commit = remote_apply: a commit is acknowledged once the standby has applied it);
 * 2. a small demo database, two Ñandutí app servers (`nanduti serve`) reaching PostgreSQL through a
 *    TCP proxy (the role PgBouncer, HAProxy or a Patroni-managed virtual address plays in
 *    production: docs/DEPLOYMENT.md);
 * 3. writers (create person, through both servers) and readers (case list) under load;
 * 4. SIGKILL to the primary's processes; `pg_ctl promote` on the standby; the proxy points at it and
 *    drops the connections to the dead server (the app servers' pools reconnect by themselves);
 * 5. load goes on; then every acknowledged write is looked up on the new primary.
 *
 * Prints: acknowledged writes, acknowledged writes lost (must be 0), seconds without a successful
 * write and without a successful read, requests failed during the switch.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, pgBinDir, PgCluster } from '../../test/helpers/pg-cluster.js';
import { BIN, DEMO_PASSWORD } from '../load/demo-db.js';

const { values } = parseArgs({
  options: {
    writers: { type: 'string', default: '4' },
    readers: { type: 'string', default: '2' },
    before: { type: 'string', default: '8' },
    after: { type: 'string', default: '8' },
  },
});
const WRITERS = Number(values.writers);
const READERS = Number(values.readers);
const BEFORE_S = Number(values.before);
const AFTER_S = Number(values.after);

if (!pgBinDir()) {
  console.error('failover drill: PostgreSQL programs (initdb, pg_ctl, pg_basebackup) not found; set PG_BIN');
  process.exit(2);
}

/** A TCP proxy whose target can be switched; switching drops the connections to the old target. */
function proxy(listenPort: number, initialTarget: number) {
  let target = initialTarget;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  return {
    listen: () => new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve)),
    switchTo(port: number) {
      target = port;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    /** Stops listening and drops every open connection (the app servers' pools would hold it open). */
    close() {
      for (const socket of open) socket.destroy();
      open.clear();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function run(args: string[], env: Record<string, string>, input?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', NANDUTI_FROM_SOURCE: '1', ...env },
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    child.stdin.end(input ?? '');
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`nanduti ${args[0]} exited ${code}`)),
    );
  });
}

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${base}/api/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not become ready`);
}

interface Session {
  base: string;
  cookie: string;
  csrf: string;
}

async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { base, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

const started = Date.now();
const now = () => (Date.now() - started) / 1000;
const children: ChildProcess[] = [];
let primary: PgCluster | null = null;
let standby: PgCluster | null = null;

async function main() {
  console.log(
    `failover drill: ${WRITERS} writers, ${READERS} readers, ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  primary = await PgCluster.primary();
  await primary.start();
  standby = await primary.standby('standby1', { settings: { hot_standby_feedback: 'on' } });
  await standby.start();
  await primary.query("alter system set synchronous_standby_names = 'standby1'");
  await primary.query("alter system set synchronous_commit = 'remote_apply'");
  await primary.query('select pg_reload_conf()');
  for (let i = 0; i < 100; i++) {
    const rows = await primary.query<{ sync_state: string }>(
      "select sync_state from pg_stat_replication where application_name = 'standby1'",
    );
    if (rows[0]?.sync_state === 'sync') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(
    `${now().toFixed(1)} s  primary :${primary.port}, synchronous standby :${standby.port} (remote_apply)`,
  );

  const proxyPort = await freePort();
  const pgProxy = proxy(proxyPort, primary.port);
  await pgProxy.listen();
  const env = {
    DATABASE_URL: `postgres://postgres@127.0.0.1:${proxyPort}/postgres`,
    NANDUTI_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
  };
  await run(['demo', '--cases', '50', '--seed', 'failover', '--password-stdin'], env, DEMO_PASSWORD);
  const bases: string[] = [];
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-failover-logs-'));
  console.log(`app server logs in ${logDir}`);
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
      env: { ...process.env, ...env, LOG_LEVEL: 'error', NODE_ENV: 'production', NANDUTI_FROM_SOURCE: '1' },
      stdio: ['ignore', 'ignore', fs.openSync(`${logDir}/app${i + 1}.log`, 'w')],
    });
    children.push(child);
    bases.push(`http://127.0.0.1:${port}`);
  }
  await Promise.all(bases.map(waitForHealth));
  const sessions = await Promise.all(bases.map((b) => signIn(b, 'pnptu.caseworker1')));
  console.log(`${now().toFixed(1)} s  two app servers up behind the proxy; load starts`);

  const acknowledged: string[] = [];
  let failedWrites = 0;
  let failedReads = 0;
  let reads = 0;
  let lastWriteOk = 0;
  let lastReadOk = 0;
  let killedAt: number | null = null;
  let firstWriteAfter: number | null = null;
  let firstReadAfter: number | null = null;
  let longestWriteGap = 0;
  let longestReadGap = 0;
  let stop = false;

  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const s = sessions[(w + i) % sessions.length]!;
      const sent = now();
      try {
        const res = await fetch(`${s.base}/api/persons`, {
          method: 'POST',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ givenNames: 'Prueba Failover', sex: 'Female', confirmNotDuplicate: true }),
          signal: AbortSignal.timeout(30_000),
        });
        if (res.status === 201 || res.status === 200) {
          acknowledged.push(((await res.json()) as { id: string }).id);
          const t = now();
          longestWriteGap = Math.max(longestWriteGap, t - (lastWriteOk || t));
          lastWriteOk = t;
          // Service is back with the first write sent after the kill and acknowledged.
          if (killedAt !== null && sent >= killedAt && firstWriteAfter === null) firstWriteAfter = t;
        } else {
          failedWrites++;
          await res.arrayBuffer();
          await new Promise((r) => setTimeout(r, 100));
        }
      } catch {
        failedWrites++;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const reader = async (r: number) => {
    for (let i = 0; !stop; i++) {
      const s = sessions[(r + i) % sessions.length]!;
      const sent = now();
      try {
        const res = await fetch(`${s.base}/api/cases`, {
          headers: { cookie: s.cookie },
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        if (res.ok) {
          reads++;
          const t = now();
          longestReadGap = Math.max(longestReadGap, t - (lastReadOk || t));
          lastReadOk = t;
          if (killedAt !== null && sent >= killedAt && firstReadAfter === null) firstReadAfter = t;
        } else {
          failedReads++;
          await new Promise((res2) => setTimeout(res2, 100));
        }
      } catch {
        failedReads++;
        await new Promise((res2) => setTimeout(res2, 100));
      }
    }
  };
  const load = [
    ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
    ...Array.from({ length: READERS }, (_, r) => reader(r)),
  ];

  await new Promise((r) => setTimeout(r, BEFORE_S * 1000));
  const ackedBeforeKill = acknowledged.length;
  primary.kill9();
  killedAt = now();
  console.log(
    `${killedAt.toFixed(1)} s  SIGKILL to the primary (${ackedBeforeKill} writes acknowledged so far)`,
  );
  await standby.promote();
  pgProxy.switchTo(standby.port);
  console.log(`${now().toFixed(1)} s  standby promoted (pg_ctl promote), proxy switched to :${standby.port}`);

  const deadline = Date.now() + 120_000;
  while (firstWriteAfter === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, AFTER_S * 1000));
  stop = true;
  await Promise.all(load);

  // Every acknowledged write must be on the new primary.
  const found = new Set<string>();
  for (let i = 0; i < acknowledged.length; i += 5000) {
    const rows = await standby.query<{ id: string }>(
      'select id::text from persons where id = any($1::uuid[])',
      [acknowledged.slice(i, i + 5000)],
    );
    for (const row of rows) found.add(row.id);
  }
  const lost = acknowledged.filter((id) => !found.has(id)).length;
  const writeOutage = firstWriteAfter === null ? null : firstWriteAfter - killedAt;
  const readOutage = firstReadAfter === null ? null : firstReadAfter - killedAt;

  const exited = children.filter((c) => c.exitCode !== null || c.signalCode !== null).length;
  console.log('\nfailover drill result');
  if (exited) console.log(`  app servers that exited        ${exited} (see their logs)`);
  console.log(`  acknowledged writes            ${acknowledged.length} (${ackedBeforeKill} before the kill)`);
  console.log(`  acknowledged writes lost       ${lost}`);
  console.log(
    `  seconds without a write        ${writeOutage === null ? 'never recovered' : writeOutage.toFixed(1)} (kill → first write sent after it acknowledged; longest gap ${longestWriteGap.toFixed(1)} s)`,
  );
  console.log(
    `  seconds without a read         ${readOutage === null ? 'never recovered' : readOutage.toFixed(1)} (longest gap ${longestReadGap.toFixed(1)} s)`,
  );
  console.log(
    `  failed requests                ${failedWrites} writes, ${failedReads} reads (${reads} reads served)`,
  );
  console.log(
    `  load average                   ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  await pgProxy.close();
  return lost === 0 && writeOutage !== null ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
  );
  await (standby as PgCluster | null)?.destroy();
  await (primary as PgCluster | null)?.destroy();
}
process.exit(code);
