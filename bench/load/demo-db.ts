/**
 * The load benchmark's demo databases, made once and kept (they take minutes to fill) in
 * NANDUTI_LOAD_DIR (default /tmp/nanduti-load), one per engine and size:
 *   pglite-N/data           an embedded data directory (its master key file inside)
 *   postgres-N/             a PostgreSQL cluster of its own (initdb), port in `port`, key in `master-key`
 * A PostgreSQL server of your own: DATABASE_URL=postgres://… (an empty database, filled on first use).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, PgCluster } from '../../test/helpers/pg-cluster.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'nanduti.mjs');
export const DEMO_PASSWORD = 'telaraña de prueba bajo carga 2026';
const LOAD_DIR = process.env.NANDUTI_LOAD_DIR ?? '/tmp/nanduti-load';

export type Engine = 'pglite' | 'postgres';

export interface DemoDb {
  engine: Engine;
  /** The server's environment (DATABASE_URL or NANDUTI_DATA_DIR, the master key). */
  env: Record<string, string>;
  stop: () => Promise<void>;
  /** The PostgreSQL postmaster's process id, when the cluster is the benchmark's own (its CPU is read). */
  postmaster?: () => number | null;
}

function runDemo(cases: number, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'demo', '--cases', String(cases), '--password-stdin'], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    child.stdin.end(DEMO_PASSWORD);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`nanduti demo exited ${code}`))));
  });
}

async function databaseHasCases(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query("select to_regclass('public.cases') is not null as t");
    if (!rows.rows[0]?.t) return false;
    const n = await client.query('select exists (select 1 from cases) as any');
    return Boolean(n.rows[0]?.any);
  } finally {
    await client.end();
  }
}

/** The demo database of `cases` cases on `engine`, filled now if it is not there yet. */
export async function demoDatabase(engine: Engine, cases: number): Promise<DemoDb> {
  const dir = path.join(LOAD_DIR, `${engine}-${cases}`);
  fs.mkdirSync(dir, { recursive: true });
  const done = path.join(dir, 'filled');
  if (engine === 'pglite') {
    const env = { NANDUTI_DATA_DIR: path.join(dir, 'data') };
    if (!fs.existsSync(done)) {
      fs.rmSync(env.NANDUTI_DATA_DIR, { recursive: true, force: true });
      console.log(
        `filling an embedded demo database of ${cases.toLocaleString('en')} cases in ${dir} (once)`,
      );
      await runDemo(cases, env);
      fs.writeFileSync(done, new Date().toISOString());
    }
    return { engine, env, stop: async () => {} };
  }
  const keyFile = path.join(dir, 'master-key');
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, crypto.randomBytes(32).toString('base64'));
  const masterKey = fs.readFileSync(keyFile, 'utf8').trim();
  if (process.env.DATABASE_URL) {
    const env = {
      DATABASE_URL: process.env.DATABASE_URL,
      NANDUTI_MASTER_KEY: process.env.NANDUTI_MASTER_KEY ?? masterKey,
    };
    if (!(await databaseHasCases(env.DATABASE_URL))) {
      console.log(`filling ${cases.toLocaleString('en')} demo cases into DATABASE_URL (once)`);
      await runDemo(cases, env);
    }
    return { engine, env, stop: async () => {} };
  }
  const clusterDir = path.join(dir, 'cluster');
  const portFile = path.join(dir, 'port');
  let cluster: PgCluster;
  if (fs.existsSync(path.join(clusterDir, 'data', 'PG_VERSION')) && fs.existsSync(portFile)) {
    cluster = PgCluster.existing(clusterDir, Number(fs.readFileSync(portFile, 'utf8')));
  } else {
    fs.rmSync(clusterDir, { recursive: true, force: true });
    const port = await freePort();
    cluster = await PgCluster.primary({
      dir: clusterDir,
      port,
      settings: { shared_buffers: "'256MB'", max_connections: 120 },
    });
    fs.writeFileSync(portFile, String(port));
  }
  if (!cluster.pid()) await cluster.start();
  const env = { DATABASE_URL: cluster.url('postgres'), NANDUTI_MASTER_KEY: masterKey };
  if (!fs.existsSync(done)) {
    console.log(`filling a PostgreSQL demo database of ${cases.toLocaleString('en')} cases in ${dir} (once)`);
    await runDemo(cases, env);
    await cluster.query('vacuum analyze');
    fs.writeFileSync(done, new Date().toISOString());
  }
  return { engine, env, stop: () => cluster.stop('fast'), postmaster: () => cluster.pid() };
}
