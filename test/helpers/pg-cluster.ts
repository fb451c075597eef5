/**
 * Throw-away PostgreSQL clusters built with PostgreSQL's own tools (initdb, pg_ctl, pg_basebackup):
 * a primary and streaming hot standbys on free loopback ports, in temporary directories. Used by the
 * replica test, the load benchmark (when no DATABASE_URL is given) and the failover drill.
 *
 * PostgreSQL refuses to run as root: when we are root, its commands run as the `postgres` user
 * (runuser), which then owns the cluster's directory.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The directory of PostgreSQL's programs (env PG_BIN, else the newest /usr/lib/postgresql/N/bin), or null. */
export function pgBinDir(): string | null {
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : [];
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root))
    candidates.push(
      ...fs
        .readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join(root, v, 'bin')),
    );
  for (const dir of candidates)
    if (['initdb', 'pg_ctl', 'pg_basebackup'].every((p) => fs.existsSync(path.join(dir, p)))) return dir;
  return null;
}

const asRoot = process.getuid?.() === 0;
const OWNER = 'postgres';

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function tool(name: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const bin = pgBinDir();
  if (!bin) throw new Error('PostgreSQL programs (initdb, pg_ctl, pg_basebackup) not found; set PG_BIN');
  const file = path.join(bin, name);
  const [cmd, argv] = asRoot ? ['runuser', ['-u', OWNER, '--', file, ...args]] : [file, args];
  const { stdout } = await run(cmd, argv, { timeout: timeoutMs, cwd: os.tmpdir() });
  return stdout;
}

function ownDir(dir: string): void {
  if (asRoot) spawnSync('chown', ['-R', `${OWNER}:`, dir]);
}

function newDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o700);
  ownDir(dir);
  return dir;
}

export interface ClusterOptions {
  /** Extra postgresql.conf settings. */
  settings?: Record<string, string | number>;
  port?: number;
  /** Directory to create the cluster in (must not exist or be empty); a temporary one otherwise. */
  dir?: string;
}

const BASE_SETTINGS: Record<string, string | number> = {
  listen_addresses: "'127.0.0.1'",
  wal_level: 'replica',
  max_wal_senders: 8,
  max_replication_slots: 8,
  hot_standby: 'on',
  wal_keep_size: "'256MB'",
  max_connections: 100,
  logging_collector: 'off',
};

function confLines(settings: Record<string, string | number>): string {
  return Object.entries(settings)
    .map(([k, v]) => `${k} = ${v}\n`)
    .join('');
}

export class PgCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly name: string,
  ) {}

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://${OWNER}@127.0.0.1:${this.port}/${database}`;
  }

  /** initdb a new primary (trust authentication on loopback, replication allowed). */
  static async primary(options: ClusterOptions = {}): Promise<PgCluster> {
    const dir = options.dir ?? newDir('nanduti-pg-');
    fs.mkdirSync(dir, { recursive: true });
    ownDir(dir);
    const port = options.port ?? (await freePort());
    const cluster = new PgCluster(dir, port, 'primary');
    await tool('initdb', [
      '-D',
      cluster.dataDir,
      '--auth=trust',
      '-U',
      OWNER,
      '-E',
      'UTF8',
      '--no-instructions',
    ]);
    const settings = { ...BASE_SETTINGS, port, unix_socket_directories: `'${dir}'`, ...options.settings };
    fs.appendFileSync(path.join(cluster.dataDir, 'postgresql.conf'), confLines(settings));
    return cluster;
  }

  /** An existing cluster directory made by `primary()` (reused by the load benchmark). */
  static existing(dir: string, port: number): PgCluster {
    return new PgCluster(dir, port, 'primary');
  }

  /** A streaming hot standby of this cluster, from pg_basebackup (not started). */
  async standby(name = 'standby1', options: ClusterOptions = {}): Promise<PgCluster> {
    const dir = options.dir ?? newDir('nanduti-pg-standby-');
    const port = options.port ?? (await freePort());
    const standby = new PgCluster(dir, port, name);
    await tool('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(this.port),
      '-U',
      OWNER,
      '-D',
      standby.dataDir,
      '-X',
      'stream',
      '-c',
      'fast',
      '-R',
    ]);
    const conninfo = `host=127.0.0.1 port=${this.port} user=${OWNER} application_name=${name}`;
    const settings = {
      port,
      unix_socket_directories: `'${dir}'`,
      primary_conninfo: `'${conninfo}'`,
      ...options.settings,
    };
    fs.appendFileSync(path.join(standby.dataDir, 'postgresql.auto.conf'), confLines(settings));
    return standby;
  }

  async start(): Promise<void> {
    await tool('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'log'), '-w', '-t', '60', 'start']);
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) return;
    await tool('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']).catch(() => {});
  }

  /** The postmaster's process id (from postmaster.pid), or null when it is not running. */
  pid(): number | null {
    const file = path.join(this.dataDir, 'postmaster.pid');
    if (!fs.existsSync(file)) return null;
    return Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  }

  /** SIGKILL to the postmaster and every backend of the cluster (what a crashed machine does). */
  kill9(): void {
    const pid = this.pid();
    if (!pid) return;
    // Backends are the postmaster's children; kill them too so no one keeps serving.
    const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    for (const p of [pid, ...children]) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  async promote(): Promise<void> {
    await tool('pg_ctl', ['-D', this.dataDir, '-w', '-t', '60', 'promote']);
  }

  /** Runs one statement on `database` with a short-lived connection. */
  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
    database = 'postgres',
  ): Promise<R[]> {
    const client = new pg.Client({ connectionString: this.url(database) });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  }

  /** Stops the cluster and removes its directory. */
  async destroy(): Promise<void> {
    await this.stop('immediate');
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
