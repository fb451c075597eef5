/**
 * Loads the master key and the data keys it wraps, creates them on first start, and rotates them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database, Trx } from '../db/database.js';
import { FieldCrypto, parseMasterKey, unwrapKey, wrapKey } from './field-crypto.js';
import { ENCRYPTED_COLUMNS, contextOf } from './registry.js';

export interface MasterKeySource {
  masterKey: string | null;
  dataDir: string;
  embedded: boolean;
}

export interface ResolvedMasterKey {
  key: Buffer;
  /** Set when the key was generated just now into the data directory (warn the operator). */
  generatedAt: string | null;
}

/**
 * The master key: NANDUTI_MASTER_KEY, or in embedded mode a key file in the data directory,
 * generated on first start with mode 0600. PostgreSQL mode requires the environment variable.
 */
export function resolveMasterKey(source: MasterKeySource): ResolvedMasterKey {
  if (source.masterKey) return { key: parseMasterKey(source.masterKey), generatedAt: null };
  if (!source.embedded) {
    throw new Error(
      'NANDUTI_MASTER_KEY is required with DATABASE_URL (32 random bytes as base64: `openssl rand -base64 32`).',
    );
  }
  const file = path.join(source.dataDir, 'master.key');
  if (fs.existsSync(file)) return { key: parseMasterKey(fs.readFileSync(file, 'utf8')), generatedAt: null };
  fs.mkdirSync(source.dataDir, { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  const fd = fs.openSync(file, 'wx', 0o600);
  fs.writeSync(fd, key.toString('base64') + '\n');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  return { key, generatedAt: file };
}

function newKeyId(prefix: string): string {
  return `${prefix}${new Date().toISOString().slice(0, 10).replaceAll('-', '')}${crypto.randomBytes(3).toString('hex')}`;
}

/** Stores a new random key `id`, wrapped with the master key, as the active key of `purpose`. */
async function insertActiveKey(trx: Trx, master: Buffer, id: string, purpose: 'data' | 'blind_index') {
  await trx
    .insertInto('crypto_keys')
    .values({ id, purpose, status: 'active', wrapped: wrapKey(master, id, crypto.randomBytes(32)) })
    .execute();
}

/** Loads the keyring, creating the first data key and the blind-index key on an empty database. */
export async function loadKeyring(db: Database, master: Buffer): Promise<FieldCrypto> {
  return db.transaction(async (trx) => {
    // Serialise first-start key creation between app servers sharing one database.
    await sql`select pg_advisory_xact_lock(7261001)`.execute(trx);
    let rows = await trx.selectFrom('crypto_keys').selectAll().orderBy('created_at').execute();
    if (!rows.some((r) => r.purpose === 'data' && r.status === 'active'))
      await insertActiveKey(trx, master, newKeyId('d'), 'data');
    if (!rows.some((r) => r.purpose === 'blind_index'))
      await insertActiveKey(trx, master, newKeyId('b'), 'blind_index');
    rows = await trx.selectFrom('crypto_keys').selectAll().orderBy('created_at').execute();
    const dataKeys = new Map<string, Buffer>();
    let active: string | null = null;
    let blind: Buffer | null = null;
    for (const row of rows) {
      const key = unwrapKey(master, row.id, row.wrapped);
      if (row.purpose === 'blind_index') blind = key;
      else {
        dataKeys.set(row.id, key);
        if (row.status === 'active') active = row.id;
      }
    }
    return new FieldCrypto(dataKeys, active!, blind!);
  });
}

export interface RotationReport {
  newKeyId: string;
  reencrypted: number;
  columns: number;
}

/**
 * Creates a new data key, makes it the active one and re-encrypts every registered column with it,
 * in batches (each batch its own transaction, so a long rotation does not hold locks). Old keys are
 * kept as `retired` so that a value missed by a concurrent writer can still be read.
 */
export async function rotateDataKey(db: Database, master: Buffer, batchSize = 500): Promise<RotationReport> {
  const id = newKeyId('d');
  await db.transaction(async (trx) => {
    await sql`select pg_advisory_xact_lock(7261001)`.execute(trx);
    await trx.updateTable('crypto_keys').set({ status: 'retired' }).where('purpose', '=', 'data').execute();
    await insertActiveKey(trx, master, id, 'data');
  });
  const fieldCrypto = await loadKeyring(db, master);
  let reencrypted = 0;
  for (const column of ENCRYPTED_COLUMNS) {
    const context = contextOf(column);
    const like = `enc:v1:${id}:%`;
    for (;;) {
      const done = await db.transaction(async (trx) => {
        const result = await sql<{ id: string; value: string }>`
          select ${sql.ref(column.idColumn)}::text as id, ${sql.ref(column.column)} as value
          from ${sql.table(column.table)}
          where ${sql.ref(column.column)} is not null and ${sql.ref(column.column)} not like ${like}
          limit ${batchSize} for update`.execute(trx);
        for (const row of result.rows) {
          const plaintext = fieldCrypto.decrypt(row.value, context);
          await sql`update ${sql.table(column.table)} set ${sql.ref(column.column)} = ${fieldCrypto.encrypt(plaintext, context)}
            where ${sql.ref(column.idColumn)}::text = ${row.id}`.execute(trx);
        }
        reencrypted += result.rows.length;
        return result.rows.length < batchSize;
      });
      if (done) break;
    }
  }
  return { newKeyId: id, reencrypted, columns: ENCRYPTED_COLUMNS.length };
}
