/**
 * Backups. Embedded: a consistent snapshot of the data directory as a gzipped tarball, taken by the
 * one process that holds the lock (so the server must be stopped). PostgreSQL: pg_dump.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { connect } from '../db/database.js';
import { lockDataDir } from '../db/data-dir-lock.js';
import type { Config } from '../config.js';

function writeDurably(file: string, data: Buffer): void {
  const tmp = `${file}.partial`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  fs.writeSync(fd, data);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

export async function backup(config: Config, file: string): Promise<string> {
  if (config.databaseUrl) {
    const result = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, config.databaseUrl], {
      stdio: 'inherit',
    });
    if (result.error) {
      throw new Error(
        'pg_dump was not found. With DATABASE_URL, back up with: pg_dump --format=custom --file=FILE "$DATABASE_URL" (restore with pg_restore).',
      );
    }
    if (result.status !== 0) throw new Error(`pg_dump failed with exit code ${result.status}`);
    return `PostgreSQL backup written to ${file} with pg_dump (restore with pg_restore --clean --dbname "$DATABASE_URL" ${file}).`;
  }
  if (!fs.existsSync(path.join(config.dataDir, 'PG_VERSION'))) {
    throw new Error(`No embedded database in ${config.dataDir} to back up.`);
  }
  const db = await connect({ databaseUrl: null, dataDir: config.dataDir });
  try {
    await db.embedded!.exec('checkpoint');
    const dump = await db.embedded!.dumpDataDir('gzip');
    writeDurably(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
  return `Embedded backup written to ${file}. The master key is NOT in it: keep a copy of ${path.join(config.dataDir, 'master.key')} (or NANDUTI_MASTER_KEY) separately.`;
}

export async function restore(config: Config, file: string): Promise<string> {
  if (config.databaseUrl) {
    throw new Error(
      'With DATABASE_URL, restore with: pg_restore --clean --if-exists --dbname "$DATABASE_URL" FILE',
    );
  }
  if (!fs.existsSync(file)) throw new Error(`Backup file ${file} does not exist.`);
  if (fs.existsSync(path.join(config.dataDir, 'PG_VERSION'))) {
    throw new Error(
      `${config.dataDir} already holds a database. Restore into an empty directory (set NANDUTI_DATA_DIR) or move the old one away.`,
    );
  }
  const lock = lockDataDir(config.dataDir);
  try {
    const blob = new Blob([fs.readFileSync(file)]);
    // Check the archive in memory first, so a bad file leaves the directory untouched.
    const probe = new PGlite({ loadDataDir: blob });
    await probe.waitReady;
    await probe.query('select 1 from schema_migrations limit 1');
    await probe.close();
    const engine = await openEmbeddedFrom(config.dataDir, blob);
    await engine.exec('checkpoint');
    await engine.close();
  } finally {
    lock.release();
  }
  return `Restored ${file} into ${config.dataDir}. Put the matching master.key (or NANDUTI_MASTER_KEY) in place before starting.`;
}

async function openEmbeddedFrom(dataDir: string, blob: Blob): Promise<PGlite> {
  const { NodeFS } = await import('@electric-sql/pglite/nodefs');
  const { startParams } = await import('../db/embedded.js');
  const pg = new PGlite({ fs: new NodeFS(dataDir), loadDataDir: blob, startParams: startParams() });
  await pg.waitReady;
  return pg;
}
