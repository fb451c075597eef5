/**
 * `nanduti db move --to postgres://…`: a small embedded demo database moved into an empty PostgreSQL
 * database with the documented commands keeps every record (row counts equal in every table), its
 * audit trail verifies there (`nanduti audit verify` against the target), and a personal field
 * decrypts to the same text with the data dir's master key. A target with records is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../src/server/db/database.js';
import { loadKeyring } from '../../src/server/crypto/keyring.js';
import { parseMasterKey } from '../../src/server/crypto/field-crypto.js';
import { adminUrl, databaseUrl } from '../helpers/pg-urls.js';
import { cleanUp, runCli, tempDir } from './helpers.js';

async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const available = await pgAvailable();
if (!available) console.warn(`db move test skipped: no PostgreSQL server at ${adminUrl()}`);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function tableCounts(db: Database): Promise<Record<string, number>> {
  return db.transaction(async (trx) => {
    const tables = await sql<{ name: string }>`select relname as name from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and relname not like 'schema_migrations%'
      order by relname`.execute(trx);
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(trx);
      counts[name] = row.rows[0]!.n;
    }
    return counts;
  });
}

describe.skipIf(!available)('moving the embedded database into PostgreSQL', () => {
  const name = `nanduti_move_${process.pid}_${Date.now()}`;
  const target = databaseUrl(name);
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(tempDir('nanduti-move-'), 'data');
    const demo = await runCli(['demo', '--cases', '25', '--seed', 'move', '--password-stdin'], {
      env: { NANDUTI_DATA_DIR: dataDir },
      input: 'demo password for the move 2026',
      timeoutMs: 500_000,
    });
    expect(demo.code, demo.stderr).toBe(0);
    await admin(`create database ${name}`);
  }, 600_000);

  afterAll(async () => {
    await admin(`drop database if exists ${name} with (force)`).catch(() => {});
    await cleanUp();
  });

  it('keeps every record, a verifying audit trail and the keys', async () => {
    const moved = await runCli(['db', 'move', '--to', target], {
      env: { NANDUTI_DATA_DIR: dataDir },
      timeoutMs: 300_000,
    });
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toMatch(/counts equal in every table/);
    expect(moved.stdout).toContain(path.join(dataDir, 'master.key'));
    // The key itself is never printed.
    const keyText = fs.readFileSync(path.join(dataDir, 'master.key'), 'utf8').trim();
    expect(moved.stdout + moved.stderr).not.toContain(keyText);

    // The documented next step: the servers (here the audit check) run on the target with the key.
    const verify = await runCli(['audit', 'verify'], {
      env: { DATABASE_URL: target, NANDUTI_MASTER_KEY: keyText },
      timeoutMs: 180_000,
    });
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/Audit trail intact: \d+ rows verified/);

    const source = await connect({ databaseUrl: null, dataDir });
    const dest = await connect({ databaseUrl: target, dataDir: null, poolSize: 2 });
    try {
      const before = await tableCounts(source);
      const after = await tableCounts(dest);
      // The move adds exactly one audit row, its own, and folds it into the tree (whose tables grow
      // by whatever that fold stores); every other table holds what the source holds.
      const tree = (counts: Record<string, number>) =>
        Object.fromEntries(Object.entries(counts).filter(([table]) => table.startsWith('audit_tree_')));
      const rest = (counts: Record<string, number>) =>
        Object.fromEntries(Object.entries(counts).filter(([table]) => !table.startsWith('audit_tree_')));
      expect(rest(after)).toEqual({ ...rest(before), audit_events: before.audit_events! + 1 });
      for (const [table, n] of Object.entries(tree(before))) expect(after[table]).toBeGreaterThanOrEqual(n);
      expect(before.persons).toBeGreaterThan(20);
      expect(before.cases).toBe(25);

      const master = parseMasterKey(keyText);
      const [fromSource, fromTarget] = await Promise.all(
        [source, dest].map(async (db) => {
          const crypto = await loadKeyring(db, master);
          const row = await db.transaction((trx) =>
            trx
              .selectFrom('persons')
              .select(['id', 'given_names'])
              .orderBy('id')
              .limit(1)
              .executeTakeFirstOrThrow(),
          );
          return { id: row.id, name: crypto.decrypt(row.given_names, 'persons.given_names') };
        }),
      );
      expect(fromTarget).toEqual(fromSource);
      expect(fromTarget!.name.length).toBeGreaterThan(0);
    } finally {
      await dest.close();
      await source.close();
    }

    // Once there are records, a second move is refused and writes nothing.
    const again = await runCli(['db', 'move', '--to', target], {
      env: { NANDUTI_DATA_DIR: dataDir },
      timeoutMs: 180_000,
    });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/not empty/);
  }, 600_000);
});
