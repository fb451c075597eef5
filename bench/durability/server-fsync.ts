/**
 * fsync system calls per acknowledged API write, as the kernel sees them: runs the real server
 * (`nanduti serve`, embedded mode) under `strace -f -ttt -y -e trace=fsync,fdatasync`, signs in,
 * sends N sequential POST /api/institutions (each: the row and its audit row in one transaction),
 * and counts the fsync calls whose timestamps fall between the first request and the last reply,
 * by file (WAL segment or other).
 *
 *   npx tsx bench/durability/server-fsync.ts [--n 200]
 *
 * Needs strace (apt-get install -y strace). Figures: docs/adr/0002-embedded-durability.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { currentStep, totpAt } from '../../src/server/modules/auth/totp.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'nanduti.mjs');
const password = 'tejido de araña sobre el río 7';
const { values } = parseArgs({ options: { n: { type: 'string', default: '200' } } });
const n = Number(values.n);

if (spawnSync('strace', ['-V']).error) throw new Error('strace is not installed (apt-get install -y strace)');

const env: NodeJS.ProcessEnv = { ...process.env, NANDUTI_FROM_SOURCE: '1', LOG_LEVEL: 'warn' };
delete env.DATABASE_URL;
delete env.NANDUTI_MASTER_KEY;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let lastStep = -1;
async function totp(secret: string): Promise<string> {
  while (Math.max(currentStep(), lastStep + 1) > currentStep() + 1)
    await new Promise((r) => setTimeout(r, 1000));
  lastStep = Math.max(currentStep(), lastStep + 1);
  return totpAt(secret, lastStep);
}

/** One server run under strace with `writes` POSTs; returns the kernel's fsync count and latencies. */
async function run(dataDir: string, secret: string, writes: number, tag: string) {
  const port = await freePort();
  const trace = path.join(path.dirname(dataDir), `strace-${tag}.txt`);
  const child = spawn(
    'strace',
    [
      '-f',
      '-ttt',
      '-y',
      '-e',
      'trace=fsync,fdatasync',
      '-o',
      trace,
      process.execPath,
      bin,
      'serve',
      '--port',
      String(port),
    ],
    { cwd: root, env: { ...env, NANDUTI_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('is serving')) resolve();
    });
    child.on('exit', () => reject(new Error(`server exited:\n${out}`)));
  });
  try {
    return await measure(child, dataDir, port, secret, writes, tag, trace);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

async function measure(
  child: ReturnType<typeof spawn>,
  dataDir: string,
  port: number,
  secret: string,
  writes: number,
  tag: string,
  trace: string,
) {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password, totp: await totp(secret) }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const headers = {
    'content-type': 'application/json',
    cookie: login.headers.get('set-cookie')!.split(';')[0]!,
    'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
  };
  const latencies: number[] = [];
  const from = Date.now() / 1000;
  for (let i = 0; i < writes; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/institutions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ code: `B${tag}-${i}`, name: `Bench ${i}`, kind: 'NGO' }),
    });
    if (res.status !== 201) throw new Error(`write ${i}: ${res.status} ${await res.text()}`);
    latencies.push(performance.now() - t0);
  }
  const to = Date.now() / 1000;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  // Stop the server itself (its pid is in the lock file), not strace, which would detach and leave it
  // running; strace has written every call by the time its tracee has exited.
  process.kill(Number(fs.readFileSync(path.join(dataDir, 'nanduti.lock'), 'utf8')), 'SIGTERM');
  await exited;
  // Lines: "<pid> <epoch.usec> fsync(<fd><path>) = 0" (or "<unfinished ...>" when threads interleave).
  const calls = [
    ...fs.readFileSync(trace, 'utf8').matchAll(/ (\d+\.\d+) (?:fsync|fdatasync)\(\d+<([^>]*)>/g),
  ].map((m) => ({
    at: Number(m[1]),
    file: m[2]!,
  }));
  const during = calls.filter((c) => c.at >= from && c.at <= to);
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
  return {
    total: calls.length,
    during: during.length,
    wal: during.filter((c) => c.file.includes('/pg_wal/')).length,
    p50: p(0.5),
    p95: p(0.95),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-server-fsync-'));
try {
  const dataDir = path.join(dir, 'data');
  const created = spawnSync(
    process.execPath,
    [bin, 'create-admin', '--username', 'bench', '--password-stdin', '--json'],
    {
      cwd: root,
      env: { ...env, NANDUTI_DATA_DIR: dataDir },
      input: `${password}\n`,
      encoding: 'utf8',
    },
  );
  if (created.status !== 0) throw new Error(`create-admin: ${created.stderr}`);
  const secret = (JSON.parse(created.stdout.trim().split('\n').at(-1)!) as { totpSecret: string }).totpSecret;

  const r = await run(dataDir, secret, n, 'A');
  console.log(`${n} sequential POST /api/institutions on the real server (row + audit row per transaction):`);
  console.log(
    `  fsync syscalls while they ran: ${r.during} (${r.wal} on WAL segments) => ${(r.during / n).toFixed(2)} per acknowledged write`,
  );
  console.log(
    `  fsync syscalls over the whole run (start-up, sign-in, writes, shutdown checkpoint): ${r.total}`,
  );
  console.log(`  HTTP round trip under strace: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
