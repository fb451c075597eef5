/**
 * Backups. Embedded: a consistent snapshot of the data directory as a gzipped tarball, taken by the
 * one process that holds the lock (so the server must be stopped). PostgreSQL: pg_dump.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { connect } from '../db/database.js';
import { lockDataDir } from '../db/data-dir-lock.js';
import { openEmbedded } from '../db/embedded.js';
import type { Config } from '../config.js';

function writeDurably(file: string, data: Buffer): void {
  const tmp = `${file}.partial`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  fs.writeSync(fd, data);
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

/**
 * Files of the data directory that are not the database: the master key (kept apart from the data
 * it protects, or a stolen backup would be readable) and the lock (its pid means nothing elsewhere).
 */
const NOT_DATABASE = new Set(['master.key', 'nanduti.lock']);

/**
 * `tar` without the entries named in NOT_DATABASE (at the archive's top level). PGlite archives are
 * ustar; a pax or GNU long-name header travels with the entry after it.
 */
export function withoutNonDatabaseFiles(tar: Buffer): Buffer {
  const kept: Buffer[] = [];
  let pending: Buffer[] = [];
  let offset = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    if (!Number.isInteger(size) || size < 0) throw new Error('The backup file is not a valid archive.');
    const end = offset + 512 + Math.ceil(size / 512) * 512;
    if (end > tar.length) throw new Error('The backup file is truncated.');
    const entry = tar.subarray(offset, end);
    offset = end;
    const type = field(156, 1);
    if (type === 'x' || type === 'L' || type === 'K') {
      pending.push(entry);
      continue;
    }
    const prefix = field(345, 155);
    const name = `${prefix ? `${prefix}/` : ''}${field(0, 100)}`.replace(/^(\.?\/)+/, '');
    if (!NOT_DATABASE.has(name)) kept.push(...pending, entry);
    pending = [];
  }
  return Buffer.concat([...kept, Buffer.alloc(1024)]);
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
    const dump = await db.embedded!.dumpDataDir('none');
    const tar = withoutNonDatabaseFiles(Buffer.from(await dump.arrayBuffer()));
    writeDurably(file, zlib.gzipSync(tar));
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
    // Backups made before the key and lock were left out may hold them: never restore either.
    const blob = new Blob([new Uint8Array(withoutNonDatabaseFiles(readArchive(file)))]);
    // Check the archive in memory first, so a bad file leaves the directory untouched.
    const probe = new PGlite({ loadDataDir: blob });
    await probe.waitReady;
    await probe.query('select 1 from schema_migrations limit 1');
    await probe.close();
    const engine = await openEmbedded(config.dataDir, blob);
    await engine.exec('checkpoint');
    await engine.close();
  } finally {
    lock.release();
  }
  return `Restored ${file} into ${config.dataDir}. Put the matching master.key (or NANDUTI_MASTER_KEY) in place before starting.`;
}

/** The tar inside a backup file (gzipped as `backup` writes it, or plain). */
function readArchive(file: string): Buffer {
  const data = fs.readFileSync(file);
  if (data[0] !== 0x1f || data[1] !== 0x8b) return data;
  try {
    return zlib.gunzipSync(data);
  } catch {
    throw new Error(`${file} is not a valid backup (damaged gzip data).`);
  }
}
