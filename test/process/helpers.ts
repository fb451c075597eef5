/**
 * Running the real `nanduti` command in child processes: CLI commands, servers on free ports,
 * signing in through the API. Every child and temporary directory is registered so that
 * `cleanUp()` (called from afterAll) removes them even when a test failed half-way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentStep, totpAt } from '../../src/server/modules/auth/totp.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'nanduti.mjs');
export const PASSWORD = 'tejido de araña sobre el río 7';

const children = new Set<ChildProcess>();
const dirs = new Set<string>();

/** A new temporary directory, removed by cleanUp(). */
export function tempDir(prefix = 'nanduti-proc-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

/** The environment of a child: ours, minus anything that would point it at another database or key. */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NANDUTI_FROM_SOURCE: '1', LOG_LEVEL: 'warn' };
  for (const name of [
    'DATABASE_URL',
    'NANDUTI_MASTER_KEY',
    'NANDUTI_DATA_DIR',
    'PORT',
    'HOST',
    'NANDUTI_PUBLIC_URL',
  ])
    delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `nanduti <args>` to completion (killed after `timeoutMs`). */
export function runCli(
  args: string[],
  options: { env: Record<string, string | undefined>; input?: string; timeoutMs?: number },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: childEnv(options.env),
      stdio: 'pipe',
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 110_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Creates a system administrator with `create-admin --json`; returns its id and TOTP secret. */
export async function createAdmin(
  dataDir: string,
  username: string,
): Promise<{ id: string; totpSecret: string }> {
  const result = await runCli(['create-admin', '--username', username, '--password-stdin', '--json'], {
    env: { NANDUTI_DATA_DIR: dataDir },
    input: `${PASSWORD}\n`,
  });
  if (result.code !== 0) throw new Error(`create-admin failed (${result.code}): ${result.stderr}`);
  // The JSON object is the last line (see cli.test.ts for the stricter check of the whole output).
  const last = result.stdout.trim().split('\n').at(-1)!;
  return JSON.parse(last) as { id: string; totpSecret: string };
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  output: () => string;
  /** Resolves with the exit code/signal when the process ends. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `nanduti serve` on a free port and waits until it says it is serving. */
export async function startServer(
  dataDir: string,
  env: Record<string, string | undefined> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
    cwd: ROOT,
    env: childEnv({ NANDUTI_DATA_DIR: dataDir, ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within 110 s:\n${output}`)),
      110_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Ñandutí is serving')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before serving:\n${output}`));
    });
  });
  return { child, pid: child.pid!, port, baseUrl: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** SIGTERM (graceful: closes the database, releases the lock) and wait for the exit. */
export async function stopServer(
  server: RunningServer,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  server.child.kill('SIGTERM');
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('server did not stop in 30 s')), 30_000),
  );
  return Promise.race([server.exited, timeout]);
}

/**
 * A TOTP code for a step after `lastStep` (codes may not be replayed, so each sign-in of a user on
 * one database needs a later step). The server accepts one step of drift, so this waits only when
 * two sign-ins already used the current and the next step.
 */
export async function totpAfter(
  secret: string,
  lastStep: number | null,
): Promise<{ code: string; step: number }> {
  for (;;) {
    const step = Math.max(currentStep(), (lastStep ?? -1) + 1);
    if (step <= currentStep() + 1) return { code: totpAt(secret, step), step };
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const lastStep = new Map<string, number>();

export interface ApiSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through POST /api/auth/login with password and TOTP; returns the cookie and CSRF token. */
export async function login(baseUrl: string, username: string, totpSecret: string): Promise<ApiSession> {
  const nextTotp = async () => {
    const { code, step } = await totpAfter(totpSecret, lastStep.get(totpSecret) ?? null);
    lastStep.set(totpSecret, step);
    return code;
  };
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD, totp: await nextTotp() }),
  });
  const body = (await response.json()) as { csrfToken?: string };
  if (response.status !== 200 || !body.csrfToken)
    throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrfToken: body.csrfToken };
}

/** A JSON API call with the session's cookie and CSRF token. */
export function api(
  baseUrl: string,
  session: ApiSession,
  method: string,
  url: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The pid written in the data directory's lock file, or null when there is none. */
export function lockOwner(dataDir: string): number | null {
  try {
    return Number.parseInt(fs.readFileSync(path.join(dataDir, 'nanduti.lock'), 'utf8').trim(), 10);
  } catch {
    return null;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills every child still running and removes every temporary directory. */
export async function cleanUp(): Promise<void> {
  const waits: Promise<unknown>[] = [];
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      waits.push(new Promise((resolve) => child.once('exit', resolve)));
      child.kill('SIGKILL');
    }
  }
  await Promise.all(waits);
  children.clear();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}
