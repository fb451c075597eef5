/**
 * Runs Ñandutí as a user would (the real `nanduti` command on an embedded data directory) and drives
 * Debian's Chromium with playwright-core. Never downloads a browser.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { currentStep, totpAt } from '../../src/server/modules/auth/totp.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'nanduti.mjs');
export const CHROMIUM = process.env.NANDUTI_CHROMIUM ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  stop: () => Promise<void>;
  /** Runs a `nanduti` CLI command (only while the server is stopped, or against PostgreSQL). */
}

export function cli(env: NodeJS.ProcessEnv, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env,
    input,
    encoding: 'utf8',
    timeout: 300_000, // a fresh database migrates in seconds; more on a loaded machine
  });
  if (result.status !== 0) throw new Error(`nanduti ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

export interface Admin {
  username: string;
  password: string;
  totpSecret: string;
}

/** A fresh data directory with one system administrator, created with the CLI. */
export function prepareDataDir(): { env: NodeJS.ProcessEnv; dataDir: string; admin: Admin } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nanduti-browser-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NANDUTI_DATA_DIR: dataDir,
    NANDUTI_FROM_SOURCE: '1',
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const admin = { username: 'admin.mesa', password: 'tejido de ñandutí 2026 seguro' };
  const out = cli(
    env,
    [
      'create-admin',
      '--username',
      admin.username,
      '--display-name',
      'Admin Mesa',
      '--password-stdin',
      '--json',
    ],
    admin.password,
  );
  const { totpSecret } = JSON.parse(out) as { totpSecret: string };
  return { env, dataDir, admin: { ...admin, totpSecret } };
}

export async function startServer(env: NodeJS.ProcessEnv, dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
    env: { ...env, NANDUTI_PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  // A minute is plenty alone; a loaded CI machine (or a restart within a test) may need two.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`server did not become ready: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    env,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** A TOTP code for a step no earlier login used (the server refuses replays within a step). */
const usedSteps = new Map<string, number>();
export async function freshTotp(secret: string): Promise<string> {
  let step = currentStep();
  const last = usedSteps.get(secret);
  if (last !== undefined && step <= last) {
    await new Promise((r) => setTimeout(r, ((last + 1) * 30 - Date.now() / 1000) * 1000 + 200));
    step = currentStep();
  }
  usedSteps.set(secret, step);
  return totpAt(secret, step);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'es-PY',
  });
}

export function removeDir(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
}
